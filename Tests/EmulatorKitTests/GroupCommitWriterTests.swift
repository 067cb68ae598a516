@testable import EmulatorKit
import Dispatch
import GRDB
import Testing

/// The group-commit writer: every acknowledged write is committed, concurrent writes share
/// transactions, writes nobody waits for still reach the disk, and a bad write fails alone.
@Suite struct GroupCommitWriterTests {
    static func makeWriter(maximumBatch: Int = 4096, deferredDelay: Duration = .milliseconds(20)) throws -> (GroupCommitWriter, DatabaseQueue) {
        let queue = try DatabaseQueue()
        try queue.write { db in try db.execute(sql: "CREATE TABLE t (n INTEGER PRIMARY KEY)") }
        return (GroupCommitWriter(writer: queue, maximumBatch: maximumBatch, deferredDelay: deferredDelay), queue)
    }

    static func rows(_ queue: DatabaseQueue) throws -> [Int] {
        try queue.read { db in try Int.fetchAll(db, sql: "SELECT n FROM t ORDER BY n") }
    }

    /// The rows once there are `count` of them (writes nobody waits for land in the
    /// background), or what is there after five seconds.
    static func rows(_ queue: DatabaseQueue, once count: Int) async throws -> [Int] {
        var committed = try rows(queue)
        for _ in 0..<500 where committed.count < count {
            try await Task.sleep(for: .milliseconds(10))
            committed = try rows(queue)
        }
        return committed
    }

    static func insert(_ n: Int) -> GroupCommitWriter.Operation {
        { db in try db.execute(sql: "INSERT INTO t (n) VALUES (?)", arguments: [n]) }
    }

    @Test func aLoneWriteIsCommittedWhenItsWaitReturns() async throws {
        let (writer, queue) = try Self.makeWriter()
        try await writer.write(Self.insert(1))
        #expect(try Self.rows(queue) == [1])
        #expect(writer.transactionCount == 1)
    }

    @Test func concurrentWritesAreAllCommittedInFewerTransactions() async throws {
        let (writer, queue) = try Self.makeWriter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 1...500 {
                group.addTask { try await writer.write(Self.insert(n)) }
            }
            try await group.waitForAll()
        }
        #expect(try Self.rows(queue) == Array(1...500))
        #expect(writer.transactionCount < 500, "\(writer.transactionCount) transactions for 500 concurrent writes")
    }

    @Test func writesNobodyWaitsForAreCommittedInTheBackground() async throws {
        let (writer, queue) = try Self.makeWriter()
        for n in 1...20 { writer.enqueue(Self.insert(n)) }
        let committed = try await Self.rows(queue, once: 20)
        #expect(committed == Array(1...20))
    }

    @Test func writesQueuedDuringACommitArePickedUpWithoutANewWaiter() async throws {
        let (writer, queue) = try Self.makeWriter()
        // The first write blocks inside its commit until the others are queued behind it.
        let gate = DispatchSemaphoreBox()
        let first = writer.enqueue { db in
            gate.wait()
            try Self.insert(1)(db)
        }
        async let waited: Void = writer.wait(for: first)
        try await Task.sleep(for: .milliseconds(50))
        for n in 2...10 { writer.enqueue(Self.insert(n)) }
        gate.signal()
        try await waited
        let committed = try await Self.rows(queue, once: 10)
        #expect(committed == Array(1...10))
    }

    @Test func aBadWriteFailsAloneAndTheOthersCommit() async throws {
        let (writer, queue) = try Self.makeWriter()
        let good = writer.enqueue(Self.insert(1))
        let bad = writer.enqueue { db in try db.execute(sql: "INSERT INTO missing (n) VALUES (1)") }
        let alsoGood = writer.enqueue(Self.insert(2))
        await #expect(throws: GroupCommitWriter.WriteFailed.self) { try await writer.wait(for: bad) }
        try await writer.wait(for: good)
        try await writer.wait(for: alsoGood)
        #expect(try Self.rows(queue) == [1, 2])
    }

    @Test func batchesAreBoundedAndCommitInOrder() async throws {
        let (writer, queue) = try Self.makeWriter(maximumBatch: 3)
        let tickets = (1...10).map { writer.enqueue(Self.insert($0)) }
        try await writer.wait(for: tickets.last!)
        #expect(try Self.rows(queue) == Array(1...10))
        #expect(writer.transactionCount >= 4)
    }

    @Test func deferredWritesRideInTheNextTransaction() async throws {
        let (writer, queue) = try Self.makeWriter(deferredDelay: .seconds(60))
        for n in 1...5 { writer.enqueueDeferred(Self.insert(n)) }
        #expect(try Self.rows(queue).isEmpty)
        try await writer.write(Self.insert(6))
        #expect(try Self.rows(queue) == Array(1...6))
        #expect(writer.transactionCount == 1)
    }

    @Test func deferredWritesWithNothingToRideInCommitAfterTheDelay() async throws {
        let (writer, queue) = try Self.makeWriter(deferredDelay: .milliseconds(20))
        for n in 1...5 { writer.enqueueDeferred(Self.insert(n)) }
        let committed = try await Self.rows(queue, once: 5)
        #expect(committed == Array(1...5))
        #expect(writer.transactionCount == 1)
    }

    @Test func aDeferredWriteThatFailedBeforeTheDrainIsStillReportedByIt() async throws {
        let (writer, queue) = try Self.makeWriter(deferredDelay: .milliseconds(1))
        writer.enqueueDeferred(Self.insert(1))
        writer.enqueueDeferred { db in try db.execute(sql: "INSERT INTO missing (n) VALUES (1)") }
        // The timer commits both (the bad one failing alone) before anyone drains.
        _ = try await Self.rows(queue, once: 1)
        try await Task.sleep(for: .milliseconds(50))
        await #expect(throws: GroupCommitWriter.DrainFailed.self) { try await writer.drain() }
        // Reported once: the next drain has nothing new to report.
        try await writer.drain()
    }

    @Test func deferredWritesKeepTheirOrderAndDrainCommitsThem() async throws {
        let (writer, queue) = try Self.makeWriter(deferredDelay: .seconds(60))
        writer.enqueueDeferred(Self.insert(1))
        writer.enqueueDeferred(Self.insert(2))
        writer.enqueueDeferred { db in try db.execute(sql: "DELETE FROM t WHERE n = 1") }
        try await writer.drain()
        #expect(try Self.rows(queue) == [2])
    }

    @Test func drainWaitsForEverythingQueued() async throws {
        let (writer, queue) = try Self.makeWriter()
        for n in 1...50 { writer.enqueue(Self.insert(n)) }
        try await writer.drain()
        #expect(try Self.rows(queue) == Array(1...50))
    }
}

/// A semaphore the test's blocking operation can capture (operations are `@Sendable`).
final class DispatchSemaphoreBox: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    func wait() { semaphore.wait() }
    func signal() { semaphore.signal() }
}
