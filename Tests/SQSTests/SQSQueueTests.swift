import Foundation
import JSON
import Testing
import EmulatorKit
@testable import SQS

@Suite("SQS queues")
struct SQSQueueTests {
    @Test("CreateQueue answers the URL and ARN built from endpoint, account, region and name")
    func createQueue() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("orders")
        #expect(url == "http://localhost:4566/123456789012/orders")
        #expect(try await h.arn(url) == "arn:aws:sqs:us-east-1:123456789012:orders")
        let attributes = try await h.attributes(url)
        #expect(attributes["VisibilityTimeout"] == "30")
        #expect(attributes["DelaySeconds"] == "0")
        #expect(attributes["MaximumMessageSize"] == "1048576")
        #expect(attributes["MessageRetentionPeriod"] == "345600")
        #expect(attributes["ReceiveMessageWaitTimeSeconds"] == "0")
        #expect(attributes["SqsManagedSseEnabled"] == "true")
        #expect(attributes["FifoQueue"] == nil)
        #expect(attributes["ApproximateNumberOfMessages"] == "0")
        #expect(attributes["CreatedTimestamp"] != nil)
    }

    @Test("CreateQueue is idempotent with identical attributes and fails with QueueNameExists otherwise")
    func idempotentCreate() async throws {
        let h = try await SQSHarness.make()
        let first = try await h.createQueue("orders", ["VisibilityTimeout": "60"])
        let again = try await h.createQueue("orders", ["VisibilityTimeout": "60"])
        #expect(first == again)
        #expect(try await h.createQueue("orders") == first)

        let error = try #require(await h.error("CreateQueue", ["QueueName": "orders", "Attributes": ["VisibilityTimeout": "45"]]))
        #expect(error.code == "QueueNameExists")
        #expect(error.queryCode == "QueueAlreadyExists")
        #expect(error.message == "A queue already exists with the same name and a different value for attribute VisibilityTimeout")
    }

    @Test("Queue names: 1–80 of [A-Za-z0-9_-]; FIFO names end in .fifo and need FifoQueue=true")
    func queueNames() async throws {
        let h = try await SQSHarness.make()
        let plain = "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length"
        let fifo = "The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length."
        for bad in ["has space", "", String(repeating: "a", count: 81), "dots.here", "jobs.fifo"] {
            let error = await h.error("CreateQueue", ["QueueName": .string(bad)])
            #expect(error?.code == "InvalidParameterValue")
            #expect(error?.message == plain)
        }
        let missingSuffix = await h.error("CreateQueue", ["QueueName": "jobs", "Attributes": ["FifoQueue": "true"]])
        #expect(missingSuffix?.message == fifo)
        _ = try await h.createQueue(String(repeating: "a", count: 80))
        let url = try await h.createQueue("jobs.fifo", ["FifoQueue": "true"])
        let attributes = try await h.attributes(url)
        #expect(attributes["FifoQueue"] == "true")
        #expect(attributes["ContentBasedDeduplication"] == "false")
        #expect(attributes["DeduplicationScope"] == "queue")
        #expect(attributes["FifoThroughputLimit"] == "perQueue")
    }

    @Test("Attributes are validated, normalised and changed by SetQueueAttributes")
    func attributes() async throws {
        let h = try await SQSHarness.make()
        let dlq = try await h.createQueue("dlq")
        let url = try await h.createQueue("work")
        let dlqArn = try await h.arn(dlq)
        try await h.call("SetQueueAttributes", ["QueueUrl": .string(url), "Attributes": [
            "VisibilityTimeout": "120", "DelaySeconds": "5", "MessageRetentionPeriod": "60",
            "MaximumMessageSize": "1024", "ReceiveMessageWaitTimeSeconds": "20",
            "RedrivePolicy": .string("{\"maxReceiveCount\":\"3\", \"deadLetterTargetArn\":\"\(dlqArn)\"}"),
            "KmsMasterKeyId": "alias/aws/sqs",
        ]])
        let attributes = try await h.attributes(url)
        #expect(attributes["VisibilityTimeout"] == "120")
        #expect(attributes["DelaySeconds"] == "5")
        #expect(attributes["MessageRetentionPeriod"] == "60")
        #expect(attributes["MaximumMessageSize"] == "1024")
        #expect(attributes["ReceiveMessageWaitTimeSeconds"] == "20")
        #expect(attributes["RedrivePolicy"] == "{\"deadLetterTargetArn\":\"\(dlqArn)\",\"maxReceiveCount\":3}")
        #expect(attributes["KmsMasterKeyId"] == "alias/aws/sqs")
        #expect(attributes["KmsDataKeyReusePeriodSeconds"] == "300")
        #expect(attributes["SqsManagedSseEnabled"] == "false")

        let subset = try await h.call("GetQueueAttributes", ["QueueUrl": .string(url), "AttributeNames": ["DelaySeconds", "QueueArn"]])
        #expect(subset["Attributes"] == ["DelaySeconds": "5", "QueueArn": "arn:aws:sqs:us-east-1:123456789012:work"])
        let none = try await h.call("GetQueueAttributes", ["QueueUrl": .string(url)])
        #expect(none == [:])

        // Removing the redrive policy with an empty string.
        try await h.call("SetQueueAttributes", ["QueueUrl": .string(url), "Attributes": ["RedrivePolicy": ""]])
        #expect(try await h.attributes(url)["RedrivePolicy"] == nil)

        let range = await h.error("SetQueueAttributes", ["QueueUrl": .string(url), "Attributes": ["VisibilityTimeout": "43201"]])
        #expect(range?.code == "InvalidAttributeValue")
        #expect(range?.message == "Invalid value for the parameter VisibilityTimeout.")
        let unknown = await h.error("GetQueueAttributes", ["QueueUrl": .string(url), "AttributeNames": ["Colour"]])
        #expect(unknown?.code == "InvalidAttributeName")
        #expect(unknown?.message == "Unknown Attribute Colour.")
        let fifoOnly = await h.error("SetQueueAttributes", ["QueueUrl": .string(url), "Attributes": ["FifoQueue": "true"]])
        #expect(fifoOnly?.message == "Unknown Attribute FifoQueue.")
        let sse = await h.error("SetQueueAttributes", ["QueueUrl": .string(url),
                                                       "Attributes": ["KmsMasterKeyId": "k", "SqsManagedSseEnabled": "true"]])
        #expect(sse?.code == "InvalidAttributeName")
        let noTarget = await h.error("SetQueueAttributes", ["QueueUrl": .string(url), "Attributes": [
            "RedrivePolicy": "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:nope\",\"maxReceiveCount\":3}"]])
        #expect(noTarget?.code == "InvalidParameterValue")
        #expect(noTarget?.message.hasSuffix("Reason: Dead letter target does not exist.") == true)
        let badCount = await h.error("SetQueueAttributes", ["QueueUrl": .string(url), "Attributes": [
            "RedrivePolicy": .string("{\"deadLetterTargetArn\":\"\(dlqArn)\"}")]])
        #expect(badCount?.message.hasSuffix("Reason: Redrive policy does not contain mandatory attribute: maxReceiveCount.") == true)
    }

    @Test("ListQueues filters by prefix and pages with MaxResults and NextToken")
    func listQueues() async throws {
        let h = try await SQSHarness.make()
        for name in ["a1", "a2", "a3", "b1"] { _ = try await h.createQueue(name) }
        let all = try await h.call("ListQueues", [:])
        #expect(all["QueueUrls"]?.arrayValue?.count == 4)
        #expect(all["NextToken"] == nil)
        let prefixed = try await h.call("ListQueues", ["QueueNamePrefix": "a"])
        #expect(prefixed["QueueUrls"]?.arrayValue?.compactMap(\.stringValue).map { $0.split(separator: "/").last! } == ["a1", "a2", "a3"])
        let page1 = try await h.call("ListQueues", ["QueueNamePrefix": "a", "MaxResults": 2])
        #expect(page1["QueueUrls"]?.arrayValue?.count == 2)
        let token = try #require(page1["NextToken"])
        let page2 = try await h.call("ListQueues", ["QueueNamePrefix": "a", "MaxResults": 2, "NextToken": token])
        #expect(page2["QueueUrls"]?.arrayValue?.compactMap(\.stringValue) == ["http://localhost:4566/123456789012/a3"])
        #expect(page2["NextToken"] == nil)
        let empty = try await h.call("ListQueues", ["QueueNamePrefix": "zzz"])
        #expect(empty == [:])
    }

    @Test("GetQueueUrl finds a queue by name; URLs with any host address the same queue")
    func queueURLs() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("orders")
        #expect(try await h.call("GetQueueUrl", ["QueueName": "orders"])["QueueUrl"]?.stringValue == url)
        try await h.send("https://sqs.us-east-1.amazonaws.com/123456789012/orders", "hello")
        try await h.send("http://127.0.0.1:4566/123456789012/orders", "again")
        #expect(try await h.counts(url).0 == 2)
        let error = await h.error("GetQueueUrl", ["QueueName": "missing"])
        #expect(error?.code == "QueueDoesNotExist")
        #expect(error?.queryCode == "AWS.SimpleQueueService.NonExistentQueue")
        #expect(error?.message == "The specified queue does not exist.")
    }

    @Test("DeleteQueue removes the queue; its name is refused for 60 seconds")
    func deleteQueue() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("orders")
        try await h.send(url, "x")
        try await h.call("DeleteQueue", ["QueueUrl": .string(url)])
        #expect(await h.error("SendMessage", ["QueueUrl": .string(url), "MessageBody": "x"])?.code == "QueueDoesNotExist")
        let recent = await h.error("CreateQueue", ["QueueName": "orders"])
        #expect(recent?.code == "QueueDeletedRecently")
        #expect(recent?.queryCode == "AWS.SimpleQueueService.QueueDeletedRecently")
        try h.clock.advance(by: 61)
        let again = try await h.createQueue("orders")
        #expect(try await h.counts(again) == (0, 0, 0))
    }

    @Test("Tags via CreateQueue, TagQueue, UntagQueue and ListQueueTags")
    func tags() async throws {
        let h = try await SQSHarness.make()
        let output = try await h.call("CreateQueue", ["QueueName": "tagged", "tags": ["team": "payments"]])
        let url = try #require(output["QueueUrl"]?.stringValue)
        try await h.call("TagQueue", ["QueueUrl": .string(url), "Tags": ["env": "lab", "team": "billing"]])
        #expect(try await h.call("ListQueueTags", ["QueueUrl": .string(url)]) == ["Tags": ["env": "lab", "team": "billing"]])
        try await h.call("UntagQueue", ["QueueUrl": .string(url), "TagKeys": ["env", "team"]])
        #expect(try await h.call("ListQueueTags", ["QueueUrl": .string(url)]) == [:])
    }

    @Test("AddPermission and RemovePermission maintain the Policy document")
    func permissions() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("shared")
        try await h.call("AddPermission", ["QueueUrl": .string(url), "Label": "crossaccount",
                                           "AWSAccountIds": ["111122223333"], "Actions": ["SendMessage"]])
        let arn = "arn:aws:sqs:us-east-1:123456789012:shared"
        let expected = "{\"Version\":\"2008-10-17\",\"Id\":\"\(arn)/SQSDefaultPolicy\",\"Statement\":[{\"Sid\":\"crossaccount\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"SQS:SendMessage\",\"Resource\":\"\(arn)\"}]}"
        #expect(try await h.attributes(url)["Policy"] == expected)
        let duplicate = await h.error("AddPermission", ["QueueUrl": .string(url), "Label": "crossaccount",
                                                        "AWSAccountIds": ["111122223333"], "Actions": ["SendMessage"]])
        #expect(duplicate?.message == "Value crossaccount for parameter Label is invalid. Reason: Already exists.")
        try await h.call("RemovePermission", ["QueueUrl": .string(url), "Label": "crossaccount"])
        #expect(try await h.attributes(url)["Policy"] == nil)
        let missing = await h.error("RemovePermission", ["QueueUrl": .string(url), "Label": "crossaccount"])
        #expect(missing?.message == "Value crossaccount for parameter Label is invalid. Reason: can't find label.")
    }

    @Test("PurgeQueue deletes every message and is allowed once per 60 seconds")
    func purge() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("orders")
        for i in 0..<5 { try await h.send(url, "m\(i)") }
        _ = try await h.receive(url, max: 2)
        try await h.call("PurgeQueue", ["QueueUrl": .string(url)])
        #expect(try await h.counts(url) == (0, 0, 0))
        let again = await h.error("PurgeQueue", ["QueueUrl": .string(url)])
        #expect(again?.code == "PurgeQueueInProgress")
        #expect(again?.queryCode == "AWS.SimpleQueueService.PurgeQueueInProgress")
        #expect(again?.httpStatus == 403)
        #expect(again?.message == "Only one PurgeQueue operation on orders is allowed every 60 seconds.")
        try h.clock.advance(by: 60)
        try await h.call("PurgeQueue", ["QueueUrl": .string(url)])
    }
}
