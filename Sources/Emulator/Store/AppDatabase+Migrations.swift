import GRDB

extension AppDatabase {
    /// Every schema change, in order. A migration is never edited once it has landed: a
    /// change is a new, later-named migration, so existing database files upgrade in place.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        // The virtual clock's offset and the API call log: the emulator's own state.
        migrator.registerMigration("v1-core") { db in
            try db.create(table: "emulatorClock") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("offsetSeconds", .double).notNull()
            }
            try db.create(table: "callLog") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("time", .double).notNull()
                t.column("service", .text).notNull()
                t.column("operation", .text).notNull()
                t.column("parameters", .text).notNull()
                t.column("outcome", .text).notNull()
                t.column("requestId", .text).notNull()
                t.column("region", .text).notNull()
            }
        }

        // SQS: queues, their messages (one row per message, keyed by the global send
        // sequence), FIFO deduplication records and message move tasks.
        migrator.registerMigration("v1-sqs") { db in
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
        }

        // Lambda: function configurations, their deployment packages (so snapshots and
        // restarts keep the code), and event source mappings. Configurations are JSON.
        migrator.registerMigration("v1-lambda") { db in
            try db.create(table: "lambdaFunction") { t in
                t.primaryKey("functionKey", .text)
                t.column("configuration", .text).notNull()
            }
            try db.create(table: "lambdaCode") { t in
                t.primaryKey("sha256", .text)
                t.column("zip", .blob).notNull()
            }
            try db.create(table: "lambdaMapping") { t in
                t.primaryKey("uuid", .text)
                t.column("mapping", .text).notNull()
            }
        }

        // IAM and STS: roles (trust policy, inline policies and attached policy ARNs as
        // JSON), customer managed policies with their versions, instance profiles, users,
        // and the temporary credentials AssumeRole handed out. Names are unique per account
        // whatever their case, so the key holds the lowercased name.
        migrator.registerMigration("v1-iam") { db in
            try db.create(table: "iamRole") { t in
                t.column("account", .text).notNull()
                t.column("key", .text).notNull()
                t.column("name", .text).notNull()
                t.column("id", .text).notNull()
                t.column("path", .text).notNull()
                t.column("arn", .text).notNull()
                t.column("createdAt", .double).notNull()
                t.column("trustPolicy", .text).notNull()
                t.column("roleDescription", .text)
                t.column("maxSessionDuration", .integer).notNull()
                t.column("tags", .text).notNull()
                t.column("inlinePolicies", .text).notNull()
                t.column("attachedPolicies", .text).notNull()
                t.primaryKey(["account", "key"])
            }
            try db.create(table: "iamPolicy") { t in
                t.primaryKey("arn", .text)
                t.column("account", .text).notNull()
                t.column("name", .text).notNull()
                t.column("id", .text).notNull()
                t.column("path", .text).notNull()
                t.column("policyDescription", .text)
                t.column("createdAt", .double).notNull()
                t.column("updatedAt", .double).notNull()
                t.column("defaultVersionId", .text).notNull()
                t.column("nextVersion", .integer).notNull()
                t.column("tags", .text).notNull()
                t.column("versions", .text).notNull()
            }
            try db.create(table: "iamInstanceProfile") { t in
                t.column("account", .text).notNull()
                t.column("key", .text).notNull()
                t.column("name", .text).notNull()
                t.column("id", .text).notNull()
                t.column("path", .text).notNull()
                t.column("arn", .text).notNull()
                t.column("createdAt", .double).notNull()
                t.column("roles", .text).notNull()
                t.column("tags", .text).notNull()
                t.primaryKey(["account", "key"])
            }
            try db.create(table: "iamUser") { t in
                t.column("account", .text).notNull()
                t.column("key", .text).notNull()
                t.column("name", .text).notNull()
                t.column("id", .text).notNull()
                t.column("path", .text).notNull()
                t.column("arn", .text).notNull()
                t.column("createdAt", .double).notNull()
                t.column("tags", .text).notNull()
                t.column("attachedPolicies", .text).notNull()
                t.column("inlinePolicies", .text).notNull()
                t.primaryKey(["account", "key"])
            }
            try db.create(table: "stsSession") { t in
                t.primaryKey("accessKeyId", .text)
                t.column("account", .text).notNull()
                t.column("secretAccessKey", .text).notNull()
                t.column("sessionToken", .text).notNull()
                t.column("roleArn", .text).notNull()
                t.column("roleId", .text).notNull()
                t.column("roleName", .text).notNull()
                t.column("sessionName", .text).notNull()
                t.column("sourceArn", .text).notNull()
                t.column("createdAt", .double).notNull()
                t.column("expiresAt", .double).notNull()
            }
        }

        // CloudWatch Logs: groups, their streams, and every event (keyed by the global
        // ingestion sequence, indexed by stream and timestamp so reading a time range,
        // expiring by retention and deleting a stream touch only their own rows).
        migrator.registerMigration("v1-logs") { db in
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
        }
        return migrator
    }
}
