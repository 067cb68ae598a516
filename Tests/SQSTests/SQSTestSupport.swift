import Foundation
import JSON
import Testing
import EmulatorKit
@testable import SQS

/// An SQS service on an in-memory (or file) database with its own virtual clock, and
/// shorthands for calling it the way the wire layer will.
struct SQSHarness {
    let database: AppDatabase
    let clock: VirtualClock
    let sqs: SQSService
    var context = RequestContext(account: "123456789012", region: "us-east-1", requestId: "test",
                                 endpoint: "http://localhost:4566")

    static func make(path: String? = nil, clock: VirtualClock = VirtualClock()) async throws -> SQSHarness {
        let database = try AppDatabase.open(path: path, migrations: SQSService.descriptor.migrations)
        return SQSHarness(database: database, clock: clock, sqs: try await SQSService(database: database, clock: clock))
    }

    @discardableResult
    func call(_ operation: String, _ input: JSONValue) async throws(AWSError) -> JSONValue {
        try await sqs.handle(operation: operation, input: input, context: context)
    }

    /// The error the call fails with (the test fails if it succeeds).
    func error(_ operation: String, _ input: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) async -> AWSError? {
        do {
            let output = try await call(operation, input)
            Issue.record("\(operation) succeeded unexpectedly: \(output)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    func createQueue(_ name: String, _ attributes: [String: String] = [:]) async throws -> String {
        let output = try await call("CreateQueue", ["QueueName": .string(name),
                                                     "Attributes": .object(attributes.mapValues { .string($0) })])
        return try #require(output["QueueUrl"]?.stringValue)
    }

    func arn(_ url: String) async throws -> String {
        let output = try await call("GetQueueAttributes", ["QueueUrl": .string(url), "AttributeNames": ["QueueArn"]])
        return try #require(output["Attributes"]?["QueueArn"]?.stringValue)
    }

    @discardableResult
    func send(_ url: String, _ body: String, _ extra: [String: JSONValue] = [:]) async throws -> JSONValue {
        var input: [String: JSONValue] = ["QueueUrl": .string(url), "MessageBody": .string(body)]
        input.merge(extra) { _, new in new }
        return try await call("SendMessage", .object(input))
    }

    func receive(_ url: String, max: Int = 10, wait: Int = 0, visibility: Int? = nil,
                 _ extra: [String: JSONValue] = [:]) async throws -> [JSONValue] {
        var input: [String: JSONValue] = ["QueueUrl": .string(url), "MaxNumberOfMessages": .number(Double(max)),
                                          "WaitTimeSeconds": .number(Double(wait)), "AttributeNames": ["All"],
                                          "MessageAttributeNames": ["All"]]
        if let visibility { input["VisibilityTimeout"] = .number(Double(visibility)) }
        input.merge(extra) { _, new in new }
        let output = try await call("ReceiveMessage", .object(input))
        return output["Messages"]?.arrayValue ?? []
    }

    func delete(_ url: String, _ message: JSONValue) async throws {
        try await call("DeleteMessage", ["QueueUrl": .string(url), "ReceiptHandle": message["ReceiptHandle"] ?? .null])
    }

    func attributes(_ url: String) async throws -> [String: String] {
        let output = try await call("GetQueueAttributes", ["QueueUrl": .string(url), "AttributeNames": ["All"]])
        guard case .object(let members)? = output["Attributes"] else { return [:] }
        return members.compactMapValues(\.stringValue)
    }

    /// (visible, in flight, delayed) as GetQueueAttributes reports them.
    func counts(_ url: String) async throws -> (Int, Int, Int) {
        let values = try await attributes(url)
        return (Int(values["ApproximateNumberOfMessages"] ?? "") ?? -1,
                Int(values["ApproximateNumberOfMessagesNotVisible"] ?? "") ?? -1,
                Int(values["ApproximateNumberOfMessagesDelayed"] ?? "") ?? -1)
    }
}

extension JSONValue {
    /// `Attributes.ApproximateReceiveCount` and the like, as Int.
    func attribute(_ name: String) -> String? { self["Attributes"]?[name]?.stringValue }
}

func temporaryDatabasePath() -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("handson-tests-\(UUID().uuidString)")
    return directory.appendingPathComponent("state.sqlite").path
}
