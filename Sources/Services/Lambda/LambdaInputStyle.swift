import EmulatorKit
import JSON

/// Lambda (restJson1) takes JSON types as they are; a missing member is Coral's
/// `ValidationException`, a value of the wrong kind `InvalidParameterValueException`.
struct LambdaInputStyle: InputErrorStyle {
    var acceptsText: Bool { false }

    func missing(_ member: String) -> AWSError {
        AWSError(code: "ValidationException",
                 message: "1 validation error detected: Value null at '\(Self.coralMemberName(member))' failed to satisfy constraint: Member must not be null")
    }

    func invalid(_ value: JSONValue, member: String, expected: InputKind) -> AWSError {
        LambdaErrors.invalidParameter("Value \(value.jsonText()) at '\(Self.coralMemberName(member))' failed to satisfy constraint: \(expected.constraint)")
    }
}
