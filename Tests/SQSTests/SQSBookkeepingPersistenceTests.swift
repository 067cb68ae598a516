import Foundation
import JSON
import Testing
import EmulatorKit
@testable import SQS

/// What SQS remembers besides queues and messages, and a client can observe: names deleted
/// in the last 60 seconds and FIFO receive attempts. Both survive a restart and follow
/// snapshots.
@Suite("SQS bookkeeping persistence")
struct SQSBookkeepingPersistenceTests {
    @Test("A name deleted less than 60 seconds ago is still refused after a restart")
    func recentlyDeletedSurvivesRestart() async throws {
        let path = temporaryDatabasePath()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let clock = VirtualClock()
        let first = try await SQSHarness.make(path: path, clock: clock)
        let url = try await first.createQueue("orders")
        try await first.call("DeleteQueue", ["QueueUrl": .string(url)])
        try await first.database.close()

        let second = try await SQSHarness.make(path: path, clock: clock)
        let refused = await second.error("CreateQueue", ["QueueName": "orders"])
        #expect(refused?.queryCode == "AWS.SimpleQueueService.QueueDeletedRecently")
        try clock.advance(by: 61)
        _ = try await second.createQueue("orders")
        try await second.database.close()

        // Created again: the name is no longer remembered as deleted.
        let third = try await SQSHarness.make(path: path, clock: clock)
        #expect(await third.sqs.recentlyDeleted.isEmpty)
        try await third.database.close()
    }

    @Test("A retried FIFO receive gets the same messages and handles after a restart")
    func receiveAttemptSurvivesRestart() async throws {
        let path = temporaryDatabasePath()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let clock = VirtualClock()
        let first = try await SQSHarness.make(path: path, clock: clock)
        let url = try await first.createQueue("jobs.fifo", ["FifoQueue": "true", "ContentBasedDeduplication": "true"])
        for i in 0..<3 { try await first.send(url, "job \(i)", ["MessageGroupId": "g"]) }
        let attempt: [String: JSONValue] = ["ReceiveRequestAttemptId": "attempt-1"]
        let received = try await first.receive(url, max: 2, attempt)
        #expect(received.count == 2)
        try await first.database.close()

        let second = try await SQSHarness.make(path: path, clock: clock)
        let retried = try await second.receive(url, max: 2, attempt)
        #expect(retried.map { $0["ReceiptHandle"] } == received.map { $0["ReceiptHandle"] })
        try await second.database.close()
    }

    @Test("Restoring a snapshot brings back its deleted names and receive attempts")
    func followSnapshots() async throws {
        let h = try await SQSHarness.make()
        let snapshots = SnapshotStore(database: h.database)
        let gone = try await h.createQueue("gone")
        let url = try await h.createQueue("jobs.fifo", ["FifoQueue": "true", "ContentBasedDeduplication": "true"])
        try await h.send(url, "job", ["MessageGroupId": "g"])
        try await h.call("DeleteQueue", ["QueueUrl": .string(gone)])
        let attempt: [String: JSONValue] = ["ReceiveRequestAttemptId": "attempt-1"]
        let received = try await h.receive(url, attempt)
        try await snapshots.save(name: "step")

        // Everything forgotten, on disk too.
        try await h.sqs.reset()
        #expect(await h.sqs.recentlyDeleted.isEmpty)

        try await snapshots.restore(name: "step")
        try await h.sqs.reload()
        let refused = await h.error("CreateQueue", ["QueueName": "gone"])
        #expect(refused?.queryCode == "AWS.SimpleQueueService.QueueDeletedRecently")
        let retried = try await h.receive(url, attempt)
        #expect(retried.map { $0["ReceiptHandle"] } == received.map { $0["ReceiptHandle"] })
    }
}
