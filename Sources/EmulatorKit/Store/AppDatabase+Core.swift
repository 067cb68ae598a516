import Foundation
import GRDB
import JSON
import Synchronization

/// Persistence of the emulator's own state: the virtual clock offset and the call log.
extension AppDatabase {
    // MARK: Virtual clock

    /// The persisted clock offset (0 for a new database).
    public func loadClockOffset() async throws -> TimeInterval {
        try await read { db in
            try Double.fetchOne(db, sql: "SELECT offsetSeconds FROM emulatorClock WHERE id = 1") ?? 0
        }
    }

    /// Queues a write of the clock offset. It has no lane: the clock only moves forward, so
    /// memory is right and a failed write is only reported (stderr, the next snapshot); the
    /// next advance or snapshot restore writes the offset again.
    @discardableResult
    public func saveClockOffset(_ seconds: TimeInterval) -> GroupCommitWriter.Ticket {
        commits.enqueue { db in try Self.storeClockOffset(seconds, in: db) }
    }

    public static func storeClockOffset(_ seconds: TimeInterval, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO emulatorClock (id, offsetSeconds) VALUES (1, ?)
            ON CONFLICT(id) DO UPDATE SET offsetSeconds = excluded.offsetSeconds
            """, arguments: [seconds])
    }

    /// Restores the clock's persisted offset and persists every later advance, so a
    /// restarted server resumes at the same virtual time.
    public func attach(clock: VirtualClock) async throws {
        clock.restore(offset: try await loadClockOffset())
        clock.onAdvance { [weak self, weak clock] in
            guard let self, let clock else { return }
            self.saveClockOffset(clock.offsetSeconds)
        }
    }

    // MARK: Call log

    /// The most recent `limit` calls, oldest first.
    public func loadCallLog(limit: Int) async throws -> [CallLog.Entry] {
        try await read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM (SELECT * FROM callLog ORDER BY id DESC LIMIT ?) ORDER BY id
                """, arguments: [limit])
            return rows.map { row in
                let parameters = (try? JSONValue(jsonString: row["parameters"] as String)) ?? .null
                return CallLog.Entry(time: Date(timeIntervalSince1970: row["time"]),
                                     service: row["service"], operation: row["operation"],
                                     parameters: parameters, outcome: row["outcome"],
                                     requestId: row["requestId"], region: row["region"])
            }
        }
    }

    /// A call log that starts with the persisted recent calls and persists new ones through
    /// the group-commit writer, deferred: they ride in the transactions of later writes, or
    /// one of their own within 20 ms, instead of a transaction per call (which had halved the
    /// rate of read-only requests). A `kill -9` may lose the last 20 ms of the log, never a
    /// resource; a snapshot or a clean stop writes everything first. If one of its writes
    /// fails, the log is read back from the database, so memory and disk agree again.
    public func makeCallLog(capacity: Int = 10_000) async throws -> CallLog {
        let initial = try await loadCallLog(limit: capacity)
        let recorder = CallLogRecorder(database: self, capacity: capacity)
        let log = CallLog(capacity: capacity, initial: initial,
                          persist: { recorder.prepare($0) }, onClear: { recorder.clear() })
        recorder.lane.onFailure { [weak self, weak log, weak lane = recorder.lane] in
            guard let self, let log, let lane else { return }
            let stored = try await self.loadCallLog(limit: capacity)
            log.replace(with: stored) { self.commits.resume(lane) }
        }
        return log
    }
}

/// Writes call-log entries without making the caller wait (deferred writes, in call order),
/// and trims the table now and then so it holds about `capacity` rows however long the
/// server runs.
final class CallLogRecorder: Sendable {
    private let database: AppDatabase
    private let capacity: Int
    private let sinceTrim = Mutex(0)
    let lane = CommitLane(name: "the call log")

    init(database: AppDatabase, capacity: Int) {
        self.database = database
        self.capacity = capacity
    }

    /// Serialises the entry now; the returned step queues its insert (under the log's lock).
    func prepare(_ entry: CallLog.Entry) -> @Sendable () -> Void {
        let time = entry.time.timeIntervalSince1970
        let parameters = entry.parameters.jsonText(sortedKeys: false)
        let (service, operation, outcome, requestId, region) =
            (entry.service, entry.operation, entry.outcome, entry.requestId, entry.region)
        return { [database, lane] in
            database.commits.enqueueDeferred(lane: lane) { db in
                try db.cachedStatement(sql: """
                    INSERT INTO callLog (time, service, operation, parameters, outcome, requestId, region)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [time, service, operation, parameters, outcome, requestId, region])
            }
            self.trimNowAndThen()
        }
    }

    private func trimNowAndThen() {
        let capacity = self.capacity
        let trim = sinceTrim.withLock { count -> Bool in
            count += 1
            if count >= max(1, capacity / 4) { count = 0; return true }
            return false
        }
        guard trim else { return }
        database.commits.enqueueDeferred(lane: lane) { db in
            try db.execute(sql: "DELETE FROM callLog WHERE id <= (SELECT MAX(id) FROM callLog) - ?",
                           arguments: [capacity])
        }
    }

    /// After the inserts queued before it, and without waiting for the timer.
    func clear() {
        database.commits.enqueueDeferred(lane: lane) { db in try db.execute(sql: "DELETE FROM callLog") }
        database.commits.commitDeferred()
    }
}
