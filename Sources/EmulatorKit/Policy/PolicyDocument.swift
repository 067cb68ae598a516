/// A parsed IAM policy document: what `PolicyParser` makes of the JSON text and what
/// `PolicyEvaluator` reads. Identity policies, trust policies and resource policies share
/// the grammar; which elements are required or forbidden depends on the kind (see
/// `PolicyParser.Kind`).
public struct PolicyDocument: Sendable, Equatable {
    public var version: String?
    public var id: String?
    public var statements: [PolicyStatement]
}

public enum PolicyEffect: String, Sendable, Equatable {
    case allow = "Allow"
    case deny = "Deny"
}

/// One line-and-column position in the policy text (1-based), as the policy simulator reports it.
public struct PolicyPosition: Sendable, Equatable {
    public var line: Int
    public var column: Int
}

public struct PolicyStatement: Sendable, Equatable {
    /// `Action` lists what the statement covers; `NotAction` everything except what it lists.
    public enum Actions: Sendable, Equatable {
        case action([String])
        case notAction([String])
    }

    public enum Resources: Sendable, Equatable {
        case resource([String])
        case notResource([String])
    }

    public enum Principals: Sendable, Equatable {
        case principal(PrincipalSet)
        case notPrincipal(PrincipalSet)
    }

    public var sid: String?
    public var effect: PolicyEffect
    public var actions: Actions
    /// Nil in trust policies, which apply to the role they belong to.
    public var resources: Resources?
    /// Nil in identity policies, which apply to whoever holds them.
    public var principals: Principals?
    public var conditions: [PolicyCondition]
    /// Where the statement's object starts and ends in the text, when known.
    public var start: PolicyPosition?
    public var end: PolicyPosition?
}

/// A `Principal` element: `"*"`, or principal types (`AWS`, `Service`, `Federated`,
/// `CanonicalUser`) each with one or more identifiers.
public struct PrincipalSet: Sendable, Equatable {
    /// `"Principal": "*"`: everyone.
    public var everyone: Bool
    /// Type → identifiers, as written (`"AWS": ["123456789012", "arn:aws:iam::…:role/x"]`).
    public var identifiers: [String: [String]]

    public init(everyone: Bool = false, identifiers: [String: [String]] = [:]) {
        self.everyone = everyone
        self.identifiers = identifiers
    }

    /// The identifiers of one type, matched case-insensitively on the type name.
    public func values(ofType type: String) -> [String] {
        identifiers.first { $0.key.caseInsensitiveCompare(type) == .orderedSame }?.value ?? []
    }
}

/// One `"Operator": {"key": values}` entry of a `Condition` block.
public struct PolicyCondition: Sendable, Equatable {
    public var conditionOperator: ConditionOperator
    /// The context key as written (`aws:SourceAccount`); looked up case-insensitively.
    public var key: String
    /// The policy's values, as text (numbers and booleans are written as JSON writes them).
    public var values: [String]
}
