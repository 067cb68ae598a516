import Foundation
import GRDB
import JSON
import Testing
import EmulatorKit
@testable import SQS

/// A write that fails (a full disk, here a trigger that raises) leaves memory, disk and the
/// client in agreement: the client gets InternalError, memory is what the disk holds (a
/// service opened fresh on the same database shows the same state), and a retry applies
/// the change once.
@Suite("SQS failed writes")
struct SQSWriteFailureTests {
    /// Memory (the service's state) equals the disk (a new service loading the same database).
    static func expectMemoryMatchesDisk(_ harness: SQSHarness, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let memory = await harness.sqs.state()
        let disk = try await SQSService(database: harness.database, clock: harness.clock).state()
        #expect(memory == disk, sourceLocation: sourceLocation)
    }

    @Test("SendMessage: a failed insert is not in memory, and the retry sends once")
    func send() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("orders")
        try await h.send(url, "first")
        let before = await h.sqs.state()
        try await h.database.failWrites(.insert, on: "sqsMessage")
        let error = await h.error("SendMessage", ["QueueUrl": .string(url), "MessageBody": "second"])
        #expect(error?.code == "InternalError")
        #expect(await h.sqs.state() == before)
        try await Self.expectMemoryMatchesDisk(h)
        try await h.database.allowWrites()
        try await h.send(url, "second")
        let bodies = try await h.receive(url).compactMap { $0["Body"]?.stringValue }
        #expect(bodies.sorted() == ["first", "second"])
        try await Self.expectMemoryMatchesDisk(h)
    }

    @Test("DeleteMessage: a failed delete leaves the message in flight, and the retry deletes it")
    func delete() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("orders")
        try await h.send(url, "only")
        let message = try #require(try await h.receive(url).first)
        try await h.database.failWrites(.delete, on: "sqsMessage")
        let error = await h.error("DeleteMessage", ["QueueUrl": .string(url), "ReceiptHandle": message["ReceiptHandle"] ?? .null])
        #expect(error?.code == "InternalError")
        #expect(try await h.counts(url) == (0, 1, 0))
        try await Self.expectMemoryMatchesDisk(h)
        try await h.database.allowWrites()
        try await h.delete(url, message)
        #expect(try await h.counts(url) == (0, 0, 0))
        try await Self.expectMemoryMatchesDisk(h)
    }

    @Test("CreateQueue: a failed create leaves no queue, and the retry creates it")
    func create() async throws {
        let h = try await SQSHarness.make()
        try await h.database.failWrites(.insert, on: "sqsQueue")
        let error = await h.error("CreateQueue", ["QueueName": "orders"])
        #expect(error?.code == "InternalError")
        let missing = await h.error("GetQueueUrl", ["QueueName": "orders"])
        #expect(missing?.queryCode == "AWS.SimpleQueueService.NonExistentQueue")
        try await Self.expectMemoryMatchesDisk(h)
        try await h.database.allowWrites()
        let url = try await h.createQueue("orders")
        try await h.send(url, "works")
        try await Self.expectMemoryMatchesDisk(h)
    }

    @Test("A read-only database: every write fails, nothing changes, and writing works again after")
    func readOnly() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("orders")
        try await h.send(url, "kept")
        let before = await h.sqs.state()
        try await h.database.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = ON") }
        // Concurrent sends: the first fails, the others were computed on memory holding it.
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<20 {
                group.addTask { _ = try? await h.send(url, "lost \(i)") }
            }
        }
        #expect(await h.sqs.state() == before)
        try await h.database.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = OFF") }
        try await Self.expectMemoryMatchesDisk(h)
        try await h.send(url, "after")
        #expect(try await h.counts(url).0 == 2)
        try await Self.expectMemoryMatchesDisk(h)
    }
}
