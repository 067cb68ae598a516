import Foundation
import GRDB
import JSON
import Testing
import EmulatorKit
@testable import SQS

@Suite("SQS persistence")
struct SQSPersistenceTests {
    @Test("A new service on the same file resumes exactly: queues, messages, in-flight state, receive counts, dedup, tasks")
    func reopen() async throws {
        let path = temporaryDatabasePath()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let clock = VirtualClock()
        let first = try await SQSHarness.make(path: path, clock: clock)

        let dlq = try await first.createQueue("orders-dlq")
        let dlqArn = try await first.arn(dlq)
        let orders = try await first.createQueue("orders", [
            "VisibilityTimeout": "300", "DelaySeconds": "0",
            "RedrivePolicy": .init("{\"deadLetterTargetArn\":\"\(dlqArn)\",\"maxReceiveCount\":1}"),
        ])
        try await first.call("TagQueue", ["QueueUrl": .string(orders), "Tags": ["team": "payments"]])
        for i in 0..<6 {
            try await first.send(orders, "order \(i)", ["MessageAttributes": ["n": ["DataType": "Number", "StringValue": .string("\(i)")]]])
        }
        try await first.send(orders, "later", ["DelaySeconds": 600])
        let received = try await first.receive(orders, max: 2)                // 2 in flight, receive count 1
        try await first.delete(orders, received[0])
        _ = try await first.receive(orders, max: 1, visibility: 0)            // receive count 1, visible
        let jobs = try await first.createQueue("jobs.fifo", ["FifoQueue": "true"])
        let original = try await first.send(jobs, "job", ["MessageGroupId": "g", "MessageDeduplicationId": "d1"])
        _ = try await first.receive(jobs)                                      // locks group g
        let before = await first.sqs.state()
        let attributesBefore = try await first.attributes(orders)
        try await first.database.close()

        let second = try await SQSHarness.make(path: path, clock: clock)
        let after = await second.sqs.state()
        #expect(after == before)
        #expect(try await second.attributes(orders) == attributesBefore)
        #expect(await second.sqs.diagnostics(queueName: "orders")?.indexesConsistent == true)

        // The in-flight message keeps its handle and receive count; deduplication survives.
        try await second.delete(orders, received[1])
        let duplicate = try await second.send(jobs, "job", ["MessageGroupId": "g", "MessageDeduplicationId": "d1"])
        #expect(duplicate["MessageId"] == original["MessageId"])
        #expect(try await second.receive(jobs).isEmpty)
        // The message received once with maxReceiveCount 1 moves to the DLQ on its next receive.
        let next = try await second.receive(orders, max: 10)
        #expect(next.count == 3)
        #expect(try await second.counts(dlq).0 == 1)
        // Sequence numbers keep increasing across the restart.
        let newer = try await second.send(jobs, "job 2", ["MessageGroupId": "h", "MessageDeduplicationId": "d2"])
        #expect(try #require(newer["SequenceNumber"]?.stringValue) > (original["SequenceNumber"]?.stringValue ?? ""))
        try await second.database.close()
    }
}

@Suite("Store")
struct StoreTests {
    @Test("Concurrent writes share transactions, and each is committed before its caller resumes")
    func groupCommit() async throws {
        let path = temporaryDatabasePath()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let h = try await SQSHarness.make(path: path)
        let url = try await h.createQueue("load")
        let before = h.database.commits.transactionCount
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<2_000 {
                group.addTask { try await h.send(url, "m\(i)") }
            }
            try await group.waitForAll()
        }
        let transactions = h.database.commits.transactionCount - before
        #expect(transactions < 2_000)
        let stored = try await h.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqsMessage") }
        #expect(stored == 2_000)
        try await h.database.close()
    }

    @Test("A failing write fails only its own caller")
    func failureIsolation() async throws {
        let database = try AppDatabase.inMemory(migrations: SQSService.descriptor.migrations)
        // Queued together, so they share a transaction until the bad one makes it fail.
        let good = database.commits.enqueue { db in try db.execute(sql: "INSERT INTO emulatorClock (id, offsetSeconds) VALUES (1, 5)") }
        let bad = database.commits.enqueue { db in try db.execute(sql: "INSERT INTO nowhere VALUES (1)") }
        try await database.commits.wait(for: good)
        await #expect(throws: GroupCommitWriter.WriteFailed.self) { try await database.commits.wait(for: bad) }
        #expect(try await database.loadClockOffset() == 5)
    }

    @Test("The clock offset and the call log persist")
    func clockAndCallLog() async throws {
        let path = temporaryDatabasePath()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let database = try AppDatabase.open(path: path, migrations: SQSService.descriptor.migrations)
        let clock = VirtualClock()
        try await database.attach(clock: clock)
        try clock.advance(by: 3600)
        let log = try await database.makeCallLog(capacity: 100)
        for i in 0..<3 {
            log.record(CallLog.Entry(time: Date(timeIntervalSince1970: Double(i)), service: "sqs", operation: "SendMessage",
                                     parameters: ["QueueUrl": "q", "n": .number(Double(i))], outcome: "ok",
                                     requestId: "r\(i)", region: "us-east-1"))
        }
        try await database.close()

        let reopened = try AppDatabase.open(path: path, migrations: SQSService.descriptor.migrations)
        let restored = VirtualClock()
        try await reopened.attach(clock: restored)
        #expect(restored.offsetSeconds == 3600)
        let entries = try await reopened.makeCallLog(capacity: 2).entries()
        #expect(entries.map(\.requestId) == ["r1", "r2"])
        #expect(entries.last?.parameters == ["QueueUrl": "q", "n": 2])
        let all = try await reopened.makeCallLog(capacity: 100)
        all.clear()
        try await reopened.commits.drain()
        #expect(try await reopened.loadCallLog(limit: 100).isEmpty)
        try await reopened.close()
    }

    @Test("Persisted JSON text escapes what JSON requires and reads back identically")
    func jsonText() throws {
        let value: JSONValue = ["body": "quote \" backslash \\ newline \n tab \t bell \u{07} 東京 🎉",
                                "n": 42, "x": 1.5, "big": 1e20, "list": [true, false, nil], "empty": [:]]
        let text = value.jsonText(sortedKeys: false)
        #expect(try JSONValue(jsonString: text) == value)
        #expect(JSONValue.string("a\u{07}b").jsonText() == "\"a\\u0007b\"")
    }
}
