import ArgumentParser
import Foundation
import Learning

struct Doctor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "doctor", 
        abstract: "Check what labs need: the aws CLI, python3 and boto3, bash, the emulator's port; says how to fix each problem.")

    struct Finding {
        var ok: Bool
        var what: String
        var fix: String?
    }

    func run() async throws {
        let context = try LearnerContext()
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        var findings: [Finding] = []

        if let aws = LearnerEnvironment.locate("aws", in: path, excluding: context.home.bin.path) {
            let version = Self.output(aws, ["--version"]) ?? "unknown version"
            findings.append(Finding(ok: true, what: "aws CLI: \(aws) (\(version))"))
        } else {
            findings.append(Finding(ok: false, what: "aws CLI: not found on PATH",
                                    fix: "python3 -m pip install awscli   (or the AWS CLI v2 installer: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html)"))
        }
        if let python = LearnerEnvironment.locate("python3", in: path) {
            let version = Self.output(python, ["--version"]) ?? "?"
            findings.append(Finding(ok: true, what: "python3: \(python) (\(version))"))
            if let boto3 = Self.output(python, ["-c", "import boto3; print(boto3.__version__)"]) {
                let parts = boto3.split(separator: ".").compactMap { Int($0) }
                let recent = parts.count >= 2 && (parts[0] > 1 || parts[1] >= 28)
                findings.append(Finding(ok: recent, what: "boto3 \(boto3)",
                                        fix: recent ? nil : "boto3 1.28 or later reads AWS_ENDPOINT_URL: python3 -m pip install -U boto3"))
            } else {
                findings.append(Finding(ok: false, what: "boto3: not installed (labs with Python examples need it)",
                                        fix: "python3 -m pip install boto3"))
            }
        } else {
            findings.append(Finding(ok: false, what: "python3: not found", fix: "sudo apt-get install -y python3 python3-pip"))
        }
        for tool in ["bash", "timeout"] {
            let found = LearnerEnvironment.locate(tool, in: path) != nil
            findings.append(Finding(ok: found, what: "\(tool): \(found ? "present" : "not found")",
                                    fix: found ? nil : "sudo apt-get install -y \(tool == "bash" ? "bash" : "coreutils")"))
        }
        if let record = await context.daemon.running() {
            findings.append(Finding(ok: true, what: "emulator: running at http://127.0.0.1:\(record.port) (pid \(record.pid), version \(record.version))"))
            if record.version != HandsonVersion.current {
                findings.append(Finding(ok: false, what: "the running emulator is version \(record.version), this handson is \(HandsonVersion.current)",
                                        fix: "handson stop, then handson start LAB"))
            }
        } else if Self.portTaken(4566) {
            findings.append(Finding(ok: true, what: "port 4566 is taken by another program (LocalStack?); handson will use a free port instead"))
        } else {
            findings.append(Finding(ok: true, what: "emulator: not running (handson start LAB starts it on port 4566)"))
        }
        let writable = (try? context.home.create()) != nil && FileManager.default.isWritableFile(atPath: context.home.root.path)
        findings.append(Finding(ok: writable, what: "data folder \(context.home.root.path)\(writable ? "" : " is not writable")",
                                fix: writable ? nil : "set HANDSON_HOME to a folder you can write to"))

        var lines: [String] = []
        for finding in findings {
            lines.append("\(finding.ok ? "✓" : "✗") \(finding.what)")
            if let fix = finding.fix, !finding.ok { lines.append("    fix: \(fix)") }
        }
        Terminal.write(lines.joined(separator: "\n") + "\n")
        if findings.contains(where: { !$0.ok }) { throw ExitCode(1) }
    }

    /// The first line a program prints (stdout or stderr), or nil when it fails.
    static func output(_ program: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init)
    }

    static func portTaken(_ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0
    }
}
