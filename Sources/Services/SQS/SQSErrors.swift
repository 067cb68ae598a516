import EmulatorKit

/// SQS's errors with the codes and messages the real service sends. `code` is the error
/// shape's name in the service model; `queryCode` is the legacy code SQS still sends in
/// `x-amzn-query-error` (awsQueryCompatible), which botocore reports as `Error.Code`.
enum SQSErrors {
    static func error(_ code: String, _ queryCode: String, _ message: String, status: Int = 400) -> AWSError {
        AWSError(code: code, message: message, httpStatus: status, queryCode: queryCode)
    }

    static func queueDoesNotExist() -> AWSError {
        error("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist.")
    }

    static func queueNameExists(attribute: String) -> AWSError {
        error("QueueNameExists", "QueueAlreadyExists",
              "A queue already exists with the same name and a different value for attribute \(attribute)")
    }

    static func queueDeletedRecently() -> AWSError {
        error("QueueDeletedRecently", "AWS.SimpleQueueService.QueueDeletedRecently",
              "You must wait 60 seconds after deleting a queue before you can create another with the same name.")
    }

    static func invalidParameterValue(_ message: String) -> AWSError {
        error("InvalidParameterValue", "InvalidParameterValue", message)
    }

    /// `Value X for parameter P is invalid. Reason: R` — the service's usual wording.
    static func invalidValue(_ value: String, parameter: String, reason: String) -> AWSError {
        invalidParameterValue("Value \(value) for parameter \(parameter) is invalid. Reason: \(reason)")
    }

    static func missingParameter(_ name: String) -> AWSError {
        error("MissingParameter", "MissingParameter", "The request must contain the parameter \(name).")
    }

    static func invalidAttributeName(_ message: String) -> AWSError {
        error("InvalidAttributeName", "InvalidAttributeName", message)
    }

    static func unknownAttribute(_ name: String) -> AWSError {
        invalidAttributeName("Unknown Attribute \(name).")
    }

    static func invalidAttributeValue(_ name: String, reason: String? = nil) -> AWSError {
        let message = "Invalid value for the parameter \(name)." + (reason.map { " Reason: \($0)" } ?? "")
        return error("InvalidAttributeValue", "InvalidAttributeValue", message)
    }

    static func invalidMessageContents() -> AWSError {
        error("InvalidMessageContents", "InvalidMessageContents", invalidCharactersMessage)
    }

    static let invalidCharactersMessage = "Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF"

    static func receiptHandleIsInvalid(_ handle: String) -> AWSError {
        error("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid",
              "The input receipt handle \"\(handle)\" is not a valid receipt handle.")
    }

    static func receiptHandleExpired(_ handle: String) -> AWSError {
        invalidValue(handle, parameter: "ReceiptHandle", reason: "The receipt handle has expired.")
    }

    static func messageNotInflight() -> AWSError {
        error("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight",
              "Message does not exist or is not available for visibility timeout change.")
    }

    static func purgeQueueInProgress(queue: String) -> AWSError {
        error("PurgeQueueInProgress", "AWS.SimpleQueueService.PurgeQueueInProgress",
              "Only one PurgeQueue operation on \(queue) is allowed every 60 seconds.", status: 403)
    }

    static func emptyBatchRequest(entry: String) -> AWSError {
        error("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest",
              "There should be at least one \(entry) in the request.")
    }

    static func tooManyEntriesInBatchRequest(_ count: Int) -> AWSError {
        error("TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
              "Maximum number of entries per request are 10. You have sent \(count).")
    }

    static func batchEntryIdsNotDistinct(_ id: String) -> AWSError {
        error("BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct", "Id \(id) repeated.")
    }

    static func invalidBatchEntryId() -> AWSError {
        error("InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId",
              "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.")
    }

    static func batchRequestTooLong(limit: Int, sent: Int) -> AWSError {
        error("BatchRequestTooLong", "AWS.SimpleQueueService.BatchRequestTooLong",
              "Batch requests cannot be longer than \(limit) bytes. You have sent \(sent) bytes.")
    }

    static func resourceNotFound(_ message: String) -> AWSError {
        error("ResourceNotFoundException", "ResourceNotFoundException", message, status: 404)
    }

    static func internalError(_ message: String) -> AWSError {
        AWSError(code: "InternalError", message: message, httpStatus: 500, queryCode: "InternalError")
    }

    static func invalidAction(_ operation: String) -> AWSError {
        AWSError(code: "InvalidAction", message: "The action \(operation) is not valid for this web service.",
                 queryCode: "InvalidAction")
    }
}
