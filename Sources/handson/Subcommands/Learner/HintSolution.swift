import ArgumentParser
import Foundation
import LabKit
import Learning

struct HintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hint", abstract: "Show the current step's next hint (one more each time).")

    func run() async throws {
        let context = try LearnerContext()
        let (_, lab) = try context.currentLab()
        let session = LearnerSession(lab: lab, home: context.home, progress: context.progress, emulator: nil, environment: [:])
        let words = LearnerWords(lab: lab)
        guard let (hint, index, total) = try session.nextHint(step: try session.currentStep()) else {
            context.render(markdown: words.noHints)
            return
        }
        context.render(markdown: words.hintHeading(index, total) + "\n\n" + hint.markdown)
    }
}

struct Solution: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "solution", abstract: "Show the current step's solution: its explanation, commands and files.")

    func run() async throws {
        let context = try LearnerContext()
        let (_, lab) = try context.currentLab()
        let session = LearnerSession(lab: lab, home: context.home, progress: context.progress, emulator: nil, environment: [:])
        let number = try session.currentStep()
        guard let step = session.step(number) else { return }
        try session.revealSolution(step: number)
        let words = LearnerWords(lab: lab)
        var parts = [words.solutionHeading]
        if let prose = step.solutionMarkdown { parts.append(prose) }
        let commands = step.commands.map { block -> String in
            let language = block.interpreter == .python3 ? "python" : "sh"
            return "```\(language)\n\(block.source)\(block.source.hasSuffix("\n") ? "" : "\n")```"
        }
        if step.solutionMarkdown == nil && !commands.isEmpty { parts.append(words.commandsHeading) }
        if step.solutionMarkdown == nil { parts.append(contentsOf: commands) }
        for file in step.files where file.inSolution {
            parts.append("`\(file.path)`:\n\n```\(file.language)\n\(file.contents)```")
        }
        if parts.count == 1 { parts.append(words.noSolution) }
        context.render(markdown: parts.joined(separator: "\n\n"))
    }
}
