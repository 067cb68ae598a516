import Foundation
import LabKit

/// `handson test`: proves a lab works. On a fresh emulator of its own, for each step in order:
/// the step's check must FAIL before its solution runs (a check that cannot fail teaches
/// nothing), then the solution runs through the learner's own `aws` wrapper, then every
/// assertion must PASS. An assertion that already held before is reported as a note: it may
/// be a guard ("still exactly one message"), but it proves nothing on its own.
public struct LabTestRunner: Sendable {
    public struct StepResult: Sendable {
        public enum Status: Sendable {
            case passed
            case failed([String])
            case skipped(String)
        }

        public var lab: String
        public var file: String
        public var number: Int
        public var stepId: String
        public var title: String
        public var status: Status
        public var seconds: Double
        /// Assertions that already held before the solution (allowed beside one that did not).
        public var notes: [String] = []
        /// How the step's Common mistake and Another way blocks fared.
        public var attempts: [AttemptResult] = []

        public var failed: Bool {
            if case .failed = status { return true }
            return false
        }
    }

    /// One Common mistake or Another way block, run from the state before the step.
    public struct AttemptResult: Sendable {
        public var kind: Attempt.Kind
        public var title: String
        /// For a mistake, the assertions that failed after it (what caught it).
        public var caughtBy: [String]
        /// Empty when it did what it should (a mistake caught, an alternative accepted).
        public var problems: [String]
    }

    /// This program, started as `serve` for each lab's emulator and linked as `handson` on PATH.
    public var executable: String
    public var commandTimeout: Double = 120

    public init(executable: String) { self.executable = executable }

    public func run(_ lab: Lab) async -> [StepResult] {
        let started = Date()
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("handson-test-\(lab.id)-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let emulator: IsolatedEmulator
        let environment: [String: String]
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            emulator = try await IsolatedEmulator.start(executable: executable, scratch: scratch)
            let bin = scratch.appendingPathComponent("bin")
            let base = ProcessInfo.processInfo.environment
            try LearnerEnvironment.installWrappers(in: bin, handsonExecutable: executable, searchPath: base["PATH"] ?? "")
            environment = LearnerEnvironment(endpoint: emulator.endpoint, bin: bin, lab: lab.id,
                                             tokenFile: emulator.tokenFile).applied(to: base)
        } catch {
            return lab.steps.map { step in
                StepResult(lab: lab.id, file: lab.file, number: step.number, stepId: step.id, title: step.title,
                           status: .failed(["cannot set up the lab: \(error)"]), seconds: Date().timeIntervalSince(started))
            }
        }
        let workspace = Workspace(folder: scratch.appendingPathComponent("workspace"))
        let commands = CommandRunner(environment: environment, workingDirectory: workspace.folder)
        var results: [StepResult] = []
        var earlierFailure: String?
        for step in lab.steps {
            let stepStarted = Date()
            var result = StepResult(lab: lab.id, file: lab.file, number: step.number, stepId: step.id, title: step.title,
                                    status: .passed, seconds: 0)
            if let earlierFailure {
                result.status = .skipped("step \(earlierFailure) failed")
            } else {
                let (problems, notes, attempts) = await test(step, workspace: workspace, commands: commands, client: emulator.client,
                                                             scratch: scratch)
                result.notes = notes
                result.attempts = attempts
                if !problems.isEmpty {
                    result.status = .failed(problems)
                    earlierFailure = "\(step.number) (\(step.id))"
                }
            }
            result.seconds = Date().timeIntervalSince(stepStarted)
            results.append(result)
        }
        await emulator.stop()
        return results
    }

    /// The problems found with one step (none: it passed), notes worth reading, and how its
    /// mistakes and alternatives fared (their problems are among the step's).
    func test(_ step: Step, workspace: Workspace, commands: CommandRunner, client: EmulatorClient,
              scratch: URL) async -> ([String], [String], [AttemptResult]) {
        var notes: [String] = []
        var attempts: [AttemptResult] = []
        let problems = await problems(of: step, workspace: workspace, commands: commands, client: client, scratch: scratch,
                                      notes: &notes, attempts: &attempts)
        return (problems, notes, attempts)
    }

    private func problems(of step: Step, workspace: Workspace, commands: CommandRunner, client: EmulatorClient, scratch: URL,
                          notes: inout [String], attempts: inout [AttemptResult]) async -> [String] {
        guard !step.checks.isEmpty else { return ["the step has no checks, so nothing can tell a learner it is done"] }
        var problems: [String] = []
        do {
            try workspace.write(step.files.filter { !$0.inSolution }, overwrite: true)
        } catch {
            return ["cannot write the step's files: \(error)"]
        }
        let before = await CheckRunner(client: client, commands: commands, answer: nil).run(step.checks)
        let heldBefore = before.results.filter(\.passed).map {
            "'\($0.assertion.name)' (\($0.assertion.location)) already holds before the solution ran (value \($0.actual ?? "?"))"
        }
        if before.passed {
            problems.append("the step's check passes before its solution ran, so it cannot fail: " + heldBefore.joined(separator: "; "))
        } else {
            notes += heldBefore
        }
        if !step.attempts.isEmpty {
            let runner = AttemptRunner(step: step, workspace: workspace, commands: commands, client: client,
                                       backup: scratch.appendingPathComponent("workspace-before-step"), timeout: commandTimeout)
            do {
                attempts = try await runner.runAll()
            } catch {
                return problems + ["cannot run the step's Common mistake and Another way blocks: \(error)"]
            }
            problems += attempts.flatMap(\.problems)
        }
        do {
            try workspace.write(step.files.filter(\.inSolution), overwrite: true)
        } catch {
            return problems + ["cannot write the solution's files: \(error)"]
        }
        let isQuiz = step.checks.contains { if case .answer = $0.subject { true } else { false } }
        if step.commands.isEmpty && !step.files.contains(where: \.inSolution) && !isQuiz {
            problems.append("the step has no solution commands, so a learner cannot be shown how to pass it")
        }
        for command in step.commands {
            do {
                let outcome = try await commands.run(command.source, interpreter: command.interpreter.rawValue, timeoutSeconds: commandTimeout)
                if outcome.status != 0 {
                    let output = (outcome.stderr + outcome.stdout).trimmingCharacters(in: .whitespacesAndNewlines)
                    problems.append("the solution command at \(command.location) exited with \(outcome.status)\(outcome.timedOut ? " (timed out)" : ""): \(output.suffix(600))")
                    return problems
                }
            } catch {
                return problems + ["cannot run the solution command at \(command.location): \(error)"]
            }
        }
        let answer = step.checks.lazy.compactMap { assertion -> String? in
            guard case .answer = assertion.subject else { return nil }
            return AnswerValue.sample(for: assertion)
        }.first
        let after = await CheckRunner(client: client, commands: commands, answer: answer).run(step.checks)
        for result in after.failed {
            var line = "'\(result.assertion.name)' (\(result.assertion.location)) fails after the solution ran: expected \(result.expected)"
            if let actual = result.actual { line += ", actual \(actual)" }
            if let problem = result.problem { line += " (\(problem))" }
            problems.append(line)
        }
        return problems
    }
}
