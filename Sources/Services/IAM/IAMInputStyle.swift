import EmulatorKit
import JSON

/// IAM and STS speak the query protocol, so members arrive as text; a bad one is a Coral
/// `ValidationError` naming the member as Coral does (`roleName` for `RoleName`).
struct IAMInputStyle: InputErrorStyle {
    var acceptsText: Bool { true }

    func missing(_ member: String) -> AWSError {
        IAMErrors.validation(value: "null", member: Self.coralMemberName(member), constraint: "Member must not be null")
    }

    func invalid(_ value: JSONValue, member: String, expected: InputKind) -> AWSError {
        IAMErrors.validation(value: Self.quoted(value), member: Self.coralMemberName(member), constraint: expected.constraint)
    }
}
