import ArgumentParser
import Foundation
import LabKit
import Learning

/// `next`, `back` and `goto` share this: enter the step (snapshot, files) and show it.
enum StepNavigation {
    static func go(to target: (_ current: Int, _ total: Int) throws -> Int?) async throws {
        let context = try LearnerContext()
        let session = try await context.session()
        let lab = session.lab
        let current = try session.currentStep()
        guard let number = try target(current, lab.steps.count) else { return }
        if number > current, try session.progress.step(lab.id, current)?.passed != true {
            context.render(markdown: LearnerWords(lab: lab).notPassedYet(current))
        }
        try await session.enter(step: number)
        context.show(lab, step: number)
    }
}

struct Next: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "next", abstract: "Go to the next step.")

    func run() async throws {
        try await StepNavigation.go { current, total in
            guard current < total else { throw CLIError("this is the last step") }
            return current + 1
        }
    }
}

struct Back: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "back", abstract: "Go back to the previous step (the emulator's state is not changed; see 'handson reset').")

    func run() async throws {
        try await StepNavigation.go { current, _ in
            guard current > 1 else { throw CLIError("this is the first step") }
            return current - 1
        }
    }
}

struct Goto: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "goto", abstract: "Go to step N.")

    @Argument(help: "The step number (1-based).")
    var step: Int

    func run() async throws {
        let step = self.step
        try await StepNavigation.go { _, total in
            guard (1...total).contains(step) else { throw CLIError("the lab has \(total) steps; choose 1 to \(total)") }
            return step
        }
    }
}

struct Reset: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset", 
        abstract: "Put the emulator back as it was when the current step (or step N) started, and rewrite its files.")

    @Option(help: "The step to go back to (default: the current one).")
    var step: Int?

    func run() async throws {
        let context = try LearnerContext()
        let session = try await context.session()
        let lab = session.lab
        let number = try step ?? session.currentStep()
        guard (1...lab.steps.count).contains(number) else {
            throw CLIError("the lab has \(lab.steps.count) steps; choose 1 to \(lab.steps.count)")
        }
        do {
            try await session.reset(to: number)
        } catch {
            throw CLIError("\(error)")
        }
        context.render(markdown: LearnerWords(lab: lab).resetDone(number))
        context.show(lab, step: number)
    }
}
