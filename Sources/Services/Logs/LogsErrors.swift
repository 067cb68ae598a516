import EmulatorKit

/// CloudWatch Logs' errors with the codes and messages the real service sends (checked
/// against recordings of AWS responses). Every one is HTTP 400 except the service's own
/// failures; Logs reports input-constraint violations as `InvalidParameterException`.
enum LogsErrors {
    static func groupNotFound() -> AWSError {
        AWSError(code: "ResourceNotFoundException", message: "The specified log group does not exist.")
    }

    static func streamNotFound() -> AWSError {
        AWSError(code: "ResourceNotFoundException", message: "The specified log stream does not exist.")
    }

    static func resourceNotFound() -> AWSError {
        AWSError(code: "ResourceNotFoundException", message: "The specified resource does not exist.")
    }

    static func groupExists() -> AWSError {
        AWSError(code: "ResourceAlreadyExistsException", message: "The specified log group already exists")
    }

    static func streamExists() -> AWSError {
        AWSError(code: "ResourceAlreadyExistsException", message: "The specified log stream already exists")
    }

    static func invalidParameter(_ message: String) -> AWSError {
        AWSError(code: "InvalidParameterException", message: message)
    }

    /// Coral's wording for a value breaking a model constraint:
    /// `1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: …`.
    static func constraint(_ value: String?, at path: String, _ constraint: String) -> AWSError {
        let shown = value.map { "'\($0)'" } ?? "null"
        return invalidParameter("1 validation error detected: Value \(shown) at '\(path)' failed to satisfy constraint: \(constraint)")
    }

    static func invalidToken() -> AWSError {
        invalidParameter("The specified nextToken is invalid.")
    }

    static func nameAndIdentifier() -> AWSError {
        AWSError(code: "ValidationException", message: "LogGroup name and LogGroup ARN are mutually exclusive parameters.")
    }

    static func tooManyTags() -> AWSError {
        AWSError(code: "TooManyTagsException", message: "A resource can have no more than 50 tags.")
    }

    static func internalError(_ message: String) -> AWSError {
        AWSError(code: "ServiceUnavailableException", message: message, httpStatus: 500)
    }

    static func unsupported(_ operation: String) -> AWSError {
        AWSError(code: "InvalidAction", message: "The CloudWatch Logs operation \(operation) is not emulated by handson.")
    }
}
