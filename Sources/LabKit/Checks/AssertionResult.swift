import JSON

/// The outcome of one assertion: what was expected, what was found, and what to try next.
public struct AssertionResult: Sendable {
    public var assertion: Assertion
    public var passed: Bool
    /// The value tested, as JSON text; nil when it could not be obtained.
    public var actual: String?
    /// Why no value could be obtained (emulator down, command timed out, no answer yet…).
    public var problem: String?

    public init(assertion: Assertion, passed: Bool, actual: String?, problem: String? = nil) {
        self.assertion = assertion
        self.passed = passed
        self.actual = actual
        self.problem = problem
    }

    public var expected: String {
        var parts = assertion.expectations.map(\.description)
        if case .run(_, _, let exitCode) = assertion.subject, exitCode != 0 { parts.append("exit code \(exitCode)") }
        return parts.joined(separator: " and ")
    }

    /// Judges a value against the assertion's expectations.
    public static func judge(_ assertion: Assertion, value: JSONValue) -> AssertionResult {
        var expectations = assertion.expectations
        if case .answer(.text) = assertion.subject { expectations = expectations.map(AnswerValue.caseFolded) }
        let passed = expectations.allSatisfy { $0.holds(for: value) }
        return AssertionResult(assertion: assertion, passed: passed, actual: value.jsonText())
    }
}

/// Every assertion of a step, evaluated (never stopping at the first failure).
public struct CheckReport: Sendable {
    public var results: [AssertionResult]

    public init(results: [AssertionResult]) { self.results = results }

    public var passed: Bool { !results.isEmpty && results.allSatisfy(\.passed) }
    public var failed: [AssertionResult] { results.filter { !$0.passed } }
}
