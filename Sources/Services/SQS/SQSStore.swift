import EmulatorKit
import Foundation
import GRDB
import JSON

/// SQS's rows in the database and the changes an operation makes to them. The service keeps
/// everything in memory and mirrors each operation's changes here as one group-committed
/// write; at startup it loads the rows back, so a restart resumes exactly.
struct SQSStore: ServiceStore {
    let database: AppDatabase
    let lane = CommitLane(name: "sqs")

    // MARK: Rows

    struct QueueRow: Sendable, Codable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "sqsQueue"
        var id: Int64
        var account: String
        var region: String
        var name: String
        var attributes: String
        var tags: String
        var createdAt: Double
        var lastModifiedAt: Double
        var lastPurgeAt: Double?
    }

    struct MessageRow: Sendable {
        var seq: Int64
        var queueId: Int64
        var messageId: String
        var body: String
        var messageAttributes: String?
        var systemAttributes: String
        var md5OfBody: String
        var md5OfMessageAttributes: String?
        var md5OfMessageSystemAttributes: String?
        var sentAt: Double
        var receiveCount: Int
        var firstReceiveAt: Double?
        var lastReceiveAt: Double?
        var visibleAt: Double
    }

    struct DeduplicationRow: Sendable, Codable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "sqsDedup"
        var queueId: Int64
        var dedupKey: String
        var messageId: String
        var sequenceNumber: String?
        var expiresAt: Double
    }

    struct MoveTaskRow: Sendable, Codable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "sqsMoveTask"
        var taskId: String
        var account: String
        var region: String
        var sourceArn: String
        var destinationArn: String?
        var maxNumberOfMessagesPerSecond: Int?
        var status: String
        var startedAt: Double
        var toMove: Int
        var moved: Int
        var failureReason: String?
    }

    struct DeletedNameRow: Sendable, Codable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "sqsDeletedName"
        var account: String
        var region: String
        var name: String
        var deletedAt: Double
    }

    struct ReceiveAttemptRow: Sendable, Codable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "sqsReceiveAttempt"
        var queueId: Int64
        var attemptId: String
        var expiresAt: Double
        var messages: String
    }

    struct Snapshot: Sendable {
        var queues: [QueueRow] = []
        var messages: [MessageRow] = []
        var deduplication: [DeduplicationRow] = []
        var moveTasks: [MoveTaskRow] = []
        var deletedNames: [DeletedNameRow] = []
        var receiveAttempts: [ReceiveAttemptRow] = []
    }

    // MARK: Changes

    /// One row-level change; an operation's changes are applied in order in one write.
    enum Change: Sendable {
        case saveQueue(QueueRow)
        case deleteQueue(id: Int64)
        case saveMessage(MessageRow)
        case recordReceive(seq: Int64, receiveCount: Int, firstReceiveAt: Double?, lastReceiveAt: Double?, visibleAt: Double)
        case setVisibleAt(seq: Int64, visibleAt: Double)
        case deleteMessage(seq: Int64)
        case deleteMessages(queueId: Int64)
        case saveDeduplication(DeduplicationRow)
        case pruneDeduplication(queueId: Int64, now: Double)
        case saveMoveTask(MoveTaskRow)
        /// Remembers a deleted name for the 60-second rule (and forgets names older than that).
        case recordDeletedName(DeletedNameRow)
        case forgetDeletedName(account: String, region: String, name: String)
        case saveReceiveAttempt(ReceiveAttemptRow)
        case deleteReceiveAttempts(queueId: Int64)
        case pruneReceiveAttempts(queueId: Int64, now: Double)
        case deleteEverything
    }

    static func apply(_ change: Change, _ db: Database) throws {
        switch change {
        case .saveQueue(let row):
            try row.upsert(db)
        case .deleteQueue(let id):
            try db.execute(sql: "DELETE FROM sqsMessage WHERE queueId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM sqsDedup WHERE queueId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM sqsReceiveAttempt WHERE queueId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM sqsQueue WHERE id = ?", arguments: [id])
        case .saveMessage(let row):
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO sqsMessage (seq, queueId, messageId, body, messageAttributes,
                  systemAttributes, md5OfBody, md5OfMessageAttributes, md5OfMessageSystemAttributes,
                  sentAt, receiveCount, firstReceiveAt, lastReceiveAt, visibleAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    row.seq, row.queueId, row.messageId, row.body, row.messageAttributes,
                    row.systemAttributes, row.md5OfBody, row.md5OfMessageAttributes,
                    row.md5OfMessageSystemAttributes, row.sentAt, row.receiveCount,
                    row.firstReceiveAt, row.lastReceiveAt, row.visibleAt,
                ])
        case let .recordReceive(seq, receiveCount, firstReceiveAt, lastReceiveAt, visibleAt):
            try db.cachedStatement(sql: """
                UPDATE sqsMessage SET receiveCount = ?, firstReceiveAt = ?, lastReceiveAt = ?, visibleAt = ?
                WHERE seq = ?
                """).execute(arguments: [receiveCount, firstReceiveAt, lastReceiveAt, visibleAt, seq])
        case let .setVisibleAt(seq, visibleAt):
            try db.cachedStatement(sql: "UPDATE sqsMessage SET visibleAt = ? WHERE seq = ?")
                .execute(arguments: [visibleAt, seq])
        case .deleteMessage(let seq):
            try db.cachedStatement(sql: "DELETE FROM sqsMessage WHERE seq = ?").execute(arguments: [seq])
        case .deleteMessages(let queueId):
            try db.execute(sql: "DELETE FROM sqsMessage WHERE queueId = ?", arguments: [queueId])
        case .saveDeduplication(let row):
            try row.upsert(db)
        case let .pruneDeduplication(queueId, now):
            try db.execute(sql: "DELETE FROM sqsDedup WHERE queueId = ? AND expiresAt <= ?", arguments: [queueId, now])
        case .saveMoveTask(let row):
            try row.upsert(db)
        case .recordDeletedName(let row):
            try db.execute(sql: "DELETE FROM sqsDeletedName WHERE deletedAt <= ?", arguments: [row.deletedAt - 60])
            try row.upsert(db)
        case let .forgetDeletedName(account, region, name):
            try db.execute(sql: "DELETE FROM sqsDeletedName WHERE account = ? AND region = ? AND name = ?",
                           arguments: [account, region, name])
        case .saveReceiveAttempt(let row):
            try row.upsert(db)
        case .deleteReceiveAttempts(let queueId):
            try db.execute(sql: "DELETE FROM sqsReceiveAttempt WHERE queueId = ?", arguments: [queueId])
        case let .pruneReceiveAttempts(queueId, now):
            try db.execute(sql: "DELETE FROM sqsReceiveAttempt WHERE queueId = ? AND expiresAt <= ?", arguments: [queueId, now])
        case .deleteEverything:
            try db.execute(sql: "DELETE FROM sqsDeletedName")
            try db.execute(sql: "DELETE FROM sqsReceiveAttempt")
            try db.execute(sql: "DELETE FROM sqsMessage")
            try db.execute(sql: "DELETE FROM sqsDedup")
            try db.execute(sql: "DELETE FROM sqsMoveTask")
            try db.execute(sql: "DELETE FROM sqsQueue")
        }
    }

    // MARK: Loading

    func load() async throws -> Snapshot {
        try await database.read { db in
            var snapshot = Snapshot()
            snapshot.queues = try QueueRow.fetchAll(db, sql: "SELECT * FROM sqsQueue ORDER BY id")
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM sqsMessage ORDER BY seq")
            while let row = try cursor.next() {
                snapshot.messages.append(MessageRow(
                    seq: row["seq"], queueId: row["queueId"], messageId: row["messageId"], body: row["body"],
                    messageAttributes: row["messageAttributes"], systemAttributes: row["systemAttributes"],
                    md5OfBody: row["md5OfBody"], md5OfMessageAttributes: row["md5OfMessageAttributes"],
                    md5OfMessageSystemAttributes: row["md5OfMessageSystemAttributes"], sentAt: row["sentAt"],
                    receiveCount: row["receiveCount"], firstReceiveAt: row["firstReceiveAt"],
                    lastReceiveAt: row["lastReceiveAt"], visibleAt: row["visibleAt"]))
            }
            snapshot.deduplication = try DeduplicationRow.fetchAll(db, sql: "SELECT * FROM sqsDedup ORDER BY expiresAt")
            snapshot.moveTasks = try MoveTaskRow.fetchAll(db, sql: "SELECT * FROM sqsMoveTask ORDER BY startedAt")
            snapshot.deletedNames = try DeletedNameRow.fetchAll(db, sql: "SELECT * FROM sqsDeletedName")
            snapshot.receiveAttempts = try ReceiveAttemptRow.fetchAll(db, sql: "SELECT * FROM sqsReceiveAttempt")
            return snapshot
        }
    }
}

