import Foundation
import JSON
import LabKit

/// Evaluates a step's assertions: queries against the emulator's state, shell commands with
/// their time limit, quiz answers. Every assertion is evaluated, and none changes any state.
public struct CheckRunner: Sendable {
    /// Answers a JMESPath query over the state (the emulator's `/_handson/state?query=`).
    public var query: @Sendable (String) async throws -> JSONValue
    public var commands: CommandRunner
    /// The learner's last answer for this step, if any.
    public var answer: String?

    public init(query: @escaping @Sendable (String) async throws -> JSONValue, commands: CommandRunner, answer: String?) {
        self.query = query
        self.commands = commands
        self.answer = answer
    }

    /// Queries through a running emulator's client (`handson test`'s).
    init(client: EmulatorClient, commands: CommandRunner, answer: String?) {
        self.init(query: { try await client.query($0) }, commands: commands, answer: answer)
    }

    public func run(_ assertions: [Assertion]) async -> CheckReport {
        var results: [AssertionResult] = []
        for assertion in assertions { results.append(await evaluate(assertion)) }
        return CheckReport(results: results)
    }

    func evaluate(_ assertion: Assertion) async -> AssertionResult {
        switch assertion.subject {
        case .query(let expression):
            do {
                return AssertionResult.judge(assertion, value: try await query(expression))
            } catch {
                return AssertionResult(assertion: assertion, passed: false, actual: nil, problem: "\(error)")
            }
        case .run(let command, let timeout, let exitCode):
            do {
                let outcome = try await commands.run(command, timeoutSeconds: timeout)
                if outcome.timedOut {
                    return AssertionResult(assertion: assertion, passed: false, actual: nil,
                                           problem: "the command did not finish within \(Int(timeout)) s")
                }
                let value = Self.value(ofOutput: outcome.stdout)
                var result = AssertionResult.judge(assertion, value: value)
                if outcome.status != exitCode {
                    result.passed = false
                    let stderr = outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
                    result.problem = "the command exited with \(outcome.status), expected \(exitCode)"
                        + (stderr.isEmpty ? "" : ": \(stderr.suffix(300))")
                }
                return result
            } catch {
                return AssertionResult(assertion: assertion, passed: false, actual: nil, problem: "cannot run the command: \(error)")
            }
        case .answer(let kind):
            guard let answer else {
                return AssertionResult(assertion: assertion, passed: false, actual: nil,
                                       problem: "no answer yet: give one with 'handson answer VALUE'")
            }
            guard let value = AnswerValue.parse(answer, as: kind) else {
                return AssertionResult(assertion: assertion, passed: false, actual: JSONValue.string(answer).jsonText(),
                                       problem: "'\(answer)' is not a number")
            }
            return AssertionResult.judge(assertion, value: value)
        }
    }

    /// A command's output as a value: JSON when it is JSON (`3`, `true`, `["a"]`), else the
    /// text without trailing whitespace, so `equals: 3` works on `wc -l` and `equals: ok` on `echo ok`.
    static func value(ofOutput output: String) -> JSONValue {
        let text = String(output.reversed().drop(while: \.isWhitespace).reversed())
        if let first = text.first, "[{\"-0123456789tfn".contains(first), let parsed = try? JSONValue(jsonString: text) {
            return parsed
        }
        return .string(text)
    }
}
