import Foundation
import JSON
import Testing
import EmulatorKit
@testable import SQS

@Suite("SQS messages")
struct SQSMessageTests {
    /// The polls below wait 20 s (real) when nothing wakes them. Ending well before that proves
    /// they woke early; the margin absorbs a test run saturating both cores.
    static let wellBeforeTheWait: TimeInterval = 15

    @Test("Send, receive and delete a message, with its system attributes")
    func sendReceiveDelete() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("orders")
        let sent = try await h.send(url, "msg")
        #expect(sent["MD5OfMessageBody"] == "6e2baaf3b97dbeef01c0043275f9a0e7")
        #expect(sent["SequenceNumber"] == nil)
        let messageId = try #require(sent["MessageId"]?.stringValue)

        let received = try await h.receive(url)
        #expect(received.count == 1)
        let message = try #require(received.first)
        #expect(message["MessageId"]?.stringValue == messageId)
        #expect(message["Body"] == "msg")
        #expect(message["MD5OfBody"] == "6e2baaf3b97dbeef01c0043275f9a0e7")
        #expect(message.attribute("ApproximateReceiveCount") == "1")
        #expect(message.attribute("SenderId") == "123456789012")
        #expect(message.attribute("SentTimestamp") != nil)
        #expect(message.attribute("ApproximateFirstReceiveTimestamp") != nil)
        #expect(try await h.counts(url) == (0, 1, 0))

