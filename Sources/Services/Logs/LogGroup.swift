import EmulatorKit

/// One log group: its settings, tags and streams.
final class LogGroup {
    let id: Int64
    let account: String
    let region: String
    let name: String
    let creationTime: Int64
    var retentionInDays: Int?
    var kmsKeyId: String?
    var logGroupClass: String
    var deletionProtectionEnabled: Bool
    var tags: [String: String]
    var streams: [String: LogStream] = [:]

    init(id: Int64, account: String, region: String, name: String, creationTime: Int64, retentionInDays: Int? = nil,
         kmsKeyId: String? = nil, logGroupClass: String = "STANDARD", deletionProtectionEnabled: Bool = false,
         tags: [String: String] = [:]) {
        self.id = id
        self.account = account
        self.region = region
        self.name = name
        self.creationTime = creationTime
        self.retentionInDays = retentionInDays
        self.kmsKeyId = kmsKeyId
        self.logGroupClass = logGroupClass
        self.deletionProtectionEnabled = deletionProtectionEnabled
        self.tags = tags
    }

    /// `logGroupArn`, the form tagging APIs take.
    var arn: String { "arn:aws:logs:\(region):\(account):log-group:\(name)" }

    /// DescribeLogGroups' `arn`: the group's ARN with `:*` (it covers the streams, for IAM).
    var wildcardArn: String { arn + ":*" }

    func streamArn(_ stream: LogStream) -> String { "\(arn):log-stream:\(stream.name)" }

    var storedBytes: Int { streams.values.reduce(0) { $0 + $1.storedBytes } }

    /// Events with a timestamp before this are past retention (nil: kept forever).
    func retentionCutoff(now: Int64) -> Int64? {
        retentionInDays.map { now - Int64($0) * LogsService.day }
    }
}

/// The parts of a CloudWatch Logs ARN the service resolves:
/// `arn:aws:logs:REGION:ACCOUNT:log-group:NAME[:*]`.
struct LogGroupArn: Sendable, Equatable {
    var region: String
    var account: String
    var name: String

    init?(_ text: String) {
        guard let arn = ARN(text), arn.service == "logs" else { return nil }
        let parts = arn.resourceParts
        guard parts.count >= 2, parts[0] == "log-group", !parts[1].isEmpty,
              parts.count == 2 || (parts.count == 3 && parts[2] == "*")
        else { return nil }
        region = arn.region
        account = arn.account
        name = String(parts[1])
    }
}
