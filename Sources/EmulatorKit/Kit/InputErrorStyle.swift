import JSON

/// How a service reports input it cannot use: each AWS service words these errors its own
/// way (SQS `InvalidParameterValue`, CloudWatch Logs Coral's `1 validation error detected`,
/// IAM `ValidationError`, Lambda `InvalidParameterValueException`).
public protocol InputErrorStyle: Sendable {
    /// Whether scalars may arrive as text, as the query protocol carries everything
    /// (`"10"` for 10, `"true"` for true, 10 for `"10"`).
    var acceptsText: Bool { get }
    /// A required member is absent.
    func missing(_ member: String) -> AWSError
    /// A member holds a value of the wrong kind.
    func invalid(_ value: JSONValue, member: String, expected: InputKind) -> AWSError
}

extension InputErrorStyle {
    /// `roleName` for `RoleName`: how Coral (IAM, Lambda, Logs) names members in validation messages.
    public static func coralMemberName(_ name: String) -> String {
        name.prefix(1).lowercased() + name.dropFirst()
    }

    /// A value as query-era messages quote it: a string bare, anything else as JSON.
    public static func quoted(_ value: JSONValue) -> String {
        if case .string(let string) = value { return string }
        return value.jsonText()
    }
}

/// What a member was expected to hold, for error messages.
public enum InputKind: String, Sendable {
    case string, integer, boolean, list, map, structure

    /// Coral's wording: `Member must be a string`.
    public var constraint: String {
        switch self {
        case .string: "Member must be a string"
        case .integer: "Member must be an integer"
        case .boolean: "Member must be a boolean"
        case .list: "Member must be a list"
        case .map: "Member must be a map"
        case .structure: "Member must be a structure"
        }
    }
}
