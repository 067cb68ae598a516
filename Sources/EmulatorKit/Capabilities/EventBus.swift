import Foundation
import JSON

/// An event an AWS service emits on an account's default event bus (EventBridge): an EC2
/// instance's state change, an alarm's, an S3 object's.
public struct ServiceEvent: Sendable, Equatable {
    /// `aws.ec2`
    public var source: String
    /// `EC2 Instance State-change Notification`
    public var detailType: String
    public var detail: JSONValue
    public var resources: [String]
    public var time: Date
    public var account: String
    public var region: String

    public init(source: String, detailType: String, detail: JSONValue, resources: [String], time: Date,
                account: String, region: String) {
        self.source = source
        self.detailType = detailType
        self.detail = detail
        self.resources = resources
        self.time = time
        self.account = account
        self.region = region
    }
}

/// Where services emit their events (EventBridge's default bus in the event's account and
/// region); rules match them as they match `PutEvents` entries.
public protocol EventBus: Sendable {
    func emit(_ event: ServiceEvent) async
}
