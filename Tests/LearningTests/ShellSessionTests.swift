import Foundation
import Learning
import Testing

/// A real learner session in a terminal (tmux): start → shell → real aws commands → a check
/// that fails with expected vs actual → the fix → the check passes → the next step.
@Suite(.serialized) struct ShellSessionTests {
    struct Terminal {
        let name = "handson-e2e-\(UUID().uuidString.prefix(8))"

        func tmux(_ arguments: String) async throws -> String {
            let runner = CommandRunner(environment: ProcessInfo.processInfo.environment,
                                       workingDirectory: FileManager.default.temporaryDirectory)
            let outcome = try await runner.run("tmux \(arguments)", timeoutSeconds: 30)
            return outcome.stdout
        }

        func type(_ line: String) async throws {
            _ = try await tmux("send-keys -t \(name) -l \(LearnerEnvironment.quoted(line))")
            _ = try await tmux("send-keys -t \(name) Enter")
        }

        var screen: String {
            get async throws { try await tmux("capture-pane -p -J -t \(name) -S -500") }
        }

        /// Waits until the screen (with scrollback) shows `text`; the screen is the failure message.
        func waitFor(_ text: String, occurrences: Int = 1, seconds: Double = 60) async throws -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if try await screen.components(separatedBy: text).count - 1 >= occurrences { return true }
                try await Task.sleep(for: .milliseconds(100))
            }
            Issue.record("the terminal never showed \(text.debugDescription); it shows:\n\(try await screen)")
            return false
        }
    }

    @Test func aLearnerSessionInATerminal() async throws {
        let tmux = LearnerEnvironment.locate("tmux", in: ProcessInfo.processInfo.environment["PATH"] ?? "")
        try #require(tmux != nil, "tmux is needed for this test (scripts/setup installs it)")
        let home = try Handson.scratch("tmux")
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = Terminal()
        let bin = Handson.packageRoot.appendingPathComponent(".build/debug").path
        let environment = "HANDSON_HOME=\(LearnerEnvironment.quoted(home.path)) HANDSON_LABS=\(LearnerEnvironment.quoted(Handson.fixtures.path)) PATH=\(LearnerEnvironment.quoted(bin)):\"$PATH\" NO_COLOR=1 HOME=\(LearnerEnvironment.quoted(home.path))"
        // The tmux server this may start keeps its client's output open: send that nowhere.
        _ = try await terminal.tmux("new-session -d -s \(terminal.name) -x 150 -y 50 \(LearnerEnvironment.quoted("env \(environment) bash --norc --noprofile")) </dev/null >/dev/null 2>&1")
        defer {
            let name = terminal.name
            Task {
                _ = try? await Terminal().tmux("kill-session -t \(name)")
            }
        }

        try await terminal.type("handson start queue-steps --port 0")
        #expect(try await terminal.waitFor("Step 1 of 3: Create a queue"))
        try await terminal.type("handson shell")
        #expect(try await terminal.waitFor("(handson queue-steps 1/3)"))

        try await terminal.type("handson check")
        #expect(try await terminal.waitFor("✗ The queue orders exists"))
        #expect(try await terminal.waitFor("expected: equals 1"))

        try await terminal.type("aws sqs create-queue --queue-name orders")
        #expect(try await terminal.waitFor("\"QueueUrl\""))
        try await terminal.type("echo hello > note.txt")
        try await terminal.type("handson check")
        #expect(try await terminal.waitFor("Step 1 passed!"))
        #expect(try await terminal.waitFor("Step 2 of 3: Send a message"))
        #expect(try await terminal.waitFor("(handson queue-steps 2/3)"))

        try await terminal.type("exit")
        try await terminal.type("handson stop")
        #expect(try await terminal.waitFor("the emulator stopped"))
    }
}
