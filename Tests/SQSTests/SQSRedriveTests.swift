import Foundation
import JSON
import Testing
import EmulatorKit
@testable import SQS

@Suite("SQS dead-letter queues and redrive")
struct SQSRedriveTests {
    /// A source queue whose messages move to `dlq` after `maxReceiveCount` receives.
    func pair(_ h: SQSHarness, maxReceiveCount: Int = 2) async throws -> (source: String, dlq: String, dlqArn: String) {
        let dlq = try await h.createQueue("orders-dlq")
        let dlqArn = try await h.arn(dlq)
        let source = try await h.createQueue("orders", [
            "VisibilityTimeout": "10",
            "RedrivePolicy": .init("{\"deadLetterTargetArn\":\"\(dlqArn)\",\"maxReceiveCount\":\(maxReceiveCount)}"),
        ])
        return (source, dlq, dlqArn)
    }

    @Test("A message received maxReceiveCount times moves to the DLQ at the next receive")
    func redrive() async throws {
        let h = try await SQSHarness.make()
        let (source, dlq, _) = try await pair(h)
        let sent = try await h.send(source, "poison")
        for attempt in 1...2 {
            let message = try #require(try await h.receive(source).first)
            #expect(message.attribute("ApproximateReceiveCount") == String(attempt))
            try h.clock.advance(by: 10)
        }
        // The third receive finds it over the limit: it moves instead of being delivered.
        #expect(try await h.receive(source).isEmpty)
        #expect(try await h.counts(source) == (0, 0, 0))
        #expect(try await h.counts(dlq) == (1, 0, 0))
        let dead = try #require(try await h.receive(dlq).first)
        #expect(dead["MessageId"] == sent["MessageId"])
        #expect(dead["Body"] == "poison")
        #expect(dead.attribute("DeadLetterQueueSourceArn") == "arn:aws:sqs:us-east-1:123456789012:orders")

        let sources = try await h.call("ListDeadLetterSourceQueues", ["QueueUrl": .string(dlq)])
        #expect(sources == ["queueUrls": [.string(source)]])
        let state = await h.sqs.state()
        let dlqState = state["queues"]?.arrayValue?.first { $0["name"] == "orders-dlq" }
        #expect(dlqState?["deadLetterSourceQueues"] == ["orders"])
    }

    @Test("A redrive allow policy decides which queues may use a DLQ")
    func redriveAllowPolicy() async throws {
        let h = try await SQSHarness.make()
        let dlq = try await h.createQueue("strict-dlq", ["RedriveAllowPolicy": "{\"redrivePermission\":\"denyAll\"}"])
        let dlqArn = try await h.arn(dlq)
        let policy = JSONValue.string("{\"deadLetterTargetArn\":\"\(dlqArn)\",\"maxReceiveCount\":1}")
        let denied = await h.error("CreateQueue", ["QueueName": "work", "Attributes": ["RedrivePolicy": policy]])
        #expect(denied?.code == "InvalidParameterValue")
        #expect(denied?.message.contains("RedriveAllowPolicy") == true)

        let sourceArn = "arn:aws:sqs:us-east-1:123456789012:work"
        try await h.call("SetQueueAttributes", ["QueueUrl": .string(dlq), "Attributes": [
            "RedriveAllowPolicy": .string("{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[\"\(sourceArn)\"]}")]])
        _ = try await h.createQueue("work", ["RedrivePolicy": policy.stringValue!])
        let other = await h.error("CreateQueue", ["QueueName": "other", "Attributes": ["RedrivePolicy": policy]])
        #expect(other?.code == "InvalidParameterValue")

        let invalid = await h.error("SetQueueAttributes", ["QueueUrl": .string(dlq), "Attributes": [
            "RedriveAllowPolicy": "{\"redrivePermission\":\"byQueue\"}"]])
        #expect(invalid?.code == "InvalidAttributeValue")
    }

