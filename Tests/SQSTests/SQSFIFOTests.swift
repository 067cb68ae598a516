import Foundation
import JSON
import Testing
import EmulatorKit
@testable import SQS

@Suite("SQS FIFO queues")
struct SQSFIFOTests {
    func fifo(_ h: SQSHarness, _ name: String = "jobs.fifo", contentBased: Bool = false) async throws -> String {
        try await h.createQueue(name, ["FifoQueue": "true", "ContentBasedDeduplication": contentBased ? "true" : "false"])
    }

    @Test("Messages of a group arrive in order with increasing sequence numbers")
    func ordering() async throws {
        let h = try await SQSHarness.make()
        let url = try await fifo(h)
        var sequenceNumbers: [String] = []
        for i in 0..<5 {
            let sent = try await h.send(url, "a\(i)", ["MessageGroupId": "A", "MessageDeduplicationId": .string("a\(i)")])
            let number = try #require(sent["SequenceNumber"]?.stringValue)
            #expect(number.count == 20)
            sequenceNumbers.append(number)
        }
        #expect(sequenceNumbers == sequenceNumbers.sorted())
        #expect(Set(sequenceNumbers).count == 5)
        let received = try await h.receive(url, max: 10)
        #expect(received.compactMap { $0["Body"]?.stringValue } == ["a0", "a1", "a2", "a3", "a4"])
        #expect(received.first?.attribute("MessageGroupId") == "A")
        #expect(received.first?.attribute("MessageDeduplicationId") == "a0")
        #expect(received.first?.attribute("SequenceNumber") == sequenceNumbers[0])
    }

    @Test("A group is locked while any of its messages is in flight; other groups still flow")
    func groupLock() async throws {
        let h = try await SQSHarness.make()
        let url = try await fifo(h, contentBased: true)
        for body in ["a1", "a2"] { try await h.send(url, body, ["MessageGroupId": "A"]) }
        for body in ["b1", "b2"] { try await h.send(url, body, ["MessageGroupId": "B"]) }

        let first = try await h.receive(url, max: 1)
        #expect(first.compactMap { $0["Body"]?.stringValue } == ["a1"])
        // A is locked by a1: the next receive serves B from its start.
        let second = try await h.receive(url, max: 1)
        #expect(second.compactMap { $0["Body"]?.stringValue } == ["b1"])
        #expect(try await h.receive(url, max: 10).isEmpty)

        try await h.delete(url, first[0])
        #expect(try await h.receive(url, max: 10).compactMap { $0["Body"]?.stringValue } == ["a2"])

        // When b1's visibility ends it comes back first, before b2.
        try h.clock.advance(by: 30)
        let retried = try await h.receive(url, max: 10)
        #expect(retried.compactMap { $0["Body"]?.stringValue } == ["b1", "b2", "a2"] || retried.compactMap { $0["Body"]?.stringValue } == ["a2", "b1", "b2"])
        #expect(retried.first { $0["Body"] == "b1" }?.attribute("ApproximateReceiveCount") == "2")
        #expect(await h.sqs.diagnostics(queueName: "jobs.fifo")?.indexesConsistent == true)
    }

    @Test("Explicit deduplication IDs suppress duplicates for five minutes, then no longer")
    func explicitDeduplication() async throws {
        let h = try await SQSHarness.make()
        let url = try await fifo(h)
        let first = try await h.send(url, "pay", ["MessageGroupId": "g", "MessageDeduplicationId": "order-1"])
        try h.clock.advance(by: 200)
        let duplicate = try await h.send(url, "pay again", ["MessageGroupId": "g", "MessageDeduplicationId": "order-1"])
        #expect(duplicate["MessageId"] == first["MessageId"])
        #expect(try await h.counts(url) == (1, 0, 0))
        // Even after the original is consumed, the ID is remembered for the window.
        let message = try #require(try await h.receive(url).first)
        try await h.delete(url, message)
        try await h.send(url, "pay", ["MessageGroupId": "g", "MessageDeduplicationId": "order-1"])
        #expect(try await h.counts(url) == (0, 0, 0))
        try h.clock.advance(by: 101)
        let later = try await h.send(url, "pay", ["MessageGroupId": "g", "MessageDeduplicationId": "order-1"])
        #expect(later["MessageId"] != first["MessageId"])
        #expect(try await h.counts(url) == (1, 0, 0))
    }

