import ArgumentParser
import Foundation
import LabKit
import Learning

struct Start: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", 
        abstract: "Start (or resume) a lab: starts the emulator in the background and shows the current step.")

    @Argument(help: "A lab id (looked up in the labs folder) or a path to a lab file.")
    var lab: String

    @Option(help: "Use the translation in this language (e.g. ja), if there is one.")
    var lang: String?

    @Option(help: "The labs folder (default: ./labs or $HANDSON_LABS).")
    var labs: String?

    @Option(help: "Port for the background emulator (another free one is used if it is taken).")
    var port: Int = 4566

    func run() async throws {
        let locator = LabLocator(labsOption: labs)
        let path = try locator.path(for: lab, lang: lang)
        let parsed = try locator.load(path, lang: nil)
        let context = try LearnerContext()
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        try context.progress.setCurrentLab(.init(labId: parsed.id, path: absolute, lang: lang))
        guard !parsed.steps.isEmpty else { throw CLIError("\(parsed.id) has no steps") }
        if !parsed.metadata.services.isEmpty { _ = try await context.emulatorRecord(preferredPort: port) }
        let session = try await context.session(for: parsed, preferredPort: port)
        let resumed = try context.progress.lab(parsed.id) != nil
        let number = try session.currentStep()
        try await session.enter(step: number)
        if !resumed {
            Terminal.write(LabPresenter(options: Terminal.renderOptions).renderIntroduction(parsed))
        }
        context.show(parsed, step: number)
        let words = LearnerWords(lab: parsed)
        context.render(markdown: words.startFooter(resumed: resumed, emulator: session.emulator?.endpoint.absoluteString))
    }
}

struct Stop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stop", abstract: "Stop the background emulator (its state is kept on disk).")

    func run() async throws {
        let context = try LearnerContext()
        if await context.daemon.stop() {
            Terminal.write("handson: the emulator stopped; its state is kept for the next 'handson start'\n")
        } else {
            Terminal.write("handson: the emulator was not running\n")
        }
    }
}
