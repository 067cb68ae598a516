/// An AWS error as a client sees it: the modelled error shape's name (`QueueDoesNotExist`),
/// the message, the HTTP status, and for services that kept their query-era codes
/// (SQS's `awsQueryCompatible`) the legacy code clients still match on
/// (`AWS.SimpleQueueService.NonExistentQueue`).
public struct AWSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The error shape's name in the service model, e.g. `QueueDoesNotExist`, `InvalidParameterValue`.
    public var code: String
    public var message: String
    public var httpStatus: Int
    /// True when the caller is at fault (4xx), false for the service (5xx).
    public var senderFault: Bool
    /// The query-protocol code, when it differs from `code`.
    public var queryCode: String?

    public init(code: String, message: String, httpStatus: Int = 400, senderFault: Bool? = nil, queryCode: String? = nil) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.senderFault = senderFault ?? (httpStatus < 500)
        self.queryCode = queryCode
    }

    public var description: String { "\(queryCode ?? code): \(message)" }

    // Errors every service shares.
    public static func invalidParameterValue(_ message: String) -> AWSError {
        AWSError(code: "InvalidParameterValue", message: message)
    }
    public static func missingParameter(_ name: String) -> AWSError {
        AWSError(code: "MissingParameter", message: "The request must contain the parameter \(name).")
    }
    public static func invalidAction(_ operation: String, service: String) -> AWSError {
        AWSError(code: "InvalidAction", message: "The action \(operation) is not valid for this web service.")
    }
    public static func internalFailure(_ message: String) -> AWSError {
        AWSError(code: "InternalFailure", message: message, httpStatus: 500)
    }
}
