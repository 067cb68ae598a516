import EmulatorKit
import GRDB

/// This service's schema as named migrations. One is never edited once it has landed: a
/// change is a new, later-named migration appended here, so existing databases upgrade.
enum SQSMigrations {
    /// SQS: queues, their messages (one row per message, keyed by the global send
    /// sequence), FIFO deduplication records and message move tasks.
    static let all: [SchemaMigration] = [
        SchemaMigration("v1-sqs") { db in
            try db.create(table: "sqsQueue") { t in
                t.primaryKey("id", .integer)
                t.column("account", .text).notNull()
                t.column("region", .text).notNull()
                t.column("name", .text).notNull()
                t.column("attributes", .text).notNull()
                t.column("tags", .text).notNull()
                t.column("createdAt", .double).notNull()
                t.column("lastModifiedAt", .double).notNull()
                t.column("lastPurgeAt", .double)
                t.uniqueKey(["account", "region", "name"])
            }
            try db.create(table: "sqsMessage") { t in
                t.primaryKey("seq", .integer)
                t.column("queueId", .integer).notNull().indexed()
                t.column("messageId", .text).notNull()
                t.column("body", .text).notNull()
                t.column("messageAttributes", .text)
                t.column("systemAttributes", .text).notNull()
                t.column("md5OfBody", .text).notNull()
                t.column("md5OfMessageAttributes", .text)
                t.column("md5OfMessageSystemAttributes", .text)
                t.column("sentAt", .double).notNull()
                t.column("receiveCount", .integer).notNull()
                t.column("firstReceiveAt", .double)
                t.column("lastReceiveAt", .double)
                t.column("visibleAt", .double).notNull()
            }
            try db.create(table: "sqsDedup") { t in
                t.column("queueId", .integer).notNull()
                t.column("dedupKey", .text).notNull()
                t.column("messageId", .text).notNull()
                t.column("sequenceNumber", .text)
                t.column("expiresAt", .double).notNull()
                t.primaryKey(["queueId", "dedupKey"])
            }
            try db.create(table: "sqsMoveTask") { t in
                t.primaryKey("taskId", .text)
                t.column("account", .text).notNull()
                t.column("region", .text).notNull()
                t.column("sourceArn", .text).notNull()
                t.column("destinationArn", .text)
                t.column("maxNumberOfMessagesPerSecond", .integer)
                t.column("status", .text).notNull()
                t.column("startedAt", .double).notNull()
                t.column("toMove", .integer).notNull()
                t.column("moved", .integer).notNull()
                t.column("failureReason", .text)
            }
        },
        /// What a lab can observe that had lived only in memory: names deleted in the last
        /// 60 seconds (CreateQueue refuses them) and FIFO receive attempts (a retried
        /// receive gets the same messages), so both survive a restart and follow snapshots.
        SchemaMigration("v2-sqs-deleted-names-receive-attempts") { db in
            try db.create(table: "sqsDeletedName") { t in
                t.column("account", .text).notNull()
                t.column("region", .text).notNull()
                t.column("name", .text).notNull()
                t.column("deletedAt", .double).notNull()
                t.primaryKey(["account", "region", "name"])
            }
            try db.create(table: "sqsReceiveAttempt") { t in
                t.column("queueId", .integer).notNull()
                t.column("attemptId", .text).notNull()
                t.column("expiresAt", .double).notNull()
                // [[seq, receiveCount], …]: the messages that receive returned.
                t.column("messages", .text).notNull()
                t.primaryKey(["queueId", "attemptId"])
            }
        },
    ]
}
