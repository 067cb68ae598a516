import Foundation
import LabKit

/// One learner working through one lab: moving between steps (with a snapshot of the emulator
/// at each step start), checks, hints, solutions and answers, all recorded in the progress store.
public struct LearnerSession: Sendable {
    public let lab: Lab
    public let home: HandsonHome
    public let progress: ProgressStore
    /// Nil for a lab that needs no emulator (`services: []`).
    public let emulator: EmulatorClient?
    public let environment: [String: String]

    public init(lab: Lab, home: HandsonHome, progress: ProgressStore, emulator: EmulatorClient?, environment: [String: String]) {
        self.lab = lab
        self.home = home
        self.progress = progress
        self.emulator = emulator
        self.environment = environment
    }

    public var workspace: Workspace { Workspace(folder: home.workspace(lab: lab.id)) }

    /// The current step number (1 for a lab not started).
    public func currentStep() throws -> Int {
        min(max(1, try progress.lab(lab.id)?.currentStep ?? 1), max(1, lab.steps.count))
    }

    public func step(_ number: Int) -> Step? {
        lab.steps.first { $0.number == number }
    }

    static func snapshotName(lab: String, step: Int) -> String { "\(lab).step-\(step)" }

    /// Makes `number` the current step: writes its files (keeping the learner's edits) and
    /// snapshots the emulator so `reset` can bring this moment back.
    public func enter(step number: Int) async throws {
        guard let step = step(number) else { return }
        try workspace.write(step.files.filter { !$0.inSolution }, overwrite: false)
        if let emulator {
            try await emulator.saveSnapshot(Self.snapshotName(lab: lab.id, step: number))
        }
        try progress.enter(lab: lab.id, step: number, stepId: step.id, totalSteps: lab.steps.count)
    }

    /// Puts the emulator back as it was when step `number` started, rewrites that step's files
    /// and makes it current. Fails when the learner never reached that step.
    public func reset(to number: Int) async throws {
        guard let step = step(number) else { return }
        guard try progress.step(lab.id, number) != nil else {
            throw EmulatorClient.Failure(description: "step \(number) was never started, so there is nothing to go back to")
        }
        if let emulator {
            try await emulator.restoreSnapshot(Self.snapshotName(lab: lab.id, step: number))
        }
        try workspace.write(step.files.filter { !$0.inSolution }, overwrite: true)
        try progress.enter(lab: lab.id, step: number, stepId: step.id, totalSteps: lab.steps.count)
    }

    /// Evaluates every assertion of the step and records the attempt.
    public func check(step number: Int) async throws -> CheckReport {
        guard let step = step(number) else { return CheckReport(results: []) }
        let answer = try progress.step(lab.id, number)?.answer
        let runner = CheckRunner(
            query: { [emulator] expression in
                guard let emulator else {
                    throw EmulatorClient.Failure(description: "this lab runs no emulator, so there is no state to query")
                }
                return try await emulator.query(expression)
            },
            commands: CommandRunner(environment: environment, workingDirectory: workspace.folder),
            answer: answer)
        let report = await runner.run(step.checks)
        try progress.recordCheck(lab: lab.id, step: number, passed: report.passed,
                                 failed: report.failed.map(\.assertion.name))
        return report
    }

    /// The next hint of the step (one more each time), its position and the number of hints.
    public func nextHint(step number: Int) throws -> (hint: Hint, index: Int, total: Int)? {
        guard let step = step(number), !step.hints.isEmpty else { return nil }
        let used = try progress.step(lab.id, number)?.hintsUsed ?? 0
        let index = min(used, step.hints.count - 1)
        if used < step.hints.count { _ = try progress.useHint(lab: lab.id, step: number) }
        return (step.hints[index], index + 1, step.hints.count)
    }

    public func revealSolution(step number: Int) throws {
        try progress.revealSolution(lab: lab.id, step: number)
    }

    public func answer(_ value: String, step number: Int) throws {
        try progress.recordAnswer(value, lab: lab.id, step: number)
    }
}
