import EmulatorKit
import Foundation
import GRDB
import JSON

/// CloudWatch Logs' rows and the changes an operation makes to them. The service keeps
/// groups, streams and events in memory and mirrors each operation's changes here as one
/// group-committed write; at start-up it loads them back. Events are keyed by their global
/// sequence number and indexed by (stream, timestamp), so retention and stream deletion
/// touch only the rows they remove.
struct LogsStore: ServiceStore {
    let database: AppDatabase
    let lane = CommitLane(name: "logs")

    struct GroupRow: Sendable, Codable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "logsGroup"
        var id: Int64
        var account: String
        var region: String
        var name: String
        var creationTime: Int64
        var retentionInDays: Int?
        var kmsKeyId: String?
        var logGroupClass: String
        var deletionProtectionEnabled: Bool
        var tags: String
    }

    struct StreamRow: Sendable, Codable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "logsStream"
        var id: Int64
        var groupId: Int64
        var name: String
        var creationTime: Int64
        var lastIngestionTime: Int64?
        var uploadSequence: Int64
    }

    struct Snapshot: Sendable {
        var groups: [GroupRow] = []
        var streams: [StreamRow] = []
        /// Stream id → its events in key order.
        var events: [Int64: [LogEvent]] = [:]
    }

    enum Change: Sendable {
        case saveGroup(GroupRow)
        case deleteGroup(id: Int64)
        case saveStream(StreamRow)
        case deleteStream(id: Int64)
        case insertEvents(streamId: Int64, [LogEvent])
        case expireEvents(streamId: Int64, before: Int64)
        case deleteEverything
    }

    static func apply(_ change: Change, _ db: Database) throws {
        switch change {
        case .saveGroup(let row):
            try row.upsert(db)
        case .deleteGroup(let id):
            try db.execute(sql: "DELETE FROM logsEvent WHERE streamId IN (SELECT id FROM logsStream WHERE groupId = ?)",
                           arguments: [id])
            try db.execute(sql: "DELETE FROM logsStream WHERE groupId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM logsGroup WHERE id = ?", arguments: [id])
        case .saveStream(let row):
            try row.upsert(db)
        case .deleteStream(let id):
            try db.execute(sql: "DELETE FROM logsEvent WHERE streamId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM logsStream WHERE id = ?", arguments: [id])
        case let .insertEvents(streamId, events):
            let statement = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO logsEvent (seq, streamId, timestamp, ingestionTime, message) VALUES (?, ?, ?, ?, ?)
                """)
            for event in events {
                try statement.execute(arguments: [event.seq, streamId, event.timestamp, event.ingestionTime, event.message])
            }
        case let .expireEvents(streamId, cutoff):
            try db.cachedStatement(sql: "DELETE FROM logsEvent WHERE streamId = ? AND timestamp < ?")
                .execute(arguments: [streamId, cutoff])
        case .deleteEverything:
            try db.execute(sql: "DELETE FROM logsEvent")
            try db.execute(sql: "DELETE FROM logsStream")
            try db.execute(sql: "DELETE FROM logsGroup")
        }
    }

    func load() async throws -> Snapshot {
        try await database.read { db in
            var snapshot = Snapshot()
            snapshot.groups = try GroupRow.fetchAll(db, sql: "SELECT * FROM logsGroup ORDER BY id")
            snapshot.streams = try StreamRow.fetchAll(db, sql: "SELECT * FROM logsStream ORDER BY id")
            // The (streamId, timestamp, seq) index yields every stream's events already in key order.
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT seq, streamId, timestamp, ingestionTime, message FROM logsEvent ORDER BY streamId, timestamp, seq
                """)
            while let row = try cursor.next() {
                let event = LogEvent(seq: row[0], timestamp: row[2], ingestionTime: row[3], message: row[4])
                snapshot.events[row[1], default: []].append(event)
            }
            return snapshot
        }
    }
}

// MARK: Model ↔ rows

extension LogsStore.GroupRow {
    init(_ group: LogGroup) {
        self.init(id: group.id, account: group.account, region: group.region, name: group.name,
                  creationTime: group.creationTime, retentionInDays: group.retentionInDays, kmsKeyId: group.kmsKeyId,
                  logGroupClass: group.logGroupClass, deletionProtectionEnabled: group.deletionProtectionEnabled,
                  tags: JSONValue.object(group.tags.mapValues { .string($0) }).jsonText())
    }

    func makeGroup() -> LogGroup {
        var tags: [String: String] = [:]
        if case .object(let members)? = try? JSONValue(jsonString: self.tags) {
            tags = members.compactMapValues { if case .string(let value) = $0 { value } else { nil } }
        }
        return LogGroup(id: id, account: account, region: region, name: name, creationTime: creationTime,
                        retentionInDays: retentionInDays, kmsKeyId: kmsKeyId, logGroupClass: logGroupClass,
                        deletionProtectionEnabled: deletionProtectionEnabled, tags: tags)
    }
}

extension LogsStore.StreamRow {
    init(_ stream: LogStream) {
        self.init(id: stream.id, groupId: stream.groupId, name: stream.name, creationTime: stream.creationTime,
                  lastIngestionTime: stream.lastIngestionTime, uploadSequence: stream.uploadSequence)
    }

    func makeStream() -> LogStream {
        LogStream(id: id, groupId: groupId, name: name, creationTime: creationTime,
                  lastIngestionTime: lastIngestionTime, uploadSequence: uploadSequence)
    }
}
