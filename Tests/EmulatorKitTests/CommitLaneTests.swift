@testable import EmulatorKit
import GRDB
import Synchronization
import Testing

/// Failed writes: a lane refuses what was computed after its failed write until its owner
/// reloads, the waiter hears of the failure only once the reload is done, `drain()` reports
/// failures (without taking them from their waiters), and a snapshot fails instead of
/// pretending to hold a write that was lost.
@Suite struct CommitLaneTests {
    static func insert(_ n: Int) -> GroupCommitWriter.Operation { GroupCommitWriterTests.insert(n) }
    static let bad: GroupCommitWriter.Operation = { db in try db.execute(sql: "INSERT INTO missing (n) VALUES (1)") }

    /// A lane whose owner "reloads" by counting and reopening it.
    static func lane(_ writer: GroupCommitWriter, reloads: Counter? = nil) -> CommitLane {
        let lane = CommitLane(name: "test")
        lane.onFailure { [weak lane] in
            guard let lane else { return }
            try await Task.sleep(for: .milliseconds(20))  // a reload takes a while
            reloads?.increment()
            writer.resume(lane)
        }
        return lane
    }

    static func open(_ gate: DispatchSemaphoreBox, after delay: Duration) {
        Task.detached {
            try? await Task.sleep(for: delay)
            gate.signal()
        }
    }

    @Test func aFailedWriteRefusesTheLanesLaterWritesUntilItsOwnerReloads() async throws {
        let (writer, queue) = try GroupCommitWriterTests.makeWriter()
        let reloads = Counter()
        let lane = Self.lane(writer, reloads: reloads)
        // Held behind a blocked first write, so all of them are queued before the failure.
        let gate = DispatchSemaphoreBox()
        let first = writer.enqueue(lane: lane) { db in
            gate.pass()
            try Self.insert(1)(db)
        }
        let failing = writer.enqueue(lane: lane, Self.bad)
        let tainted = writer.enqueue(lane: lane, Self.insert(3))
        let otherLane = writer.enqueue(lane: CommitLane(name: "other"), Self.insert(4))
        let noLane = writer.enqueue(Self.insert(5))
        gate.signal()
        try await writer.wait(for: first)
        await #expect(throws: GroupCommitWriter.WriteFailed.self) { try await writer.wait(for: failing) }
        // The failed waiter returns only after the owner reloaded.
        #expect(reloads.value == 1)
        let refusal = await #expect(throws: GroupCommitWriter.WriteFailed.self) { try await writer.wait(for: tainted) }
        #expect(refusal?.description.contains("earlier write of test failed") == true)
        try await writer.wait(for: otherLane)
        try await writer.wait(for: noLane)
        // After the reload the lane writes again.
        try await writer.write(lane: lane, Self.insert(6))
        #expect(try GroupCommitWriterTests.rows(queue) == [1, 4, 5, 6])
        #expect(reloads.value == 1)
    }

    @Test func writesQueuedBeforeTheReloadStayRefusedThoseAfterRun() async throws {
        let (writer, queue) = try GroupCommitWriterTests.makeWriter()
        let lane = CommitLane(name: "manual")
        let recovering = Counter()
        lane.onFailure { recovering.increment() }
        await #expect(throws: GroupCommitWriter.WriteFailed.self) { try await writer.write(lane: lane, Self.bad) }
        // Not reopened yet: computed on the memory the owner is about to drop.
        let before = writer.enqueue(lane: lane, Self.insert(1))
        writer.enqueueDeferred(lane: lane, Self.insert(2))
        writer.resume(lane)
        let after = writer.enqueue(lane: lane, Self.insert(3))
        await #expect(throws: GroupCommitWriter.WriteFailed.self) { try await writer.wait(for: before) }
        try await writer.wait(for: after)
        #expect(try GroupCommitWriterTests.rows(queue) == [3])
        // The refused write asked for another reload (the first one never reopened the lane).
        #expect(recovering.value >= 1)
    }

    @Test func writesRefusedDuringAReloadDoNotCauseASecondOne() async throws {
        let (writer, queue) = try GroupCommitWriterTests.makeWriter()
        let reloads = Counter()
        let lane = Self.lane(writer, reloads: reloads)
        let failing = writer.enqueue(lane: lane, Self.bad)
        // Queued while the reload runs: refused, and each asks for a recovery; one that ran
        // after the lane reopened could drop writes queued but not yet committed.
        try await Task.sleep(for: .milliseconds(5))
        let refused = (1...3).map { writer.enqueue(lane: lane, Self.insert($0)) }
        await #expect(throws: GroupCommitWriter.WriteFailed.self) { try await writer.wait(for: failing) }
        for ticket in refused {
            await #expect(throws: GroupCommitWriter.WriteFailed.self) { try await writer.wait(for: ticket) }
        }
        try await Task.sleep(for: .milliseconds(60))
        #expect(reloads.value == 1)
        try await writer.write(lane: lane, Self.insert(4))
        #expect(try GroupCommitWriterTests.rows(queue) == [4])
    }

