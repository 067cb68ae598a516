import JSON

/// Queues another service can poll and deliver to (SQS), as Lambda's event source mappings
/// and SNS subscriptions use them: through SQS's own operations, so visibility timeouts,
/// receive counts and redrive stay SQS's.
public protocol MessageQueues: Sendable {
    /// The URL of the queue an ARN names, nil when there is no such queue.
    func queueURL(arn: ARN) async -> String?

    /// Up to `maximum` messages (at most 10), waiting up to `waitSeconds` for the first;
    /// each as `ReceiveMessage` returns it, with all attributes and message attributes.
    func receive(queueURL: String, maximum: Int, waitSeconds: Int, context: RequestContext) async throws(AWSError) -> [JSONValue]

    /// Deletes received messages by their receipt handles (at most 10).
    func delete(queueURL: String, receiptHandles: [String], context: RequestContext) async throws(AWSError)

    /// Sends one message, as `SendMessage` with these members (`MessageBody`,
    /// `MessageAttributes`, `MessageGroupId`…); answers what SendMessage answers.
    func send(queueURL: String, message: JSONValue, context: RequestContext) async throws(AWSError) -> JSONValue

    /// Delivers one message on a service's behalf (SNS, EventBridge, S3): the queue must exist
    /// and its access policy must allow `caller` `sqs:SendMessage`, as AWS requires even in
    /// the queue's own account. `message` has `SendMessage`'s members. Answers
    /// `.delivered(messageId)`, or why not.
    func deliver(queueArn: String, message: JSONValue, from caller: ServiceCaller) async -> DeliveryOutcome
}
