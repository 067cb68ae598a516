import Foundation
import GRDB

/// The emulator's one SQLite database: a `DatabasePool` in WAL mode on disk, or a
/// `DatabaseQueue` in memory for tests and `--in-memory` runs. It runs the string-named
/// migrations at open and owns the group-commit writer every mutation goes through.
public final class AppDatabase: Sendable {
    /// The GRDB connection(s). Reads may use it directly; writes go through `commits`
    /// so concurrent requests share transactions.
    public let writer: any DatabaseWriter
    /// The file path, or nil in memory.
    public let path: String?
    /// Batches concurrent writes into single transactions (see `GroupCommitWriter`).
    public let commits: GroupCommitWriter

    init(writer: any DatabaseWriter, path: String?, migrations: [SchemaMigration]) throws {
        try Self.migrator(migrations).migrate(writer)
        self.writer = writer
        self.path = path
        self.commits = GroupCommitWriter(writer: writer)
    }

    /// Opens (creating if needed) the database at `path`, or an empty in-memory one for nil,
    /// and brings its schema up to date: the emulator's own tables, then `migrations` (the
    /// services', in the registry's order).
    public static func open(path: String?, migrations: [SchemaMigration]) throws -> AppDatabase {
        guard let path else { return try inMemory(migrations: migrations) }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.label = "handson"
        configuration.prepareDatabase { db in
            // In WAL mode NORMAL makes a commit reach the OS (it survives `kill -9` of the
            // server) without an fsync per transaction; only power loss could lose the tail.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        // Long-running reads (state snapshots) must not make writers give up.
        configuration.busyMode = .timeout(10)
        return try AppDatabase(writer: DatabasePool(path: path, configuration: configuration), path: path,
                               migrations: migrations)
    }

    /// A private in-memory database (tests).
    public static func inMemory(migrations: [SchemaMigration]) throws -> AppDatabase {
        var configuration = Configuration()
        configuration.label = "handson-memory"
        return try AppDatabase(writer: DatabaseQueue(configuration: configuration), path: nil, migrations: migrations)
    }

    /// Reads through a snapshot-isolated connection.
    public func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        try await writer.read(body)
    }

    /// Waits until the write behind `ticket` is committed; a failed write becomes the AWS error
    /// the calling service reports (each names its own internal-error code), once the
    /// service's memory is back to what the disk holds.
    public func durable(_ ticket: GroupCommitWriter.Ticket, failure: (String) -> AWSError) async throws(AWSError) {
        do {
            try await commits.wait(for: ticket)
        } catch {
            throw failure("The request could not be stored: \(error)")
        }
    }

    /// Waits until every write queued so far is committed, then closes the connections
    /// (throwing if a write failed). Used when a test reopens the same file; the server
    /// simply exits.
    public func close() async throws {
        do {
            try await commits.drain()
        } catch {
            try? closeConnections()
            throw error
        }
        try closeConnections()
    }

    private func closeConnections() throws {
        if let pool = writer as? DatabasePool {
            try pool.close()
        } else if let queue = writer as? DatabaseQueue {
            try queue.close()
        }
    }
}
