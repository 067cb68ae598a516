/// An Amazon Resource Name, `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`: one parser for
/// every service's identifiers. The resource keeps its colons and slashes
/// (`function:NAME:QUALIFIER`, `role/PATH/NAME`, `log-group:NAME:*`).
public struct ARN: Sendable, Hashable, CustomStringConvertible {
    public var partition: String
    public var service: String
    public var region: String
    public var account: String
    public var resource: String

    public init(partition: String = "aws", service: String, region: String, account: String, resource: String) {
        self.partition = partition
        self.service = service
        self.region = region
        self.account = account
        self.resource = resource
    }

    /// Nil unless the text has the six parts of an ARN, `arn` first and a non-empty resource.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", !parts[2].isEmpty, !parts[5].isEmpty else { return nil }
        partition = String(parts[1])
        service = String(parts[2])
        region = String(parts[3])
        account = String(parts[4])
        resource = String(parts[5])
    }

    public var description: String { "arn:\(partition):\(service):\(region):\(account):\(resource)" }

    /// The resource split at colons (`["function", "NAME", "QUALIFIER"]`).
    public var resourceParts: [Substring] { resource.split(separator: ":", omittingEmptySubsequences: false) }

    /// A queue's ARN, `arn:aws:sqs:REGION:ACCOUNT:NAME`: SQS's service, a region, an account
    /// and a name without colons (event sources, redrive targets, subscriptions).
    public static func queue(_ text: String) -> ARN? {
        guard let arn = ARN(text), arn.service == "sqs", !arn.region.isEmpty, !arn.account.isEmpty,
              !arn.resource.contains(":") else { return nil }
        return arn
    }

    /// Any ARN, of any service (policy resources, redrive targets).
    public static func isWellFormed(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count >= 6 && parts[0] == "arn"
    }
}