    @Test("A move task redrives DLQ messages back to their source queue")
    func moveTaskToSource() async throws {
        let h = try await SQSHarness.make()
        let (source, dlq, dlqArn) = try await pair(h, maxReceiveCount: 1)
        for i in 0..<3 { try await h.send(source, "m\(i)") }
        _ = try await h.receive(source)
        try h.clock.advance(by: 10)
        #expect(try await h.receive(source).isEmpty)
        #expect(try await h.counts(dlq) == (3, 0, 0))

        let started = try await h.call("StartMessageMoveTask", ["SourceArn": .string(dlqArn)])
        #expect(started["TaskHandle"]?.stringValue != nil)
        #expect(try await h.counts(dlq) == (0, 0, 0))
        #expect(try await h.counts(source) == (3, 0, 0))
        let list = try await h.call("ListMessageMoveTasks", ["SourceArn": .string(dlqArn)])
        let task = try #require(list["Results"]?.arrayValue?.first)
        #expect(task["Status"] == "COMPLETED")
        #expect(task["ApproximateNumberOfMessagesMoved"] == 3)
        #expect(task["ApproximateNumberOfMessagesToMove"] == 3)
        #expect(task["TaskHandle"] == nil)
        // Back in the source queue the messages start over.
        let again = try await h.receive(source)
        #expect(again.count == 3)
        #expect(again.allSatisfy { $0.attribute("ApproximateReceiveCount") == "1" && $0.attribute("DeadLetterQueueSourceArn") == nil })
    }

    @Test("A rate-limited move task progresses with the virtual clock and can be cancelled")
    func moveTaskRate() async throws {
        let h = try await SQSHarness.make()
        let (source, dlq, dlqArn) = try await pair(h, maxReceiveCount: 1)
        let target = try await h.createQueue("replay")
        let targetArn = try await h.arn(target)
        for i in 0..<10 { try await h.send(source, "m\(i)") }
        _ = try await h.receive(source, max: 10)
        try h.clock.advance(by: 10)
        _ = try await h.receive(source, max: 10)
        #expect(try await h.counts(dlq).0 == 10)

        let started = try await h.call("StartMessageMoveTask", ["SourceArn": .string(dlqArn), "DestinationArn": .string(targetArn),
                                                                 "MaxNumberOfMessagesPerSecond": 1])
        let handle = try #require(started["TaskHandle"])
        try h.clock.advance(by: 3)
        let running = try #require(try await h.call("ListMessageMoveTasks", ["SourceArn": .string(dlqArn)])["Results"]?.arrayValue?.first)
        #expect(running["Status"] == "RUNNING")
        #expect(running["TaskHandle"] == handle)
        #expect(running["DestinationArn"]?.stringValue == targetArn)
        let moved = try #require(running["ApproximateNumberOfMessagesMoved"]?.intValue)
        #expect((3...4).contains(moved))
        let second = await h.error("StartMessageMoveTask", ["SourceArn": .string(dlqArn)])
        #expect(second?.message == "There is already a task running. Only one active task is allowed for a source queue arn at a given time.")

        let cancelled = try await h.call("CancelMessageMoveTask", ["TaskHandle": handle])
        let movedAtCancel = try #require(cancelled["ApproximateNumberOfMessagesMoved"]?.intValue)
        try h.clock.advance(by: 100)
        let after = try #require(try await h.call("ListMessageMoveTasks", ["SourceArn": .string(dlqArn)])["Results"]?.arrayValue?.first)
        #expect(after["Status"] == "CANCELLED")
        #expect(after["ApproximateNumberOfMessagesMoved"]?.intValue == movedAtCancel)
        #expect(try await h.counts(target).0 == movedAtCancel)
        #expect(try await h.counts(dlq).0 == 10 - movedAtCancel)
    }

    @Test("Move task errors")
    func moveTaskErrors() async throws {
        let h = try await SQSHarness.make()
        let plain = try await h.createQueue("plain")
        let plainArn = try await h.arn(plain)
        let notDLQ = await h.error("StartMessageMoveTask", ["SourceArn": .string(plainArn)])
        #expect(notDLQ?.message == "Source queue must be configured as a Dead Letter Queue.")
        let missing = await h.error("StartMessageMoveTask", ["SourceArn": "arn:aws:sqs:us-east-1:123456789012:nope"])
        #expect(missing?.code == "ResourceNotFoundException")
        #expect(missing?.httpStatus == 404)
        let badHandle = await h.error("CancelMessageMoveTask", ["TaskHandle": "garbage"])
        #expect(badHandle?.message == "Value for parameter TaskHandle is invalid.")
    }
}

extension JSONValue {
    init(_ string: String) { self = .string(string) }
}
