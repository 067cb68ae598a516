import ArgumentParser

@main
struct Handson: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handson",
        abstract: "Learn AWS hands-on, offline: step through Markdown labs against a built-in emulator.",
        discussion: """
            Learners: 'handson list' shows the labs, 'handson show LAB' reads one.
            Instructors: 'handson validate labs/' lints lab files (see docs/lab-format.md).
            Computed explanations: 'handson explain memory --help'.
            The emulator alone: 'handson serve' (then aws --endpoint-url http://127.0.0.1:4566 …).
            """,
        version: HandsonVersion.current,
        subcommands: [ListLabs.self, Show.self, Validate.self, Explain.self, Serve.self]
    )
}

enum HandsonVersion {
    static let current = "0.1.0"
}
