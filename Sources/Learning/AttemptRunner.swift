import Foundation
import LabKit

/// Runs a step's Common mistake and Another way blocks for `handson test`, each from the state
/// the step started in: the emulator's (a snapshot) and the workspace's (a copy). A mistake's
/// check must fail, by the assertion it names if it names one; another way's must pass. The
/// state is put back afterwards, so the solution then runs from the same start.
struct AttemptRunner {
    let step: Step
    let workspace: Workspace
    let commands: CommandRunner
    let client: EmulatorClient
    let backup: URL
    let timeout: Double

    var snapshot: String { "handson-test.step-\(step.number)" }

    func runAll() async throws -> [LabTestRunner.AttemptResult] {
        try await client.saveSnapshot(snapshot)
        try? FileManager.default.removeItem(at: backup)
        try FileManager.default.createDirectory(at: workspace.folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: workspace.folder, to: backup)
        var results: [LabTestRunner.AttemptResult] = []
        for attempt in step.attempts {
            try await restore()
            results.append(await run(attempt))
        }
        try await restore()
        return results
    }

    private func restore() async throws {
        try await client.restoreSnapshot(snapshot)
        try? FileManager.default.removeItem(at: workspace.folder)
        try FileManager.default.copyItem(at: backup, to: workspace.folder)
    }

    private func run(_ attempt: Attempt) async -> LabTestRunner.AttemptResult {
        let label = "\(attempt.kind == .mistake ? "the Common mistake" : "Another way") '\(attempt.title)' (\(attempt.location))"
        var result = LabTestRunner.AttemptResult(kind: attempt.kind, title: attempt.title, caughtBy: [], problems: [])
        do {
            try workspace.write(attempt.files, overwrite: true)
        } catch {
            result.problems.append("\(label): cannot write its files: \(error)")
            return result
        }
        for command in attempt.commands {
            do {
                let outcome = try await commands.run(command.source, interpreter: command.interpreter.rawValue, timeoutSeconds: timeout)
                // A mistake may well fail (a refused call is often the lesson); another way may not.
                if attempt.kind == .alternative && outcome.status != 0 {
                    let output = (outcome.stderr + outcome.stdout).trimmingCharacters(in: .whitespacesAndNewlines)
                    result.problems.append("\(label): the command at \(command.location) exited with \(outcome.status)\(outcome.timedOut ? " (timed out)" : ""): \(output.suffix(600))")
                    return result
                }
            } catch {
                result.problems.append("\(label): cannot run the command at \(command.location): \(error)")
                return result
            }
        }
        let report = await CheckRunner(client: client, commands: commands, answer: nil).run(step.checks)
        switch attempt.kind {
        case .mistake:
            result.caughtBy = report.failed.map(\.assertion.name)
            if report.passed {
                result.problems.append("\(label) passes the step's check: the check cannot tell this mistake from the solution")
            } else if let expected = attempt.caughtBy, !result.caughtBy.contains(expected) {
                result.problems.append("\(label) names '\(expected)' as what catches it, but that assertion passed; it was caught by \(result.caughtBy.map { "'\($0)'" }.joined(separator: ", "))")
            }
        case .alternative:
            for failure in report.failed {
                var line = "\(label) is refused by '\(failure.assertion.name)' (\(failure.assertion.location)): expected \(failure.expected)"
                if let actual = failure.actual { line += ", actual \(actual)" }
                if let problem = failure.problem { line += " (\(problem))" }
                result.problems.append(line)
            }
        }
        return result
    }
}
