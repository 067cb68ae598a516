import ArgumentParser
import Foundation
import LabKit
import Learning

struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Where you are: lab, step, checks passed, hints used, the emulator.")

    func run() async throws {
        let context = try LearnerContext()
        let (current, lab) = try context.currentLab()
        let steps = try context.progress.steps(of: lab.id)
        let number = try context.progress.lab(lab.id)?.currentStep ?? 1
        var lines = ["**\(lab.title)** (`\(lab.id)`, \(current.path))", ""]
        lines.append("| step | title | passed | checks run | hints | solution |")
        lines.append("|--:|---|:-:|--:|--:|:-:|")
        for step in lab.steps {
            let record = steps.first { $0.stepNumber == step.number }
            let marker = step.number == number ? "▶ \(step.number)" : "\(step.number)"
            lines.append("| \(marker) | \(step.title.replacingOccurrences(of: "|", with: "\\|")) | \(record?.passed == true ? "✓" : "") | \(record?.checkAttempts ?? 0) | \(record?.hintsUsed ?? 0)/\(step.hints.count) | \(record?.solutionRevealed == true ? "seen" : "") |")
        }
        let passed = steps.filter(\.passed).count
        lines.append("")
        lines.append("\(passed) of \(lab.steps.count) steps passed.")
        if lab.metadata.services.isEmpty {
            lines.append("This lab needs no emulator.")
        } else if let record = await context.daemon.running() {
            lines.append("Emulator: running at `http://127.0.0.1:\(record.port)` (pid \(record.pid)).")
        } else {
            lines.append("Emulator: not running; `handson start \(lab.id)` starts it.")
        }
        context.render(markdown: lines.joined(separator: "\n"))
    }
}

struct Clock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clock", 
        abstract: "Show the emulator's virtual clock, or move it forward: 'handson clock advance 5m'.")

    @Argument(help: "'advance' to move the clock forward.")
    var action: String?

    @Argument(help: "How far: 90s, 5m, 2h, 1d, 1h30m or seconds.")
    var duration: String?

    func run() async throws {
        let context = try LearnerContext()
        let client = try await context.activeEmulator()
        let document: String
        do {
            switch (action, duration) {
            case (nil, nil):
                document = try await client.clock().jsonText(sortedKeys: true)
            case ("advance", let duration?):
                document = try await client.advanceClock(by: duration).jsonText(sortedKeys: true)
            default:
                throw CLIError("usage: handson clock [advance DURATION]  (e.g. handson clock advance 5m)")
            }
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("\(error)")
        }
        Terminal.write(document + "\n")
    }
}
