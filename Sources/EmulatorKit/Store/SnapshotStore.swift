import Foundation
import GRDB
import Synchronization

/// Named copies of the whole database, taken with SQLite's online backup: what lets a learner
/// go back to the state they had when a step started (`handson reset --step N`).
///
/// A persistent emulator keeps them as files next to its database (`snapshots/NAME.sqlite`),
/// so they survive a restart; an in-memory one keeps them in memory.
public final class SnapshotStore: Sendable {
    public struct InvalidName: Error, CustomStringConvertible {
        public let name: String
        public init(name: String) { self.name = name }
        public var description: String {
            "invalid snapshot name '\(name)': use 1–100 letters, digits, '.', '_' or '-'"
        }
    }

    public struct NotFound: Error, CustomStringConvertible {
        public let name: String
        public init(name: String) { self.name = name }
        public var description: String { "no snapshot named '\(name)'" }
    }

    private let database: AppDatabase
    private let directory: URL?
    private let inMemory = Mutex<[String: DatabaseQueue]>([:])

    public init(database: AppDatabase) {
        self.database = database
        self.directory = database.path.map {
            URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("snapshots")
        }
    }

    /// Names are used as file names, so only a safe alphabet is accepted.
    public static func isValid(name: String) -> Bool {
        !name.isEmpty && name.count <= 100 && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) && $0.isASCII || "._-".unicodeScalars.contains($0) }
    }

    /// Copies the current state (every committed write) into the snapshot `name`, replacing it.
    /// Fails, saving nothing, if a write queued before it failed: the snapshot would not hold
    /// what the learner was shown.
    public func save(name: String) async throws {
        guard Self.isValid(name: name) else { throw InvalidName(name: name) }
        try await database.commits.drain()
        if let directory {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let final = directory.appendingPathComponent("\(name).sqlite")
            let partial = directory.appendingPathComponent("\(name).sqlite.partial")
            try? FileManager.default.removeItem(at: partial)
            let target = try DatabaseQueue(path: partial.path)
            try database.writer.backup(to: target)
            try target.close()
            // A crash mid-copy must not leave a half snapshot under the real name: rename(2) is atomic.
            guard rename(partial.path, final.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: final.path])
            }
        } else {
            let target = try DatabaseQueue()
            try database.writer.backup(to: target)
            inMemory.withLock { $0[name] = target }
        }
    }

    /// Overwrites the live database with the snapshot `name`. The caller reloads the services.
    public func restore(name: String) async throws {
        guard Self.isValid(name: name) else { throw InvalidName(name: name) }
        // Everything is replaced, so a write that failed before does not matter here (its
        // client was told, and its service reloaded).
        try? await database.commits.drain()
        if let directory {
            let file = directory.appendingPathComponent("\(name).sqlite")
            guard FileManager.default.fileExists(atPath: file.path) else { throw NotFound(name: name) }
            let source = try DatabaseQueue(path: file.path, configuration: Self.readOnly)
            try source.backup(to: database.writer)
            try source.close()
        } else {
            guard let source = inMemory.withLock({ $0[name] }) else { throw NotFound(name: name) }
            try source.backup(to: database.writer)
        }
    }

    /// The names of the snapshots kept, sorted.
    public func names() -> [String] {
        if let directory {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return files.filter { $0.hasSuffix(".sqlite") }.map { String($0.dropLast(".sqlite".count)) }.sorted()
        }
        return inMemory.withLock { $0.keys.sorted() }
    }

    private static var readOnly: Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        return configuration
    }
}
