import JSON

/// An AWS error on its way to the client, in the terms every protocol needs.
public struct WireError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The error shape's name in the service model (`QueueDoesNotExist`) or a common
    /// AWS code (`MissingParameter`, `SerializationException`).
    public var code: String
    public var message: String
    public var httpStatus: Int
    /// True when the caller is at fault: `Sender` rather than `Receiver`.
    public var senderFault: Bool
    /// The query-protocol code when it differs from `code`
    /// (`AWS.SimpleQueueService.NonExistentQueue`). Left nil, the encoder takes it from
    /// the model's error shape.
    public var queryCode: String?
    /// The error shape's other members in JSON form, named as the model names them
    /// (`{"TopLevel": "…", "Nested": {…}}`); protocols write them next to code and message.
    public var fields: [String: JSONValue] = [:]

    /// Where decoding had got to when it failed, so the error can be answered in the
    /// protocol and namespace the client spoke even without a `DecodedRequest`.
    public internal(set) var wireProtocol: WireProtocol?
    public internal(set) var service: String?

    public init(code: String, message: String, httpStatus: Int = 400, senderFault: Bool? = nil, queryCode: String? = nil) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.senderFault = senderFault ?? (httpStatus < 500)
        self.queryCode = queryCode
    }

    public var description: String { "\(queryCode ?? code): \(message)" }

    /// The error a model defines under this shape name, with the status and query code
    /// its `error` trait records (`QueueDoesNotExist` → 400, `AWS.SimpleQueueService.NonExistentQueue`).
    public static func modeled(_ code: String, message: String, in model: ServiceModel) -> WireError {
        let traits = model.errorShape(named: code)?.error
        let status = traits?.httpStatusCode ?? 400
        return WireError(code: code, message: message, httpStatus: status,
                         senderFault: traits?.senderFault ?? (status < 500), queryCode: traits?.code)
    }

    func from(_ wireProtocol: WireProtocol?, service: String?) -> WireError {
        var error = self
        error.wireProtocol = error.wireProtocol ?? wireProtocol
        error.service = error.service ?? service
        return error
    }
}

// The errors the wire layer itself raises.
extension WireError {
    static func serialization(_ message: String) -> WireError {
        WireError(code: "SerializationException", message: message)
    }
    static func unknownOperation(_ message: String) -> WireError {
        WireError(code: "UnknownOperationException", message: message)
    }
    static func invalidAction(_ action: String) -> WireError {
        WireError(code: "InvalidAction", message: "The action \(action) is not valid for this web service.")
    }
    static func missingAction() -> WireError {
        WireError(code: "MissingAction", message: "The request must contain the parameter Action.")
    }
    static func missingParameter(_ name: String) -> WireError {
        WireError(code: "MissingParameter", message: "The request must contain the parameter \(name).")
    }
    static func invalidParameterValue(_ message: String) -> WireError {
        WireError(code: "InvalidParameterValue", message: message)
    }
    static func malformedQueryString(_ message: String) -> WireError {
        WireError(code: "MalformedQueryString", message: message)
    }
}
