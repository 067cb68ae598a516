import JSON

/// One line of a check: a named subject and what must hold of it.
public struct Assertion: Sendable, Hashable {
    public var name: String
    public var subject: Subject
    public var expectations: [Expectation]
    /// Shown when this assertion fails, before the step's hints.
    public var hint: String?
    public var location: SourceLocation

    public init(name: String, subject: Subject, expectations: [Expectation], hint: String? = nil, location: SourceLocation) {
        self.name = name
        self.subject = subject
        self.expectations = expectations
        self.hint = hint
        self.location = location
    }

    /// The parts a translation must keep identical (everything but name, hint and position).
    public var structure: String {
        "\(subject) " + expectations.map(\.description).joined(separator: ", ")
    }
}

/// What an assertion looks at.
public enum Subject: Sendable, Hashable, CustomStringConvertible {
    /// A JMESPath expression over the emulator's state (`/_handson/state`).
    case query(String)
    /// A shell command; its trimmed standard output is the value.
    case run(command: String, timeoutSeconds: Double, exitCode: Int)
    /// The learner's answer (`handson answer VALUE`).
    case answer(AnswerKind)

    public enum AnswerKind: String, Sendable, Hashable { case number, text }

    public var description: String {
        switch self {
        case .query(let q): return "query \(q)"
        case .run(let c, let t, let e): return "run \(c) (timeout \(t)s, exit \(e))"
        case .answer(let k): return "answer (\(k.rawValue))"
        }
    }
}
