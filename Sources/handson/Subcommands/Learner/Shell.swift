import ArgumentParser
import Foundation
import Learning
#if canImport(Glibc)
import Glibc
#endif

struct Shell: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "shell", 
        abstract: "Open a shell whose aws CLI and boto3 reach the emulator; the prompt shows the lab and step.")

    func run() async throws {
        let context = try LearnerContext()
        let session = try await context.session()
        let lab = session.lab
        let number = try session.currentStep()
        try FileManager.default.createDirectory(at: session.workspace.folder, withIntermediateDirectories: true)
        context.writePrompt(lab, step: number)
        // bash reads the user's ~/.bashrc first, then sets the prompt from the step file.
        let rc = context.home.root.appendingPathComponent("shellrc")
        let promptFile = context.home.root.appendingPathComponent("prompt").path
        let script = """
            [ -f ~/.bashrc ] && . ~/.bashrc
            export PATH=\(LearnerEnvironment.quoted(context.home.bin.path)):"$PATH"
            __handson_prompt() { __handson_step=""; read -r __handson_step < \(LearnerEnvironment.quoted(promptFile)) 2>/dev/null; }
            PROMPT_COMMAND="__handson_prompt${PROMPT_COMMAND:+; $PROMPT_COMMAND}"
            PS1='(handson ${__handson_step}) \\W \\$ '
            echo "handson: aws and boto3 reach the emulator at $HANDSON_ENDPOINT. 'exit' leaves this shell."

            """
        try Data(script.utf8).write(to: rc, options: .atomic)
        var environment = session.environment
        environment["HANDSON_HOME"] = context.home.root.path
        environment["HANDSON_SHELL"] = "1"
        _ = FileManager.default.changeCurrentDirectoryPath(session.workspace.folder.path)
        let arguments = ["bash", "--rcfile", rc.path, "-i"]
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        guard let bash = LearnerEnvironment.locate("bash", in: environment["PATH"] ?? "/usr/bin:/bin") else {
            throw CLIError("bash is not installed")
        }
        execve(bash, argv, envp)
        throw CLIError("cannot start \(bash): \(String(cString: strerror(errno)))")
    }
}

struct Env: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "env", 
        abstract: "Print the exports that point aws and boto3 at the emulator: eval \"$(handson env)\".")

    func run() async throws {
        let context = try LearnerContext()
        let lab = try? context.currentLab().1
        let record = try await context.emulatorRecord()
        Terminal.write(context.learnerEnvironment(port: record.port, lab: lab?.id).exportScript())
    }
}
