import Foundation
import Learning
import Testing

/// The learner commands end to end, with the background emulator, the aws wrapper and snapshots.
@Suite(.serialized) struct LearnerFlowTests {
    /// Runs a learner command line in bash with `eval "$(handson env)"` applied, as a learner would.
    static func learner(_ commandLine: String, home: URL) async throws -> CommandRunner.Outcome {
        var environment = ProcessInfo.processInfo.environment
        environment["HANDSON_HOME"] = home.path
        environment["HANDSON_LABS"] = Handson.fixtures.path
        environment["NO_COLOR"] = "1"
        environment["PATH"] = Handson.packageRoot.appendingPathComponent(".build/debug").path + ":" + (environment["PATH"] ?? "")
        environment.removeValue(forKey: "HANDSON_ENDPOINT")
        environment.removeValue(forKey: "HANDSON_TOKEN_FILE")
        let runner = CommandRunner(environment: environment, workingDirectory: home)
        return try await runner.run(commandLine, timeoutSeconds: 120)
    }

    /// Runs `body` in a fresh learner home, then stops its background emulator (awaited: a
    /// deferred, unawaited stop ran after the folder was gone and left the daemon running)
    /// and removes the home, whether `body` passed or threw.
    static func withLearnerHome(_ name: String, _ body: (URL) async throws -> Void) async throws {
        let home = try Handson.scratch(name)
        do {
            try await body(home)
        } catch {
            await cleanUp(home)
            throw error
        }
        await cleanUp(home)
    }

    private static func cleanUp(_ home: URL) async {
        _ = try? await learner("handson stop", home: home)
        try? FileManager.default.removeItem(at: home)
    }

    @Test func aFailedCheckExplainsTheKnownMistakeItCaught() async throws {
        try await Self.withLearnerHome("mistake") { home in
            let start = try await Self.learner("handson start attempts --port 0", home: home)
            #expect(start.status == 0, "\(start.stderr)")
            let mistake = try await Self.learner("eval \"$(handson env)\"; aws sqs create-queue --queue-name slow", home: home)
            #expect(mistake.status == 0, "\(mistake.stderr)")
            let check = try await Self.learner("handson check", home: home)
            #expect(check.status == 1)
            #expect(check.stdout.contains("✗ slow delays every message by 30 seconds"))
            #expect(check.stdout.contains("A common mistake: a queue without the delay"), "\(check.stdout)")
            #expect(check.stdout.contains("A delay is a queue attribute"))
            #expect(!check.stdout.contains("caught-by"))
            // The mistake nobody made is not shown: its assertion did not fail alone.
            #expect(!check.stdout.contains("the wrong name"))
        }
    }

    @Test func checkResetAndGrade() async throws {
        try await Self.withLearnerHome("flow") { home in try await checkResetAndGrade(home: home) }
    }

    private func checkResetAndGrade(home: URL) async throws {

        let start = try await Self.learner("handson start queue-steps --port 0", home: home)
        #expect(start.status == 0, "\(start.stderr)")
        #expect(start.stdout.contains("Step 1 of 3: Create a queue"))

        // The background emulator's token is the learner's alone; its own endpoints need it,
        // and `handson` inside the learner's environment finds it (docs/security.md).
        let access = try await Self.learner("""
            eval "$(handson env)"
            stat -c %a "$HANDSON_HOME/emulator/token" "$HANDSON_HOME/emulator.log"
            test "$HANDSON_TOKEN_FILE" = "$HANDSON_HOME/emulator/token" && echo token-file-exported
            curl -s -o /dev/null -w '%{http_code}\\n' "$HANDSON_ENDPOINT/_handson/state"
            curl -s -o /dev/null -w '%{http_code}\\n' -H "X-Handson-Token: $(cat "$HANDSON_TOKEN_FILE")" "$HANDSON_ENDPOINT/_handson/state"
            handson clock >/dev/null && echo clock-read
            """, home: home)
        #expect(access.stdout == "600\n600\ntoken-file-exported\n403\n200\nclock-read\n", "\(access.stdout)\n\(access.stderr)")

        let failing = try await Self.learner("handson check", home: home)
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("✗ The queue orders exists"))
        #expect(failing.stdout.contains("expected: equals 1"))
        #expect(failing.stdout.contains("actual: `0`"))

        let fixed = try await Self.learner("""
            eval "$(handson env)"
            aws sqs create-queue --queue-name orders >/dev/null
            echo hello > "$HANDSON_HOME/workspaces/queue-steps/note.txt"
            handson check
            """, home: home)
        #expect(fixed.status == 0, "\(fixed.stdout)\n\(fixed.stderr)")
        #expect(fixed.stdout.contains("✓ The queue orders exists"))
        #expect(fixed.stdout.contains("Step 1 passed!"))
        #expect(fixed.stdout.contains("Step 2 of 3: Send a message"))

        // Step 2 started with the queue in place; going back to step 1 removes it again.
        let reset = try await Self.learner("""
            eval "$(handson env)"
            aws sqs create-queue --queue-name stray >/dev/null
            handson reset --step 1 >/dev/null
            aws sqs list-queues --query 'length(QueueUrls || `[]`)'
            """, home: home)
        #expect(reset.status == 0, "\(reset.stderr)")
        #expect(reset.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0")

        let status = try await Self.learner("handson status", home: home)
        #expect(status.stdout.contains("1 of 3 steps passed"))

        let grade = try await Self.learner("handson grade --format csv --learner ada", home: home)
        #expect(grade.stdout.contains("learner,lab,step,step_id,passed"))
        #expect(grade.stdout.contains("ada,queue-steps,1,create,true"))
        let json = try await Self.learner("handson grade --format json", home: home)
        #expect(json.stdout.contains("\"stepsPassed\":1"))
    }
}
