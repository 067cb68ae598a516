import GRDB

/// A service's rows in the database and the changes an operation makes to them. The service
/// keeps its state in memory and mirrors each operation's changes here as one group-committed
/// write; at start-up (and after a snapshot is restored) it loads them back.
public protocol ServiceStore: Sendable {
    /// One row-level change; an operation's changes are applied in order in one write.
    associatedtype Change: Sendable
    /// Everything the service reads back at start-up.
    associatedtype Snapshot: Sendable

    var database: AppDatabase { get }

    static func apply(_ change: Change, _ db: Database) throws

    func load() async throws -> Snapshot
}

extension ServiceStore {
    /// Queues the changes as one operation; wait on the ticket (`durable`) before answering.
    public func commit(_ changes: [Change]) -> GroupCommitWriter.Ticket {
        guard !changes.isEmpty else { return .none }
        return database.commits.enqueue { db in
            for change in changes { try Self.apply(change, db) }
        }
    }

    /// Commits and waits: for resets, which answer only once the rows are gone.
    public func commitAndWait(_ changes: [Change]) async throws {
        try await database.commits.wait(for: commit(changes))
    }
}
