import Foundation
import HandsonAPI

/// What makes the real `aws` CLI and boto3 reach the emulator: dummy credentials, a region,
/// `AWS_ENDPOINT_URL` (aws CLI v2, boto3) and, first on PATH, an `aws` wrapper adding
/// `--endpoint-url` (aws CLI v1 ignores the variable). The learner's shell, `handson env`,
/// `run:` checks and `handson test` all use this one environment.
public struct LearnerEnvironment: Sendable {
    public let endpoint: String
    /// Holds the `aws` wrapper and a `handson` link.
    public let bin: URL
    public let lab: String?
    /// The emulator's token file, as `HANDSON_TOKEN_FILE`: `handson` commands run inside the
    /// environment (`handson clock`, `handson status`) reach `/_handson/*` with it. The path,
    /// never the token, goes into the environment.
    public let tokenFile: URL?

    public init(endpoint: String, bin: URL, lab: String? = nil, tokenFile: URL? = nil) {
        self.endpoint = endpoint
        self.bin = bin
        self.lab = lab
        self.tokenFile = tokenFile
    }

    public var variables: [String: String] {
        var variables = [
            "AWS_ENDPOINT_URL": endpoint,
            "AWS_ACCESS_KEY_ID": "test",
            "AWS_SECRET_ACCESS_KEY": "test",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_REGION": "us-east-1",
            "AWS_PAGER": "",
            "HANDSON_ENDPOINT": endpoint,
        ]
        if let lab { variables["HANDSON_LAB"] = lab }
        if let tokenFile { variables[HandsonAPI.tokenFileVariable] = tokenFile.path }
        return variables
    }

    /// `base` with these variables set, the wrapper first on PATH and any AWS profile removed.
    public func applied(to base: [String: String]) -> [String: String] {
        var environment = base
        for key in ["AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_CONFIG_FILE", "AWS_DEFAULT_PROFILE"] {
            environment.removeValue(forKey: key)
        }
        environment.merge(variables) { $1 }
        let path = base["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        environment["PATH"] = bin.path + ":" + path
        return environment
    }

    /// `export …` lines for `eval "$(handson env)"`.
    public func exportScript() -> String {
        var lines = variables.sorted { $0.key < $1.key }.map { "export \($0.key)=\(Self.quoted($0.value))" }
        lines.append("export PATH=\(Self.quoted(bin.path)):\"$PATH\"")
        lines.append("unset AWS_PROFILE AWS_SESSION_TOKEN")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `bin/aws` (the real CLI plus `--endpoint-url`) and `bin/handson` (this program).
    /// The wrapper reads HANDSON_ENDPOINT at run time, so one bin folder serves any port.
    public static func installWrappers(in bin: URL, handsonExecutable: String, searchPath: String) throws {
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let realAWS = locate("aws", in: searchPath, excluding: bin.path)
        let wrapper: String
        if let realAWS {
            wrapper = """
                #!/bin/sh
                # Written by handson: the real aws CLI, pointed at the emulator.
                exec \(quoted(realAWS)) --endpoint-url "${HANDSON_ENDPOINT:-http://127.0.0.1:4566}" "$@"

                """
        } else {
            wrapper = """
                #!/bin/sh
                echo "handson: the aws CLI is not installed; 'handson doctor' says how to install it" >&2
                exit 127

                """
        }
        let awsPath = bin.appendingPathComponent("aws")
        try Data(wrapper.utf8).write(to: awsPath, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: awsPath.path)
        let link = bin.appendingPathComponent("handson")
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) != handsonExecutable {
            try? FileManager.default.removeItem(at: link)
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: handsonExecutable)
        }
    }

    /// The first executable `name` on `searchPath`, skipping our own bin folder.
    public static func locate(_ name: String, in searchPath: String, excluding: String? = nil) -> String? {
        for directory in searchPath.split(separator: ":").map(String.init) where !directory.isEmpty && directory != excluding {
            let candidate = (directory as NSString).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    public static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// This program's absolute path (for the `handson` link and for starting the emulator).
    public static var currentExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
    }
}
