import EmulatorKit

/// STS's errors as the aws CLI prints them: `AccessDenied` for a trust policy that does not
/// let the caller in (or a role that does not exist: STS does not say which), and
/// `ExpiredToken` for credentials past their expiration on the virtual clock.
enum STSErrors {
    static func accessDenied(caller: String, roleArn: String) -> AWSError {
        AWSError(code: "AccessDenied",
                 message: "User: \(caller) is not authorized to perform: sts:AssumeRole on resource: \(roleArn)",
                 httpStatus: 403, queryCode: "AccessDenied")
    }

    static func expiredToken() -> AWSError {
        AWSError(code: "ExpiredTokenException", message: "The security token included in the request is expired",
                 httpStatus: 400, queryCode: "ExpiredToken")
    }

    static func malformedPolicyDocument(_ message: String) -> AWSError {
        AWSError(code: "MalformedPolicyDocumentException", message: message, httpStatus: 400, queryCode: "MalformedPolicyDocument")
    }

    static func invalidAction(_ operation: String) -> AWSError {
        AWSError(code: "InvalidAction", message: "The action \(operation) is not valid for this web service.",
                 queryCode: "InvalidAction")
    }
}
