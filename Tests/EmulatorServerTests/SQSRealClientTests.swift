import Foundation
import Testing

/// SQS through the real boto3, the real aws CLI, and the query protocol of older SDKs.
@Suite(.serialized) struct SQSRealClientTests {
    static let scenarios = ["basics", "visibility", "dlq_redrive", "fifo", "delay", "long_polling", "batches",
                            "peek_does_not_receive"]

    @Test(arguments: scenarios)
    func boto3Scenario(_ name: String) async throws {
        let server = try await TestServer.start()
        let result = try await Client.run("python3", [try Client.script("sqs_scenarios"), server.endpoint, name])
        await server.stop()
        #expect(result.status == 0, "\(result.transcript)")
        #expect(result.stdout.contains("ok \(name)"), "\(result.transcript)")
    }

    @Test func queryProtocolOfOlderSDKs() async throws {
        let server = try await TestServer.start()
        let result = try await Client.run("python3", [try Client.script("sqs_query_protocol"), server.endpoint])
        await server.stop()
        #expect(result.status == 0 && result.stdout.contains("ok query protocol"), "\(result.transcript)")
    }

    @Test func awsCLICreatesSendsReceivesAndDeletes() async throws {
        let server = try await TestServer.start()
        func aws(_ args: String...) async throws -> Client.Result {
            try await Client.run("aws", ["--endpoint-url", server.endpoint, "--output", "json"] + args)
        }
        let created = try await aws("sqs", "create-queue", "--queue-name", "cli-orders")
        #expect(created.status == 0, "\(created.transcript)")
        let url = try #require(try JSONSerialization.jsonObject(with: Data(created.stdout.utf8)) as? [String: Any])["QueueUrl"] as? String
        #expect(url?.hasSuffix("/123456789012/cli-orders") == true)
        let sent = try await aws("sqs", "send-message", "--queue-url", url ?? "", "--message-body", "hi from the CLI")
        #expect(sent.status == 0, "\(sent.transcript)")
        let received = try await aws("sqs", "receive-message", "--queue-url", url ?? "",
                                     "--query", "Messages[0].[Body, ReceiptHandle]")
        let pair = try JSONSerialization.jsonObject(with: Data(received.stdout.utf8)) as? [String]
        #expect(pair?.first == "hi from the CLI", "\(received.transcript)")
        let deleted = try await aws("sqs", "delete-message", "--queue-url", url ?? "", "--receipt-handle", pair?.last ?? "")
        #expect(deleted.status == 0, "\(deleted.transcript)")
        let count = try await aws("sqs", "get-queue-attributes", "--queue-url", url ?? "", "--attribute-names", "All",
                                  "--query", "Attributes.ApproximateNumberOfMessages", "--output", "text")
        #expect(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "\(count.transcript)")
        let missing = try await aws("sqs", "get-queue-url", "--queue-name", "nope")
        #expect(missing.status == 254 || missing.status == 255, "\(missing.transcript)")
        #expect(missing.stderr.contains("An error occurred (AWS.SimpleQueueService.NonExistentQueue) when calling the GetQueueUrl operation: The specified queue does not exist."), "\(missing.transcript)")
        await server.stop()
    }
}
