import Foundation
import JSON
import Testing
import EmulatorKit
@testable import SQS

@Suite("SQS errors for bad input")
struct SQSErrorTests {
    @Test("Every operation on a missing queue answers QueueDoesNotExist with the legacy code")
    func missingQueue() async throws {
        let h = try await SQSHarness.make()
        let url = JSONValue.string("http://localhost:4566/123456789012/missing")
        let calls: [(String, JSONValue)] = [
            ("SendMessage", ["QueueUrl": url, "MessageBody": "x"]),
            ("ReceiveMessage", ["QueueUrl": url]),
            ("DeleteMessage", ["QueueUrl": url, "ReceiptHandle": "x"]),
            ("GetQueueAttributes", ["QueueUrl": url, "AttributeNames": ["All"]]),
            ("SetQueueAttributes", ["QueueUrl": url, "Attributes": ["DelaySeconds": "1"]]),
            ("PurgeQueue", ["QueueUrl": url]),
            ("DeleteQueue", ["QueueUrl": url]),
            ("ListQueueTags", ["QueueUrl": url]),
        ]
        for (operation, input) in calls {
            let error = await h.error(operation, input)
            #expect(error?.code == "QueueDoesNotExist", "\(operation)")
            #expect(error?.queryCode == "AWS.SimpleQueueService.NonExistentQueue")
            #expect(error?.message == "The specified queue does not exist.")
            #expect(error?.httpStatus == 400)
        }
    }

    @Test("ReceiveMessage parameter ranges")
    func receiveParameters() async throws {
        let h = try await SQSHarness.make()
        let url = JSONValue.string(try await h.createQueue("orders"))
        let tooMany = await h.error("ReceiveMessage", ["QueueUrl": url, "MaxNumberOfMessages": 11])
        #expect(tooMany?.code == "InvalidParameterValue")
        #expect(tooMany?.queryCode == "InvalidParameterValue")
        #expect(tooMany?.message == "Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.")
        let wait = await h.error("ReceiveMessage", ["QueueUrl": url, "WaitTimeSeconds": 21])
        #expect(wait?.message == "Value 21 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.")
        let delay = await h.error("SendMessage", ["QueueUrl": url, "MessageBody": "x", "DelaySeconds": 901])
        #expect(delay?.code == "InvalidParameterValue")
    }

    @Test("Missing required parameters and unknown operations")
    func missingParameters() async throws {
        let h = try await SQSHarness.make()
        let error = await h.error("CreateQueue", [:])
        #expect(error?.code == "MissingParameter")
        #expect(error?.queryCode == "MissingParameter")
        #expect(error?.message == "The request must contain the parameter QueueName.")
        let unknown = await h.error("FlyToTheMoon", [:])
        #expect(unknown?.code == "InvalidAction")
    }

    @Test("Receipt handles of another queue or made up are not valid receipt handles")
    func receiptHandles() async throws {
        let h = try await SQSHarness.make()
        let a = try await h.createQueue("a")
        let b = try await h.createQueue("b")
        try await h.send(a, "x")
        let message = try #require(try await h.receive(a).first)
        let wrongQueue = await h.error("DeleteMessage", ["QueueUrl": .string(b), "ReceiptHandle": message["ReceiptHandle"]!])
        #expect(wrongQueue?.code == "ReceiptHandleIsInvalid")
        #expect(wrongQueue?.queryCode == "ReceiptHandleIsInvalid")
        let tampered = String(message["ReceiptHandle"]!.stringValue!.dropLast(4)) + "AAAA"
        #expect(await h.error("DeleteMessage", ["QueueUrl": .string(a), "ReceiptHandle": .string(tampered)])?.code == "ReceiptHandleIsInvalid")
    }
}
