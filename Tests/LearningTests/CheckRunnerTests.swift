import Foundation
import JMESPath
import JSON
import LabKit
import Learning
import Testing

@Suite struct CheckRunnerTests {
    static let here = SourceLocation(file: "lab.md", line: 1, column: 1)

    static func assertion(_ name: String, _ subject: Subject, _ expectations: [LabKit.Expectation]) -> Assertion {
        Assertion(name: name, subject: subject, expectations: expectations, location: here)
    }

    static func runner(state: JSONValue, answer: String? = nil) throws -> CheckRunner {
        let folder = try Handson.scratch("checks")
        return CheckRunner(query: { try JMESPathExpression($0).search(state) },
                           commands: CommandRunner(environment: ProcessInfo.processInfo.environment, workingDirectory: folder),
                           answer: answer)
    }

    @Test func evaluatesEveryAssertionWithExpectedAndActual() async throws {
        let state: JSONValue = .object(["sqs": .object(["queues": .array([.object(["name": "orders"])])])])
        let checks = [
            Self.assertion("wrong count", .query("length(sqs.queues)"), [.equals(2)]),
            Self.assertion("right name", .query("sqs.queues[0].name"), [.equals("orders")]),
            Self.assertion("bad query result", .query("sqs.nothing"), [.exists(true)]),
        ]
        let report = await try Self.runner(state: state).run(checks)
        #expect(report.results.map(\.passed) == [false, true, false], "all three are evaluated")
        #expect(!report.passed)
        #expect(report.results[0].expected == "equals 2")
        #expect(report.results[0].actual == "1")
        #expect(report.results[2].actual == "null")
    }

    @Test func commandOutputIsJSONWhenItCanBeAndTheExitCodeCounts() async throws {
        let checks = [
            Self.assertion("a count", .run(command: "printf '3\\n'", timeoutSeconds: 5, exitCode: 0), [.equals(3)]),
            Self.assertion("a word", .run(command: "echo ok", timeoutSeconds: 5, exitCode: 0), [.equals("ok")]),
            Self.assertion("exit 1 expected", .run(command: "echo failed; exit 1", timeoutSeconds: 5, exitCode: 1), [.equals("failed")]),
            Self.assertion("wrong exit", .run(command: "echo ok; exit 2", timeoutSeconds: 5, exitCode: 0), [.equals("ok")]),
            Self.assertion("too slow", .run(command: "sleep 5", timeoutSeconds: 0.3, exitCode: 0), [.exists(false)]),
        ]
        let report = await try Self.runner(state: .null).run(checks)
        #expect(report.results.map(\.passed) == [true, true, true, false, false])
        #expect(report.results[3].problem?.contains("exited with 2") == true)
        #expect(report.results[4].problem?.contains("did not finish") == true, "\(String(describing: report.results[4].problem))")
    }

    @Test func answersAreParsedAsTheirKind() async throws {
        let number = Self.assertion("records", .answer(.number), [.equals(10_324_440)])
        let text = Self.assertion("service", .answer(.text), [.oneOf(["SQS", "Simple Queue Service"])])
        #expect(await try Self.runner(state: .null, answer: "10,324,440").run([number]).passed)
        #expect(await try Self.runner(state: .null, answer: "10_324_440").run([number]).passed)
        #expect(await try !Self.runner(state: .null, answer: "ten million").run([number]).passed)
        #expect(await try Self.runner(state: .null, answer: "  sqs ").run([text]).passed)
        let unanswered = await try Self.runner(state: .null).run([number])
        #expect(unanswered.results[0].problem?.contains("handson answer") == true)
        #expect(AnswerValue.sample(for: number) == "10324440")
        #expect(AnswerValue.sample(for: text) == "SQS")
    }
}
