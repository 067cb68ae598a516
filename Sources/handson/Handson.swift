import ArgumentParser

@main
struct Handson: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handson",
        abstract: "Learn AWS hands-on, offline: step through Markdown labs against a built-in emulator.",
        discussion: """
            Learners: 'handson list' shows the labs, 'handson start LAB' starts one (and the emulator),
            'handson shell' opens a shell where the aws CLI reaches it, 'handson check' grades the step;
            'hint', 'solution', 'next', 'back', 'goto N', 'reset', 'status', 'answer', 'clock', 'doctor', 'stop'.
            Instructors: 'handson new ID' scaffolds a lab, 'handson validate labs/' lints lab files,
            'handson test labs/' proves every step (see docs/lab-format.md), 'handson grade' exports results.
            Computed explanations: 'handson explain memory --help'.
            The emulator alone: 'handson serve' (then aws --endpoint-url http://127.0.0.1:4566 …).
            """,
        version: HandsonVersion.current,
        subcommands: [
            ListLabs.self, Show.self, Start.self, Shell.self, Env.self, Check.self, HintCommand.self, Solution.self,
            Next.self, Back.self, Goto.self, Status.self, Reset.self, Answer.self, Clock.self, Why.self, Doctor.self, Stop.self,
            NewLab.self, Validate.self, TestLabs.self, Grade.self, Explain.self, Serve.self,
        ]
    )

    /// ArgumentParser's `main`, except for the two commands whose start-up time counts: a bare
    /// `handson check` — what learners type most, and it takes no arguments — skips the parser,
    /// and well-formed `handson serve …` arguments are read by `Serve.parsedQuickly`. Building
    /// the argument sets by reflection and probing for a completion-script request cost a tenth
    /// of a check's time and a sixth of the emulator's start-up.
    static func main() async {
        do {
            var command: any ParsableCommand
            let arguments = Array(CommandLine.arguments.dropFirst())
            if arguments == ["check"] {
                command = Check()
            } else if arguments.first == "serve", let serve = Serve.parsedQuickly(Array(arguments.dropFirst())) {
                command = serve
            } else {
                command = try parseAsRoot()
            }
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

enum HandsonVersion {
    static let current = "0.1.0"
}
