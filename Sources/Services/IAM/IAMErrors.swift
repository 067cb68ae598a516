import EmulatorKit

/// IAM's errors with the codes and messages the real service sends. `code` is the model's
/// exception shape, `queryCode` the code on the wire (`NoSuchEntity`), which is what the
/// aws CLI prints and the call log records.
enum IAMErrors {
    static func error(_ shape: String, _ code: String, _ message: String, status: Int) -> AWSError {
        AWSError(code: shape, message: message, httpStatus: status, queryCode: code)
    }

    static func noSuchEntity(_ message: String) -> AWSError {
        error("NoSuchEntityException", "NoSuchEntity", message, status: 404)
    }

    static func noSuchRole(_ name: String) -> AWSError { noSuchEntity("The role with name \(name) cannot be found.") }
    static func noSuchUser(_ name: String) -> AWSError { noSuchEntity("The user with name \(name) cannot be found.") }
    static func noSuchInstanceProfile(_ name: String) -> AWSError { noSuchEntity("Instance Profile \(name) cannot be found.") }
    static func noSuchPolicy(_ arn: String) -> AWSError { noSuchEntity("Policy \(arn) was not found.") }
    static func notAttachable(_ arn: String) -> AWSError { noSuchEntity("Policy \(arn) does not exist or is not attachable.") }

    static func entityAlreadyExists(_ message: String) -> AWSError {
        error("EntityAlreadyExistsException", "EntityAlreadyExists", message, status: 409)
    }

    static func deleteConflict(_ message: String) -> AWSError {
        error("DeleteConflictException", "DeleteConflict", message, status: 409)
    }

    static func limitExceeded(_ message: String) -> AWSError {
        error("LimitExceededException", "LimitExceeded", message, status: 409)
    }

    static func malformedPolicyDocument(_ message: String) -> AWSError {
        error("MalformedPolicyDocumentException", "MalformedPolicyDocument", message, status: 400)
    }

    static func invalidInput(_ message: String) -> AWSError {
        error("InvalidInputException", "InvalidInput", message, status: 400)
    }

    /// Coral's validation wording: `1 validation error detected: Value 'x y' at 'roleName'
    /// failed to satisfy constraint: Member must satisfy regular expression pattern: …`.
    static func validation(value: String, member: String, constraint: String) -> AWSError {
        validationError("1 validation error detected: Value '\(value)' at '\(member)' failed to satisfy constraint: \(constraint)")
    }

    static func validationError(_ message: String) -> AWSError {
        AWSError(code: "ValidationError", message: message, httpStatus: 400, queryCode: "ValidationError")
    }

    static func serviceFailure(_ message: String) -> AWSError {
        error("ServiceFailureException", "ServiceFailure", message, status: 500)
    }

    static func invalidAction(_ operation: String) -> AWSError {
        AWSError(code: "InvalidAction", message: "The action \(operation) is not valid for this web service.",
                 queryCode: "InvalidAction")
    }
}
