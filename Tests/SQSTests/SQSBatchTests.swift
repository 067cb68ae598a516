import Foundation
import JSON
import Testing
import EmulatorKit
@testable import SQS

@Suite("SQS batch operations")
struct SQSBatchTests {
    @Test("SendMessageBatch sends good entries and reports bad ones in Failed")
    func sendBatch() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("orders")
        let output = try await h.call("SendMessageBatch", ["QueueUrl": .string(url), "Entries": [
            ["Id": "ok-1", "MessageBody": "msg"],
            ["Id": "bad", "MessageBody": "\u{0}"],
            ["Id": "ok_2", "MessageBody": "a", "DelaySeconds": 30,
             "MessageAttributes": ["Foo": ["DataType": "String", "StringValue": "Bar"]]],
        ]])
        let successful = try #require(output["Successful"]?.arrayValue)
        #expect(successful.compactMap { $0["Id"]?.stringValue } == ["ok-1", "ok_2"])
        #expect(successful[0]["MD5OfMessageBody"] == "6e2baaf3b97dbeef01c0043275f9a0e7")
        #expect(successful[1]["MD5OfMessageAttributes"] == "ae7155c6026991b6d54b11589678bf9c")
        #expect(successful[1]["MessageId"]?.stringValue != nil)
        #expect(output["Failed"] == [["Id": "bad", "SenderFault": true, "Code": "InvalidMessageContents",
                                      "Message": .string(SQSErrors.invalidCharactersMessage)]])
        #expect(try await h.counts(url) == (1, 0, 1))
    }

    @Test("DeleteMessageBatch and ChangeMessageVisibilityBatch fail entries one by one")
    func deleteAndChangeBatches() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("orders")
        for i in 0..<3 { try await h.send(url, "m\(i)") }
        let messages = try await h.receive(url)
        #expect(messages.count == 3)

        let changed = try await h.call("ChangeMessageVisibilityBatch", ["QueueUrl": .string(url), "Entries": [
            ["Id": "a", "ReceiptHandle": messages[0]["ReceiptHandle"]!, "VisibilityTimeout": 0],
            ["Id": "b", "ReceiptHandle": "bogus", "VisibilityTimeout": 0],
        ]])
        #expect(changed["Successful"] == [["Id": "a"]])
        #expect(changed["Failed"]?.arrayValue?.first?["Code"] == "ReceiptHandleIsInvalid")
        #expect(try await h.counts(url) == (1, 2, 0))

        let deleted = try await h.call("DeleteMessageBatch", ["QueueUrl": .string(url), "Entries": [
            ["Id": "x", "ReceiptHandle": messages[1]["ReceiptHandle"]!],
            ["Id": "y", "ReceiptHandle": messages[2]["ReceiptHandle"]!],
            ["Id": "z", "ReceiptHandle": "bogus"],
        ]])
        #expect(deleted["Successful"] == [["Id": "x"], ["Id": "y"]])
        #expect(deleted["Failed"] == [["Id": "z", "SenderFault": true, "Code": "ReceiptHandleIsInvalid",
                                       "Message": "The input receipt handle \"bogus\" is not a valid receipt handle."]])
        #expect(try await h.counts(url) == (1, 0, 0))
    }

    @Test("Whole-batch errors: empty, too many, repeated or malformed IDs, too long")
    func batchErrors() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("orders")
        func send(_ entries: [JSONValue]) async -> AWSError? {
            await h.error("SendMessageBatch", ["QueueUrl": .string(url), "Entries": .array(entries)])
        }
        let empty = await send([])
        #expect(empty?.code == "EmptyBatchRequest")
        #expect(empty?.queryCode == "AWS.SimpleQueueService.EmptyBatchRequest")
        #expect(empty?.message == "There should be at least one SendMessageBatchRequestEntry in the request.")
        let eleven = await send((0..<11).map { ["Id": .string("e\($0)"), "MessageBody": "x"] })
        #expect(eleven?.code == "TooManyEntriesInBatchRequest")
        #expect(eleven?.message == "Maximum number of entries per request are 10. You have sent 11.")
        let repeated = await send([["Id": "a", "MessageBody": "x"], ["Id": "a", "MessageBody": "y"]])
        #expect(repeated?.code == "BatchEntryIdsNotDistinct")
        #expect(repeated?.queryCode == "AWS.SimpleQueueService.BatchEntryIdsNotDistinct")
        #expect(repeated?.message == "Id a repeated.")
        let malformed = await send([["Id": "not:valid", "MessageBody": "x"]])
        #expect(malformed?.code == "InvalidBatchEntryId")
        #expect(malformed?.message == "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.")
        let half = String(repeating: "x", count: 600_000)
        let tooLong = await send([["Id": "a", "MessageBody": .string(half)], ["Id": "b", "MessageBody": .string(half)]])
        #expect(tooLong?.code == "BatchRequestTooLong")
        #expect(tooLong?.message == "Batch requests cannot be longer than 1048576 bytes. You have sent 1200000 bytes.")
        #expect(try await h.counts(url) == (0, 0, 0))

        let fifo = try await h.createQueue("jobs.fifo", ["FifoQueue": "true", "ContentBasedDeduplication": "true"])
        let noGroup = await h.error("SendMessageBatch", ["QueueUrl": .string(fifo), "Entries": [["Id": "a", "MessageBody": "x"]]])
        #expect(noGroup?.code == "InvalidParameterValue")
        #expect(noGroup?.message == "The request must contain the parameter MessageGroupId.")
    }
}
