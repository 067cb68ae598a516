import ArgumentParser
import Foundation
import LabKit
import Learning

struct TestLabs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Prove labs work: per step, its checks fail before the solution and pass after (TAP output).",
        discussion: """
            Each lab runs on its own in-memory emulator on a free port, so labs run side by side.
            Translations (ID.LANG.md) are tested too. Exit status 1 if any step fails.
            """)

    @Argument(help: "Lab files or folders (default: the labs folder).")
    var paths: [String] = []

    @Option(help: "Also write a JUnit XML report to this file.")
    var junit: String?

    @Option(help: "How many labs to run at once.")
    var jobs: Int = max(2, ProcessInfo.processInfo.activeProcessorCount)

    func run() async throws {
        let files = try LabFiles.expand(paths.isEmpty ? [LabLocator(labsOption: nil).labsDirectory] : paths)
        guard !files.isEmpty else { throw CLIError("no lab files (*.md) in \(paths.joined(separator: " "))") }
        var labs: [Lab] = []
        var broken: [(file: String, errors: [String])] = []
        for file in files {
            let result = LabParser.parse(contentsOf: file)
            let errors = result.diagnostics.filter { $0.severity == .error }.map(\.description)
            if let lab = result.lab, errors.isEmpty { labs.append(lab) } else { broken.append((file, errors)) }
        }
        let runner = LabTestRunner(executable: LearnerEnvironment.currentExecutable)
        let results = await Self.runAll(labs, runner: runner, jobs: max(1, jobs))
        Terminal.write(TestReport.tap(results, brokenLabs: broken))
        if let junit {
            try Data(TestReport.junit(results, brokenLabs: broken).utf8).write(to: URL(fileURLWithPath: junit), options: .atomic)
        }
        let failed = results.filter(\.failed).count + broken.count
        FileHandle.standardError.write(Data("handson test: \(labs.count + broken.count) labs, \(results.count) steps, \(failed) failed\n".utf8))
        if failed > 0 { throw ExitCode(1) }
    }

    /// Runs labs concurrently (at most `jobs` at a time), results in the labs' order.
    static func runAll(_ labs: [Lab], runner: LabTestRunner, jobs: Int) async -> [LabTestRunner.StepResult] {
        var byIndex: [Int: [LabTestRunner.StepResult]] = [:]
        await withTaskGroup(of: (Int, [LabTestRunner.StepResult]).self) { group in
            var next = 0
            func add() {
                guard next < labs.count else { return }
                let index = next, lab = labs[index]
                group.addTask { (index, await runner.run(lab)) }
                next += 1
            }
            for _ in 0..<jobs { add() }
            while let (index, results) = await group.next() {
                byIndex[index] = results
                add()
            }
        }
        return labs.indices.flatMap { byIndex[$0] ?? [] }
    }
}

/// Lab files named on the command line: files as given, folders searched for `*.md`.
enum LabFiles {
    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CLIError("no such file or folder: \(path)")
            }
            if isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".md") }.sorted()
                files += names.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return files
    }
}
