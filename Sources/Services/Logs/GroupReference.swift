import EmulatorKit

/// How a request names its log group: `logGroupName`, or `logGroupIdentifier` (a name or an
/// ARN, which may point at another region or account) — never both, never neither.
enum GroupReference: Sendable, Equatable {
    case name(String)
    case arn(LogGroupArn)

    init(_ input: ServiceInput) throws(AWSError) {
        let name = try input.string("logGroupName")
        let identifier = try input.string("logGroupIdentifier")
        var validation = LogsValidation()
        validation.groupName(name)
        try validation.check()
        switch (name, identifier) {
        case (_?, _?):
            throw LogsErrors.nameAndIdentifier()
        case (let name?, nil):
            self = .name(name)
        case (nil, let identifier?):
            if let arn = LogGroupArn(identifier) {
                self = .arn(arn)
            } else if identifier.hasPrefix("arn:") {
                throw LogsErrors.groupNotFound()
            } else {
                self = .name(identifier)
            }
        case (nil, nil):
            throw LogsErrors.invalidParameter("Either LogGroup name or LogGroup ARN must be specified.")
        }
    }
}