        // Nothing else is visible while it is in flight.
        #expect(try await h.receive(url).isEmpty)
        try await h.delete(url, message)
        #expect(try await h.counts(url) == (0, 0, 0))
        // Deleting again with the same handle still succeeds.
        try await h.delete(url, message)
    }

    @Test("Only requested system attributes are returned; none without AttributeNames")
    func attributeSelection() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("orders")
        try await h.send(url, "x")
        let output = try await h.call("ReceiveMessage", ["QueueUrl": .string(url), "VisibilityTimeout": 0])
        let plain = try #require(output["Messages"]?.arrayValue?.first)
        #expect(plain["Attributes"] == nil)
        #expect(plain["MessageAttributes"] == nil)
        let some = try await h.call("ReceiveMessage", ["QueueUrl": .string(url), "MessageSystemAttributeNames": ["SenderId"]])
        #expect(some["Messages"]?.arrayValue?.first?["Attributes"] == ["SenderId": "123456789012"])
    }

    @Test("A message whose visibility timeout ends is received again with a higher receive count")
    func visibilityTimeout() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("orders", ["VisibilityTimeout": "30"])
        try await h.send(url, "work")
        let first = try #require(try await h.receive(url).first)
        #expect(first.attribute("ApproximateReceiveCount") == "1")
        // The virtual clock also moves with real time: leave a few seconds of slack for a busy machine.
        try h.clock.advance(by: 25)
        #expect(try await h.receive(url).isEmpty)
        try h.clock.advance(by: 5)
        #expect(try await h.counts(url) == (1, 0, 0))
        let second = try #require(try await h.receive(url, visibility: 5).first)
        #expect(second.attribute("ApproximateReceiveCount") == "2")
        #expect(second["ReceiptHandle"] != first["ReceiptHandle"])
        #expect(second.attribute("ApproximateFirstReceiveTimestamp") == first.attribute("ApproximateFirstReceiveTimestamp"))
        try h.clock.advance(by: 5)
        #expect(try await h.receive(url).first?.attribute("ApproximateReceiveCount") == "3")

        // An old handle still deletes the message on a standard queue.
        try await h.delete(url, first)
        #expect(try await h.counts(url) == (0, 0, 0))
    }

    @Test("ChangeMessageVisibility extends, ends and limits the timeout")
    func changeVisibility() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("orders")
        try await h.send(url, "work")
        let message = try #require(try await h.receive(url).first)
        let handle = try #require(message["ReceiptHandle"])
        try await h.call("ChangeMessageVisibility", ["QueueUrl": .string(url), "ReceiptHandle": handle, "VisibilityTimeout": 600])
        try h.clock.advance(by: 595)
        #expect(try await h.receive(url).isEmpty)
        try await h.call("ChangeMessageVisibility", ["QueueUrl": .string(url), "ReceiptHandle": handle, "VisibilityTimeout": 0])
        let again = try #require(try await h.receive(url).first)
        #expect(again.attribute("ApproximateReceiveCount") == "2")

        // The old handle no longer names an in-flight receive once its message is visible.
        try await h.call("ChangeMessageVisibility", ["QueueUrl": .string(url), "ReceiptHandle": again["ReceiptHandle"]!, "VisibilityTimeout": 0])
        let stale = await h.error("ChangeMessageVisibility", ["QueueUrl": .string(url), "ReceiptHandle": handle, "VisibilityTimeout": 10])
        #expect(stale?.code == "MessageNotInflight")
        #expect(stale?.queryCode == "AWS.SimpleQueueService.MessageNotInflight")

        let third = try #require(try await h.receive(url).first)
        try h.clock.advance(by: 100)
        let total = await h.error("ChangeMessageVisibility", ["QueueUrl": .string(url), "ReceiptHandle": third["ReceiptHandle"]!,
                                                              "VisibilityTimeout": 43_200])
        #expect(total?.message == "Value 43200 for parameter VisibilityTimeout is invalid. Reason: Total VisibilityTimeout for the message is beyond the limit [43200 seconds].")

        let garbage = await h.error("ChangeMessageVisibility", ["QueueUrl": .string(url), "ReceiptHandle": "not-a-handle", "VisibilityTimeout": 10])
        #expect(garbage?.code == "ReceiptHandleIsInvalid")
        #expect(garbage?.message == "The input receipt handle \"not-a-handle\" is not a valid receipt handle.")
    }

    @Test("Delay queues and per-message delays hold messages back")
    func delays() async throws {
        let h = try await SQSHarness.make()
        let delayed = try await h.createQueue("delayed", ["DelaySeconds": "60"])
        try await h.send(delayed, "later")
        #expect(try await h.counts(delayed) == (0, 0, 1))
        #expect(try await h.receive(delayed).isEmpty)
        try h.clock.advance(by: 60)
        #expect(try await h.receive(delayed).first?["Body"] == "later")

        let plain = try await h.createQueue("plain")
        try await h.send(plain, "in ten", ["DelaySeconds": 10])
        try await h.send(plain, "now")
        #expect(try await h.receive(plain).compactMap { $0["Body"]?.stringValue } == ["now"])
        try h.clock.advance(by: 10)
        #expect(try await h.receive(plain).compactMap { $0["Body"]?.stringValue } == ["in ten"])
        // A per-message delay overrides the queue's, including 0.
        try await h.send(delayed, "at once", ["DelaySeconds": 0])
        #expect(try await h.receive(delayed).first?["Body"] == "at once")
    }

    @Test("Short polls return up to MaxNumberOfMessages of what is visible, oldest first")
    func shortPoll() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("orders")
        for i in 0..<15 { try await h.send(url, "m\(i)") }
        let first = try await h.receive(url, max: 10)
        #expect(first.compactMap { $0["Body"]?.stringValue } == (0..<10).map { "m\($0)" })
        let rest = try await h.receive(url, max: 10)
        #expect(rest.count == 5)
        #expect(try await h.counts(url) == (0, 15, 0))
        let one = try await h.call("ReceiveMessage", ["QueueUrl": .string(url)])
        #expect(one == [:])
    }

    @Test("A long poll answers as soon as a message is sent during the wait")
    func longPollReturnsEarly() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("orders")
        let started = Date()
        let poll = Task { try await h.receive(url, wait: 20) }
        try await Task.sleep(for: .milliseconds(200))
        try await h.send(url, "arrived")
        let messages = try await poll.value
        #expect(messages.first?["Body"] == "arrived")
        #expect(Date().timeIntervalSince(started) < Self.wellBeforeTheWait)
    }

    @Test("A long poll ends empty when the clock passes its wait time, and honours the queue's wait")
    func longPollTimesOutOnClock() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("orders", ["ReceiveMessageWaitTimeSeconds": "20"])
        let started = Date()
        let poll = Task { try await h.call("ReceiveMessage", ["QueueUrl": .string(url)]) }
        try await Task.sleep(for: .milliseconds(200))
        #expect(await h.sqs.diagnostics(queueName: "orders")?.waiters == 1)
        try h.clock.advance(by: 21)
        let output = try await poll.value
        #expect(output == [:])
        #expect(Date().timeIntervalSince(started) < Self.wellBeforeTheWait)
    }

    @Test("A long poll wakes when an in-flight message becomes visible again")
    func longPollSeesVisibilityExpiry() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("orders")
        try await h.send(url, "retry me")
        _ = try await h.receive(url, visibility: 1)
        let started = Date()
        let messages = try await h.receive(url, wait: 20)
        #expect(messages.first?.attribute("ApproximateReceiveCount") == "2")
        #expect(Date().timeIntervalSince(started) < Self.wellBeforeTheWait)
    }

    @Test("Messages past the retention period disappear")
    func retention() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("short", ["MessageRetentionPeriod": "60"])
        try await h.send(url, "old")
        try h.clock.advance(by: 30)
        try await h.send(url, "young")
        try h.clock.advance(by: 30)
        #expect(try await h.receive(url, visibility: 0).compactMap { $0["Body"]?.stringValue } == ["young"])
        try h.clock.advance(by: 30)
        #expect(try await h.counts(url) == (0, 0, 0))
        #expect(await h.sqs.diagnostics(queueName: "short")?.messages == 0)
    }

    @Test("MD5 digests match what AWS returns for the same message")
    func digests() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("digests")
        // Values recorded from the real service.
        let sent = try await h.send(url, "msg", ["MessageAttributes": [
            "General": ["DataType": "String", "StringValue": "Kenobi"],
            "Hello": ["DataType": "String", "StringValue": "There"],
            "Help.Me": ["DataType": "String", "StringValue": "Me"],
        ]])
        #expect(sent["MD5OfMessageBody"] == "6e2baaf3b97dbeef01c0043275f9a0e7")
        #expect(sent["MD5OfMessageAttributes"] == "4c360f3fdafd970e05fae2f149d997f5")
        // Receiving a subset digests the subset.
        let filtered = try await h.call("ReceiveMessage", ["QueueUrl": .string(url), "VisibilityTimeout": 0,
                                                            "MessageAttributeNames": ["Hello"]])
        let message = try #require(filtered["Messages"]?.arrayValue?.first)
        #expect(message["MD5OfMessageAttributes"] == "a311262e065454b75da111d535b8dacd")
        #expect(message["MessageAttributes"] == ["Hello": ["DataType": "String", "StringValue": "There"]])
        let prefix = try await h.call("ReceiveMessage", ["QueueUrl": .string(url), "VisibilityTimeout": 0,
                                                          "MessageAttributeNames": ["He.*"]])
        #expect(prefix["Messages"]?.arrayValue?.first?["MD5OfMessageAttributes"] == "83fee93c1bcd8b9a5a923ffacdc636c7")

        // Number with a custom type, Binary and non-ASCII text; expected values computed
        // independently (Python, the documented encoding).
        let mixed = try await h.send(url, "こんにちは, SQS", [
            "MessageAttributes": [
                "count": ["DataType": "Number.int", "StringValue": "42"],
                "blob": ["DataType": "Binary", "BinaryValue": "AAH+/w=="],
                "city": ["DataType": "String", "StringValue": "東京"],
            ],
            "MessageSystemAttributes": [
                "AWSTraceHeader": ["DataType": "String", "StringValue": "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1"],
            ],
        ])
        #expect(mixed["MD5OfMessageBody"] == "3ffb01a126357da932def2600d01b663")
        #expect(mixed["MD5OfMessageAttributes"] == "f56e68ad89781320b22e03de7d0a366e")
        #expect(mixed["MD5OfMessageSystemAttributes"] == "5f48eef650c1d0207456969c85af2fdd")
        try await h.call("PurgeQueue", ["QueueUrl": .string(url)])
    }

    @Test("Message attributes are validated as SQS does")
    func attributeValidation() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("orders")
        func attempt(_ attributes: JSONValue) async -> AWSError? {
            await h.error("SendMessage", ["QueueUrl": .string(url), "MessageBody": "x", "MessageAttributes": attributes])
        }
        #expect(await attempt(["a": ["DataType": "String", "StringValue": ""]])?.message
                == "Message (user) attribute 'a' must contain a non-empty value of type 'String'.")
        #expect(await attempt(["a": ["DataType": "Text", "StringValue": "x"]])?.message
                == "The type of message (user) attribute 'a' is invalid. You must use only the following supported type prefixes: Binary, Number, String.")
        #expect(await attempt(["a": ["DataType": "Number", "StringValue": "forty"]])?.message
                == "Can't cast the value of message (user) attribute 'a' to a number.")
        #expect(await attempt(["AWS.x": ["DataType": "String", "StringValue": "x"]])?.code == "InvalidParameterValue")
        var eleven: [String: JSONValue] = [:]
        for i in 0..<11 { eleven["a\(i)"] = ["DataType": "String", "StringValue": "x"] }
        #expect(await attempt(.object(eleven))?.message == "Number of message attributes [11] exceeds the allowed maximum [10].")
        try await h.send(url, "ok", ["MessageAttributes": ["n": ["DataType": "Number", "StringValue": "-1.5e3"]]])
    }

    @Test("Bodies are limited in size and characters")
    func bodyLimits() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("small", ["MaximumMessageSize": "1024"])
        let tooBig = await h.error("SendMessage", ["QueueUrl": .string(url), "MessageBody": .string(String(repeating: "x", count: 1025))])
        #expect(tooBig?.code == "InvalidParameterValue")
        #expect(tooBig?.message == "One or more parameters are invalid. Reason: Message must be shorter than 1024 bytes.")
        // Attributes count towards the size.
        let withAttributes = await h.error("SendMessage", ["QueueUrl": .string(url), "MessageBody": .string(String(repeating: "x", count: 1000)),
                                                           "MessageAttributes": ["k": ["DataType": "String", "StringValue": .string(String(repeating: "v", count: 30))]]])
        #expect(withAttributes?.code == "InvalidParameterValue")
        try await h.send(url, String(repeating: "x", count: 1024))

        let invalid = await h.error("SendMessage", ["QueueUrl": .string(url), "MessageBody": "bell \u{07}"])
        #expect(invalid?.code == "InvalidMessageContents")
        #expect(invalid?.message == "Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF")
        try await h.send(url, "tab\tnewline\n emoji 🎉 \u{E000}")
        let missing = await h.error("SendMessage", ["QueueUrl": .string(url), "MessageBody": ""])
        #expect(missing?.code == "MissingParameter")
        #expect(missing?.message == "The request must contain the parameter MessageBody.")
    }
}
