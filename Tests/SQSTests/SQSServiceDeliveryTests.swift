import EmulatorKit
import Foundation
import JSON
import Testing
@testable import SQS

/// Deliveries on a service's behalf (SNS, EventBridge, S3): the queue's access policy decides,
/// as on AWS, even in the queue's own account.
@Suite("SQS deliveries from services")
struct SQSServiceDeliveryTests {
    static let queueArn = "arn:aws:sqs:us-east-1:123456789012:orders"
    static let topicArn = "arn:aws:sns:us-east-1:123456789012:orders-topic"
    static let sns = ServiceCaller(principal: "sns.amazonaws.com", sourceArn: topicArn, sourceAccount: "123456789012")

    static func policy(principal: String, sourceArn: String) -> String {
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"\(principal)"},
        "Action":"sqs:SendMessage","Resource":"\(queueArn)","Condition":{"ArnEquals":{"aws:SourceArn":"\(sourceArn)"}}}]}
        """
    }

    @Test("No queue, no policy, another source: refused or failed with the reason; the allowed source delivers")
    func policyDecides() async throws {
        let harness = try await SQSHarness.make()
        let message: JSONValue = ["MessageBody": "hello"]
        let missing = await harness.sqs.deliver(queueArn: Self.queueArn, message: message, from: Self.sns)
        #expect(missing.status == "failed" && missing.detail.contains("no queue"))

        let url = try await harness.createQueue("orders")
        let noPolicy = await harness.sqs.deliver(queueArn: Self.queueArn, message: message, from: Self.sns)
        #expect(noPolicy.status == "refused" && noPolicy.detail.contains("no access policy"), "\(noPolicy)")

        try await harness.call("SetQueueAttributes", ["QueueUrl": .string(url), "Attributes": [
            "Policy": .string(Self.policy(principal: "sns.amazonaws.com", sourceArn: "arn:aws:sns:us-east-1:123456789012:other")),
        ]])
        let otherSource = await harness.sqs.deliver(queueArn: Self.queueArn, message: message, from: Self.sns)
        #expect(otherSource.status == "refused" && otherSource.detail.contains("does not allow"), "\(otherSource)")

        try await harness.call("SetQueueAttributes", ["QueueUrl": .string(url), "Attributes": [
            "Policy": .string(Self.policy(principal: "sns.amazonaws.com", sourceArn: Self.topicArn)),
        ]])
        let delivered = await harness.sqs.deliver(queueArn: Self.queueArn, message: message, from: Self.sns)
        #expect(delivered.isDelivered && !delivered.detail.isEmpty, "\(delivered)")
        let received = try await harness.call("ReceiveMessage", ["QueueUrl": .string(url)])
        #expect(received["Messages"]?[0]?["Body"] == "hello")
    }
}
