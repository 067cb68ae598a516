import Foundation

/// Functions other services invoke asynchronously (Lambda): SNS subscriptions, EventBridge
/// targets, S3 notifications. The function's resource policy (`add-permission`) must allow
/// the caller `lambda:InvokeFunction`, as AWS requires; the answer comes once the invocation
/// is accepted, not when the function has run.
public protocol FunctionInvoker: Sendable {
    /// `functionArn` may carry a qualifier. Answers `.delivered(requestId)` once queued.
    func invokeAsynchronously(functionArn: String, payload: Data, from caller: ServiceCaller) async -> DeliveryOutcome
}
