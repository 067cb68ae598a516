/// One `##` section of a lab: prose, commands (its solution), files, checks, hints, explanations.
public struct Step: Sendable {
    public var id: String
    public var title: String
    /// 1-based position in the lab.
    public var number: Int
    public var location: SourceLocation
    /// The step's Markdown below its heading, as written (rendered by `handson show`).
    public var markdown: String
    public var commands: [CommandBlock]
    public var files: [FileBlock]
    public var checks: [Assertion]
    public var hints: [Hint]
    /// The prose of the Solution `<details>` block, if the step has one.
    public var solutionMarkdown: String?
    public var explanations: [Explanation]
    /// Named wrong attempts and other right ways (`<details><summary>Common mistake: …` /
    /// `Another way: …`), each run by `handson test` from the state before the step.
    public var attempts: [Attempt] = []

    public var mistakes: [Attempt] { attempts.filter { $0.kind == .mistake } }

    /// A quiz step is answered, not done: it has no commands to get wrong another way.
    public var isQuiz: Bool { checks.contains { if case .answer = $0.subject { true } else { false } } }
    public var alternatives: [Attempt] { attempts.filter { $0.kind == .alternative } }

    public init(id: String, title: String, number: Int, location: SourceLocation, markdown: String = "",
                commands: [CommandBlock] = [], files: [FileBlock] = [], checks: [Assertion] = [],
                hints: [Hint] = [], solutionMarkdown: String? = nil, explanations: [Explanation] = []) {
        self.id = id
        self.title = title
        self.number = number
        self.location = location
        self.markdown = markdown
        self.commands = commands
        self.files = files
        self.checks = checks
        self.hints = hints
        self.solutionMarkdown = solutionMarkdown
        self.explanations = explanations
    }
}

/// A command block: part of the step's solution, run by `handson test`.
public struct CommandBlock: Sendable, Hashable {
    public enum Interpreter: String, Sendable, Hashable { case bash, python3 }

    public var interpreter: Interpreter
    public var source: String
    /// Inside the Solution `<details>` (hidden until asked for) rather than in the prose.
    public var inSolution: Bool
    public var location: SourceLocation
}

/// A file written into the lab's workspace (e.g. a Lambda handler).
public struct FileBlock: Sendable, Hashable {
    public var path: String
    public var language: String
    public var contents: String
    public var executable: Bool
    /// Written when the solution is applied rather than when the step starts.
    public var inSolution: Bool
    public var location: SourceLocation
}

public struct Hint: Sendable, Hashable {
    public var markdown: String
    public var location: SourceLocation
}

/// A computed explanation (```` ```explain KIND ````), rendered when the step is shown.
public struct Explanation: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case memory(MemoryPlan)
    }

    public var kind: Kind
    public var location: SourceLocation

    public static let knownKinds = ["memory"]
}

/// A way of doing a step other than its solution: a plausible mistake the check must catch,
/// or another right way it must accept. Its commands and files replace the solution's when
/// `handson test` runs it.
public struct Attempt: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case mistake
        case alternative
    }

    public var kind: Kind
    /// The summary after its label: `maxReceiveCount of 20`.
    public var title: String
    /// Its prose (why it is wrong, or what differs), shown to a learner whose check failed on it.
    public var markdown: String
    public var commands: [CommandBlock]
    public var files: [FileBlock]
    /// For a mistake: the name of the assertion that catches it (`<!-- caught-by: NAME -->`),
    /// which `handson test` proves and `handson check` shows the explanation beside.
    public var caughtBy: String?
    public var location: SourceLocation

    public init(kind: Kind, title: String, markdown: String = "", commands: [CommandBlock] = [], files: [FileBlock] = [],
                caughtBy: String? = nil, location: SourceLocation) {
        self.kind = kind
        self.title = title
        self.markdown = markdown
        self.commands = commands
        self.files = files
        self.caughtBy = caughtBy
        self.location = location
    }
}
