import ArgumentParser
import LabKit

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", 
        abstract: "Show a lab, or one of its steps, rendered for the terminal.")

    @Argument(help: "A lab id (looked up in the labs folder) or a path to a lab file.")
    var lab: String

    @Option(help: "Show only step N (1-based).")
    var step: Int?

    @Option(help: "Show the translation in this language (e.g. ja), if there is one.")
    var lang: String?

    @Option(help: "The labs folder (default: ./labs or $HANDSON_LABS).")
    var labs: String?

    func run() throws {
        let parsed = try LabLocator(labsOption: labs).load(lab, lang: lang)
        if let step, !(1...max(1, parsed.steps.count)).contains(step) || parsed.steps.isEmpty {
            throw CLIError("\(parsed.id) has \(parsed.steps.count) steps; --step must be between 1 and \(parsed.steps.count)")
        }
        Terminal.write(LabPresenter(options: Terminal.renderOptions).render(parsed, step: step))
    }
}
