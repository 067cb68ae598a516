import GRDB

/// A service's rows in the database and the changes an operation makes to them. The service
/// keeps its state in memory and mirrors each operation's changes here as one group-committed
/// write; at start-up (and after a snapshot is restored) it loads them back.
///
/// Memory and disk agree because of two rules: a service changes memory and calls `commit`
/// in one synchronous step (no `await` between them), and after a failed write it reloads
/// (`recoverByReloading`), which replaces memory with what the disk holds — see `CommitLane`.
public protocol ServiceStore: Sendable {
    /// One row-level change; an operation's changes are applied in order in one write.
    associatedtype Change: Sendable
    /// Everything the service reads back at start-up.
    associatedtype Snapshot: Sendable

    var database: AppDatabase { get }
    /// The service's writes, refused after one fails until the service has reloaded.
    var lane: CommitLane { get }

    static func apply(_ change: Change, _ db: Database) throws

    func load() async throws -> Snapshot
}

extension ServiceStore {
    /// Queues the changes as one operation; wait on the ticket (`durable`) before answering.
    public func commit(_ changes: [Change]) -> GroupCommitWriter.Ticket {
        guard !changes.isEmpty else { return .none }
        return database.commits.enqueue(lane: lane) { db in
            for change in changes { try Self.apply(change, db) }
        }
    }

    /// Commits and waits: for resets, which answer only once the rows are gone.
    public func commitAndWait(_ changes: [Change]) async throws {
        try await database.commits.wait(for: commit(changes))
    }

    /// Reads the stored state and hands it to `install`, which replaces memory with it; the
    /// lane reopens in the same step (on the caller's actor, with no suspension between), so
    /// no write computed on the dropped memory runs, and every later one does.
    public func reload(isolation: isolated (any Actor)? = #isolation,
                       into install: (Snapshot) throws -> Void) async throws {
        let snapshot = try await load()
        try install(snapshot)
        database.commits.resume(lane)
    }

    /// After a failed write, `service` reloads (`EmulatorService.reload`, which must use
    /// `reload(into:)`), so memory holds what the disk holds again.
    public func recoverByReloading<Service: EmulatorService & AnyObject>(_ service: Service) {
        lane.onFailure { [weak service] in try await service?.reload() }
    }
}