// MARK: Model ↔ rows

extension SQSStore.QueueRow {
    init(_ queue: SQSQueue) {
        self.init(id: queue.id, account: queue.account, region: queue.region, name: queue.name,
                  attributes: JSONValue.object(queue.attributes.mapValues { .string($0) }).jsonText(),
                  tags: JSONValue.object(queue.tags.mapValues { .string($0) }).jsonText(),
                  createdAt: queue.createdAt, lastModifiedAt: queue.lastModifiedAt, lastPurgeAt: queue.lastPurgeAt)
    }

    static func stringMap(_ text: String) -> [String: String] {
        guard case .object(let members)? = try? JSONValue(jsonString: text) else { return [:] }
        return members.compactMapValues { if case .string(let value) = $0 { value } else { nil } }
    }
}

extension SQSStore.MessageRow {
    /// `messageAttributesJSON` may be passed when already computed (sending).
    init(_ message: SQSMessage, queueId: Int64, messageAttributesJSON: String? = nil) {
        // Built as text directly: this runs for every message sent.
        func quoted(_ text: String) -> String { JSONValue.string(text).jsonText(sortedKeys: false) }
        var system = "{\"senderId\":" + quoted(message.senderId)
        if let groupId = message.groupId { system += ",\"groupId\":" + quoted(groupId) }
        if let id = message.deduplicationId { system += ",\"deduplicationId\":" + quoted(id) }
        if let number = message.sequenceNumber { system += ",\"sequenceNumber\":" + quoted(number) }
        if let arn = message.deadLetterSourceArn { system += ",\"deadLetterSourceArn\":" + quoted(arn) }
        if !message.systemAttributes.isEmpty {
            system += ",\"messageSystemAttributes\":" + MessageAttributeParser.json(message.systemAttributes).jsonText(sortedKeys: false)
        }
        system += "}"
        let attributes = messageAttributesJSON
            ?? (message.messageAttributes.isEmpty ? nil : MessageAttributeParser.json(message.messageAttributes).jsonText(sortedKeys: false))
        self.init(seq: message.seq, queueId: queueId, messageId: message.messageId, body: message.body,
                  messageAttributes: attributes, systemAttributes: system,
                  md5OfBody: message.md5OfBody, md5OfMessageAttributes: message.md5OfMessageAttributes,
                  md5OfMessageSystemAttributes: message.md5OfMessageSystemAttributes, sentAt: message.sentAt,
                  receiveCount: message.receiveCount, firstReceiveAt: message.firstReceiveAt,
                  lastReceiveAt: message.lastReceiveAt, visibleAt: message.visibleAt)
    }

