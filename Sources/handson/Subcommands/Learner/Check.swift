import ArgumentParser
import Foundation
import LabKit
import Learning

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", 
        abstract: "Grade the current step: every check, with expected and actual values; on success, move on.")

    func run() async throws {
        let context = try LearnerContext()
        let session = try await context.session()
        try await CheckFlow(context: context, session: session).run()
    }
}

/// Shared by `check` and `answer`: evaluate, print ✓/✗ per assertion, advance on success.
struct CheckFlow {
    let context: LearnerContext
    let session: LearnerSession

    func run() async throws {
        let lab = session.lab
        let number = try session.currentStep()
        let words = LearnerWords(lab: lab)
        let report: CheckReport
        do {
            report = try await session.check(step: number)
        } catch {
            throw CLIError("\(error)")
        }
        var lines = [words.checkHeading(number, lab.steps.count), ""]
        let mistakes = session.step(number)?.mistakes ?? []
        for result in report.results {
            lines.append("- \(result.passed ? "✓" : "✗") \(result.assertion.name)")
            guard !result.passed else { continue }
            lines.append("  - \(words.expected): \(result.expected)")
            if let actual = result.actual { lines.append("  - \(words.actual): `\(actual.prefix(300))`") }
            if let problem = result.problem { lines.append("  - \(problem)") }
            if let hint = result.assertion.hint { lines.append("  - → \(hint)") }
            // The explanation of a known mistake this assertion catches: what the learner likely did.
            for mistake in mistakes where mistake.caughtBy == result.assertion.name {
                lines.append("")
                lines.append("> **\(words.commonMistake(mistake.title))**")
                lines.append(">")
                lines.append(contentsOf: Self.prose(of: mistake.markdown).map { $0.isEmpty ? ">" : "> \($0)" })
                lines.append("")
            }
        }
        lines.append("")
        guard report.passed else {
            let step = session.step(number)
            let used = try session.progress.step(lab.id, number)?.hintsUsed ?? 0
            lines.append(words.failedFooter(hintsLeft: max(0, (step?.hints.count ?? 0) - used)))
            context.render(markdown: lines.joined(separator: "\n"))
            throw ExitCode(1)
        }
        lines.append(words.stepPassed(number))
        context.render(markdown: lines.joined(separator: "\n"))
        if number < lab.steps.count {
            try await session.enter(step: number + 1)
            context.show(lab, step: number + 1)
        } else {
            context.render(markdown: words.labComplete)
        }
    }
}

extension CheckFlow {
    /// A mistake's explanation without its commands: the learner needs the why, not the
    /// wrong command again.
    static func prose(of markdown: String) -> [String] {
        var kept: [String] = []
        var fence: Substring?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix { $0 == "`" || $0 == "~" }
                continue
            }
            kept.append(String(line))
        }
        return Array(kept.drop { $0.isEmpty }.reversed().drop { $0.isEmpty }.reversed())
    }
}

struct Answer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "answer", abstract: "Answer the current step's question, then check it.")

    @Argument(help: "Your answer (numbers may be written 10324440, 10,324,440 or 10_324_440).")
    var value: String

    func run() async throws {
        let context = try LearnerContext()
        let session = try await context.session()
        let number = try session.currentStep()
        try session.answer(value, step: number)
        context.render(markdown: LearnerWords(lab: session.lab).answerRecorded(value))
        try await CheckFlow(context: context, session: session).run()
    }
}
