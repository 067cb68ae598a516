import EmulatorKit
import GRDB

/// This service's schema as named migrations. One is never edited once it has landed: a
/// change is a new, later-named migration appended here, so existing databases upgrade.
enum LogsMigrations {
    /// CloudWatch Logs: groups, their streams, and every event (keyed by the global
    /// ingestion sequence, indexed by stream and timestamp so reading a time range,
    /// expiring by retention and deleting a stream touch only their own rows).
    static let all: [SchemaMigration] = [
        SchemaMigration("v1-logs") { db in
            try db.create(table: "logsGroup") { t in
                t.primaryKey("id", .integer)
                t.column("account", .text).notNull()
                t.column("region", .text).notNull()
                t.column("name", .text).notNull()
                t.column("creationTime", .integer).notNull()
                t.column("retentionInDays", .integer)
                t.column("kmsKeyId", .text)
                t.column("logGroupClass", .text).notNull()
                t.column("deletionProtectionEnabled", .boolean).notNull()
                t.column("tags", .text).notNull()
                t.uniqueKey(["account", "region", "name"])
            }
            try db.create(table: "logsStream") { t in
                t.primaryKey("id", .integer)
                t.column("groupId", .integer).notNull()
                t.column("name", .text).notNull()
                t.column("creationTime", .integer).notNull()
                t.column("lastIngestionTime", .integer)
                t.column("uploadSequence", .integer).notNull()
                t.uniqueKey(["groupId", "name"])
            }
            try db.create(table: "logsEvent") { t in
                t.primaryKey("seq", .integer)
                t.column("streamId", .integer).notNull()
                t.column("timestamp", .integer).notNull()
                t.column("ingestionTime", .integer).notNull()
                t.column("message", .text).notNull()
            }
            try db.create(index: "logsEvent_stream_timestamp", on: "logsEvent", columns: ["streamId", "timestamp", "seq"])
        },
    ]
}