    func makeMessage() -> SQSMessage {
        var system: [String: JSONValue] = [:]
        if case .object(let members)? = try? JSONValue(jsonString: systemAttributes) { system = members }
        func string(_ key: String) -> String? { if case .string(let value)? = system[key] { value } else { nil } }
        let attributes = messageAttributes.flatMap { try? JSONValue(jsonString: $0) }.map(MessageAttributeParser.fromJSON) ?? []
        let systemList = system["messageSystemAttributes"].map(MessageAttributeParser.fromJSON) ?? []
        return SQSMessage(messageId: messageId, seq: seq, body: body, md5OfBody: md5OfBody,
                          messageAttributes: attributes, md5OfMessageAttributes: md5OfMessageAttributes,
                          systemAttributes: systemList, md5OfMessageSystemAttributes: md5OfMessageSystemAttributes,
                          senderId: string("senderId") ?? "", groupId: string("groupId"),
                          deduplicationId: string("deduplicationId"), sequenceNumber: string("sequenceNumber"),
                          sentAt: sentAt, receiveCount: receiveCount, firstReceiveAt: firstReceiveAt,
                          lastReceiveAt: lastReceiveAt, visibleAt: visibleAt,
                          deadLetterSourceArn: string("deadLetterSourceArn"))
    }
}

extension SQSStore.ReceiveAttemptRow {
    init(queueId: Int64, attemptId: String, _ attempt: ReceiveAttempt) {
        let pairs = attempt.messages.map { "[\($0.seq),\($0.receiveCount)]" }.joined(separator: ",")
        self.init(queueId: queueId, attemptId: attemptId, expiresAt: attempt.expiresAt, messages: "[" + pairs + "]")
    }

    func makeAttempt() -> ReceiveAttempt {
        guard case .array(let pairs)? = try? JSONValue(jsonString: messages) else { return ReceiveAttempt(expiresAt: expiresAt, messages: []) }
        let entries = pairs.compactMap { pair -> (seq: Int64, receiveCount: Int)? in
            guard case .array(let values) = pair, values.count == 2,
                  case .number(let seq) = values[0], case .number(let count) = values[1] else { return nil }
            return (Int64(seq), Int(count))
        }
        return ReceiveAttempt(expiresAt: expiresAt, messages: entries)
    }
}