    @Test("Content-based deduplication uses the SHA-256 of the body")
    func contentBasedDeduplication() async throws {
        let h = try await SQSHarness.make()
        let url = try await fifo(h, contentBased: true)
        let first = try await h.send(url, "{\"order\":1}", ["MessageGroupId": "g"])
        let second = try await h.send(url, "{\"order\":1}", ["MessageGroupId": "other"])
        let third = try await h.send(url, "{\"order\":2}", ["MessageGroupId": "g"])
        #expect(first["MessageId"] == second["MessageId"])
        #expect(first["MessageId"] != third["MessageId"])
        let message = try #require(try await h.receive(url, max: 1).first)
        #expect(message.attribute("MessageDeduplicationId") == MessageAttributesMD5.sha256("{\"order\":1}"))
        try h.clock.advance(by: 301)
        let fourth = try await h.send(url, "{\"order\":1}", ["MessageGroupId": "g"])
        #expect(fourth["MessageId"] != first["MessageId"])
    }

    @Test("Deduplication scoped to the message group")
    func groupScopedDeduplication() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("scoped.fifo", ["FifoQueue": "true", "DeduplicationScope": "messageGroup",
                                                           "FifoThroughputLimit": "perMessageGroupId"])
        try await h.send(url, "x", ["MessageGroupId": "a", "MessageDeduplicationId": "same"])
        try await h.send(url, "x", ["MessageGroupId": "b", "MessageDeduplicationId": "same"])
        try await h.send(url, "x", ["MessageGroupId": "b", "MessageDeduplicationId": "same"])
        #expect(try await h.counts(url) == (2, 0, 0))
    }

    @Test("FIFO rules: group ID required, per-message delay refused, receipt handles expire")
    func fifoRules() async throws {
        let h = try await SQSHarness.make()
        let url = try await fifo(h)
        let noGroup = await h.error("SendMessage", ["QueueUrl": .string(url), "MessageBody": "x", "MessageDeduplicationId": "d"])
        #expect(noGroup?.code == "MissingParameter")
        #expect(noGroup?.message == "The request must contain the parameter MessageGroupId.")
        let noDedup = await h.error("SendMessage", ["QueueUrl": .string(url), "MessageBody": "x", "MessageGroupId": "g"])
        #expect(noDedup?.message == "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly")
        let delay = await h.error("SendMessage", ["QueueUrl": .string(url), "MessageBody": "x", "MessageGroupId": "g",
                                                  "MessageDeduplicationId": "d", "DelaySeconds": 2])
        #expect(delay?.message == "Value 2 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.")

        try await h.send(url, "x", ["MessageGroupId": "g", "MessageDeduplicationId": "d"])
        let first = try #require(try await h.receive(url, visibility: 10).first)
        try h.clock.advance(by: 10)
        let second = try #require(try await h.receive(url).first)
        let expired = await h.error("DeleteMessage", ["QueueUrl": .string(url), "ReceiptHandle": first["ReceiptHandle"]!])
        #expect(expired?.code == "InvalidParameterValue")
        #expect(expired?.message.hasSuffix("Reason: The receipt handle has expired.") == true)
        try await h.delete(url, second)
        #expect(try await h.counts(url) == (0, 0, 0))

        let standard = try await h.createQueue("standard")
        let dedupOnStandard = await h.error("SendMessage", ["QueueUrl": .string(standard), "MessageBody": "x", "MessageDeduplicationId": "d"])
        #expect(dedupOnStandard?.message == "Value d for parameter MessageDeduplicationId is invalid. Reason: The request includes a parameter that is not valid for this queue type.")
    }

    @Test("A retried receive with the same ReceiveRequestAttemptId returns the same messages")
    func receiveRequestAttemptId() async throws {
        let h = try await SQSHarness.make()
        let url = try await fifo(h, contentBased: true)
        for i in 0..<3 { try await h.send(url, "m\(i)", ["MessageGroupId": .string("g\(i)")]) }
        let first = try await h.receive(url, max: 2, ["ReceiveRequestAttemptId": "attempt-1"])
        let retry = try await h.receive(url, max: 2, ["ReceiveRequestAttemptId": "attempt-1"])
        #expect(first.count == 2)
        #expect(retry.map { $0["ReceiptHandle"] } == first.map { $0["ReceiptHandle"] })
        let other = try await h.receive(url, max: 2, ["ReceiveRequestAttemptId": "attempt-2"])
        #expect(other.compactMap { $0["Body"]?.stringValue } == ["m2"])
    }
}
