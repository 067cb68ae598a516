import EmulatorKit
import JSON

/// CloudWatch Logs takes JSON types as they are and reports a wrong one the way Coral
/// does, as `InvalidParameterException`.
struct LogsInputStyle: InputErrorStyle {
    var acceptsText: Bool { false }

    func missing(_ member: String) -> AWSError {
        LogsErrors.constraint(nil, at: member, "Member must not be null")
    }

    func invalid(_ value: JSONValue, member: String, expected: InputKind) -> AWSError {
        LogsErrors.constraint(value.jsonText(), at: member, expected.constraint)
    }
}
