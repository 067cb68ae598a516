import JSON

/// Topics other services publish to (SNS): EventBridge targets, S3 notifications, alarms.
/// The topic's access policy must allow the caller `sns:Publish`, as AWS requires.
public protocol TopicPublisher: Sendable {
    /// `request` has `Publish`'s members (`Message`, `Subject`, `MessageAttributes`,
    /// `MessageGroupId`, `MessageDeduplicationId`). Answers `.delivered(messageId)`.
    func publish(topicArn: String, request: JSONValue, from caller: ServiceCaller) async -> DeliveryOutcome
}
