import EmulatorKit

/// Lambda's error codes and messages, as the aws CLI and boto3 show them.
enum LambdaErrors {
    static func functionNotFound(_ arn: String) -> AWSError {
        AWSError(code: "ResourceNotFoundException", message: "Function not found: \(arn)", httpStatus: 404)
    }

    static func functionExists(_ name: String) -> AWSError {
        AWSError(code: "ResourceConflictException", message: "Function already exist: \(name)", httpStatus: 409)
    }

    static func mappingNotFound(_ uuid: String) -> AWSError {
        AWSError(code: "ResourceNotFoundException",
                 message: "The resource you requested does not exist. (Service: Lambda, Status Code: 404, Request ID: \(uuid))", httpStatus: 404)
    }

    static func invalidParameter(_ message: String) -> AWSError {
        AWSError(code: "InvalidParameterValueException", message: message, httpStatus: 400)
    }

    static func invalidZip(_ message: String) -> AWSError {
        AWSError(code: "InvalidParameterValueException", message: message, httpStatus: 400)
    }

    static func invalidRequestContent(_ message: String) -> AWSError {
        AWSError(code: "InvalidRequestContentException", message: message, httpStatus: 400)
    }

    static func unsupportedRuntime(_ runtime: String) -> AWSError {
        AWSError(code: "InvalidParameterValueException",
                 message: "Value \(runtime) at 'runtime' failed to satisfy constraint: handson runs python3.x and provided.al2023/provided.al2 functions", httpStatus: 400)
    }

    static func serviceError(_ message: String) -> AWSError {
        AWSError(code: "ServiceException", message: message, httpStatus: 500)
    }
}

extension LambdaErrors {
    static func preconditionFailed() -> AWSError {
        AWSError(code: "PreconditionFailedException",
                 message: "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id",
                 httpStatus: 412)
    }
}