    @Test func drainReportsFailuresAndLeavesThemToTheirWaiters() async throws {
        let (writer, queue) = try GroupCommitWriterTests.makeWriter()
        let gate = DispatchSemaphoreBox()
        writer.enqueue { db in
            gate.pass()
            try Self.insert(1)(db)
        }
        let bad = writer.enqueue(Self.bad)
        writer.enqueueDeferred(Self.insert(2))
        // Opened later: the drain below counts the writes before its first suspension.
        Self.open(gate, after: .milliseconds(200))
        let failure = await #expect(throws: GroupCommitWriter.DrainFailed.self) { try await writer.drain() }
        #expect(failure?.failures.count == 1)
        await #expect(throws: GroupCommitWriter.WriteFailed.self) { try await writer.wait(for: bad) }
        #expect(try GroupCommitWriterTests.rows(queue) == [1, 2])
        // Nothing failed since: the next drain succeeds.
        writer.enqueue(Self.insert(3))
        try await writer.drain()
    }

    @Test func aReadOnlyDatabaseFailsEveryWriteAndDrainSaysSo() async throws {
        let (writer, queue) = try GroupCommitWriterTests.makeWriter()
        try await queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = ON") }
        let lane = Self.lane(writer)
        let tickets = (1...3).map { writer.enqueue(lane: lane, Self.insert($0)) }
        await #expect(throws: GroupCommitWriter.DrainFailed.self) { try await writer.drain() }
        for ticket in tickets {
            await #expect(throws: GroupCommitWriter.WriteFailed.self) { try await writer.wait(for: ticket) }
        }
        try await queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = OFF") }
        try await writer.write(lane: lane, Self.insert(4))
        #expect(try GroupCommitWriterTests.rows(queue) == [4])
    }

    @Test func aSnapshotFailsLoudlyWhenAWriteBeforeItFailed() async throws {
        let database = try AppDatabase.inMemory(migrations: [])
        let snapshots = SnapshotStore(database: database)
        let gate = DispatchSemaphoreBox()
        database.commits.enqueue { _ in gate.pass() }
        database.commits.enqueue(Self.bad)
        Self.open(gate, after: .milliseconds(200))
        await #expect(throws: GroupCommitWriter.DrainFailed.self) { try await snapshots.save(name: "step-1") }
        #expect(snapshots.names().isEmpty)
        try await snapshots.save(name: "step-1")
        #expect(snapshots.names() == ["step-1"])
    }

    @Test func theCallLogReadsItselfBackAfterAFailedWrite() async throws {
        let database = try AppDatabase.inMemory(migrations: [])
        let log = try await database.makeCallLog(capacity: 100)
        func entry(_ operation: String) -> CallLog.Entry {
            CallLog.Entry(time: .now, service: "sqs", operation: operation, parameters: [:], outcome: "ok",
                          requestId: operation, region: "us-east-1")
        }
        log.record(entry("Kept"))
        try await database.commits.drain()
        try await database.writer.write { db in
            try db.execute(sql: "CREATE TEMP TRIGGER fail BEFORE INSERT ON callLog BEGIN SELECT RAISE(ABORT, 'disk full'); END")
        }
        log.record(entry("Lost"))
        await #expect(throws: GroupCommitWriter.DrainFailed.self) { try await database.commits.drain() }
        for _ in 0..<500 where log.entries().count != 1 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(log.entries().map(\.operation) == ["Kept"])
        try await database.writer.write { db in try db.execute(sql: "DROP TRIGGER temp.fail") }
        log.record(entry("Later"))
        try await database.commits.drain()
        #expect(try await database.loadCallLog(limit: 100).map(\.operation) == ["Kept", "Later"])
        #expect(log.entries().map(\.operation) == ["Kept", "Later"])
    }
}

extension DispatchSemaphoreBox {
    /// Waits until signalled, and stays open: a batch retried write by write runs it again.
    func pass() {
        wait()
        signal()
    }
}

final class Counter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
