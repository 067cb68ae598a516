import EmulatorKit
import JSON

/// IAM and STS speak the query protocol, so members arrive as text; a bad one is a Coral
/// `ValidationError` naming the member as Coral does (`roleName` for `RoleName`).
struct IAMInputStyle: InputErrorStyle {
    var acceptsText: Bool { true }

    func missing(_ member: String) -> AWSError {
        IAMErrors.validation(value: "null", member: Self.memberName(member), constraint: "Member must not be null")
    }

    func invalid(_ value: JSONValue, member: String, expected: InputKind) -> AWSError {
        let text: String
        if case .string(let string) = value { text = string } else { text = value.jsonText() }
        return IAMErrors.validation(value: text, member: Self.memberName(member), constraint: expected.constraint)
    }

    /// `roleName` for `RoleName`: how Coral names members in validation messages.
    static func memberName(_ name: String) -> String {
        name.prefix(1).lowercased() + name.dropFirst()
    }
}
