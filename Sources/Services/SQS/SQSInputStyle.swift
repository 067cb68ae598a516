import EmulatorKit
import JSON

/// SQS reads members as text too (the query protocol sends everything as text) and words a
/// bad value `Value X for parameter P is invalid.`
struct SQSInputStyle: InputErrorStyle {
    var acceptsText: Bool { true }

    func missing(_ member: String) -> AWSError { SQSErrors.missingParameter(member) }

    func invalid(_ value: JSONValue, member: String, expected: InputKind) -> AWSError {
        SQSErrors.invalidParameterValue("Value \(Self.quoted(value)) for parameter \(member) is invalid.")
    }
}
