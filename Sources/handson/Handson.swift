import ArgumentParser

@main
struct Handson: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handson",
        abstract: "Learn AWS hands-on, offline: step through Markdown labs against a built-in emulator.",
        version: "0.1.0"
    )
}
