import EmulatorKit
import Foundation
import GRDB

/// Lambda's rows: functions and mappings as JSON documents, packages as blobs by hash.
struct LambdaStore: ServiceStore {
    let database: AppDatabase
    let lane = CommitLane(name: "lambda")

    struct Counters: Sendable, Equatable {
        var invocations = 0
        var coldStarts = 0
    }

    struct Snapshot: Sendable {
        var functions: [LambdaFunction] = []
        /// By function key.
        var counters: [String: Counters] = [:]
        var mappings: [EventSourceMapping] = []
    }

    func load() async throws -> Snapshot {
        try await database.read { db in
            let decoder = JSONDecoder()
            var snapshot = Snapshot()
            for row in try Row.fetchAll(db, sql: "SELECT configuration, invocations, coldStarts FROM lambdaFunction") {
                let function = try decoder.decode(LambdaFunction.self, from: Data((row["configuration"] as String).utf8))
                snapshot.functions.append(function)
                snapshot.counters[function.key] = Counters(invocations: row["invocations"], coldStarts: row["coldStarts"])
            }
            for text in try String.fetchAll(db, sql: "SELECT mapping FROM lambdaMapping") {
                snapshot.mappings.append(try decoder.decode(EventSourceMapping.self, from: Data(text.utf8)))
            }
            return snapshot
        }
    }

    func code(sha256: String) async throws -> Data? {
        try await database.read { db in try Data.fetchOne(db, sql: "SELECT zip FROM lambdaCode WHERE sha256 = ?", arguments: [sha256]) }
    }

    /// One row-level change; an operation's changes are applied in order in one write.
    enum Change: Sendable {
        /// A function's configuration, and its package when it is new.
        case saveFunction(key: String, configuration: String, codeSha256: String, code: Data?)
        case deleteFunction(key: String)
        case saveCounters(key: String, Counters)
        case saveMapping(uuid: String, mapping: String)
        case deleteMapping(uuid: String)
        case deleteEverything
    }

    static func save(_ function: LambdaFunction, code: Data?) -> Change {
        .saveFunction(key: function.key, configuration: json(function), codeSha256: function.codeSha256, code: code)
    }

    static func save(_ mapping: EventSourceMapping) -> Change {
        .saveMapping(uuid: mapping.uuid, mapping: json(mapping))
    }

    static func apply(_ change: Change, _ db: Database) throws {
        switch change {
        case let .saveFunction(key, configuration, codeSha256, code):
            if let code {
                try db.execute(sql: "INSERT OR IGNORE INTO lambdaCode (sha256, zip) VALUES (?, ?)", arguments: [codeSha256, code])
            }
            // An upsert, not a replace: the row's counters stay.
            try db.execute(sql: """
                INSERT INTO lambdaFunction (functionKey, configuration) VALUES (?, ?)
                ON CONFLICT(functionKey) DO UPDATE SET configuration = excluded.configuration
                """, arguments: [key, configuration])
        case let .saveCounters(key, counters):
            try db.cachedStatement(sql: "UPDATE lambdaFunction SET invocations = ?, coldStarts = ? WHERE functionKey = ?")
                .execute(arguments: [counters.invocations, counters.coldStarts, key])
        case .deleteFunction(let key):
            try db.execute(sql: "DELETE FROM lambdaFunction WHERE functionKey = ?", arguments: [key])
            // Packages no function uses any more go too.
            try db.execute(sql: """
                DELETE FROM lambdaCode WHERE sha256 NOT IN
                (SELECT json_extract(configuration, '$.codeSha256') FROM lambdaFunction)
                """)
        case let .saveMapping(uuid, mapping):
            try db.execute(sql: "INSERT OR REPLACE INTO lambdaMapping (uuid, mapping) VALUES (?, ?)", arguments: [uuid, mapping])
        case .deleteMapping(let uuid):
            try db.execute(sql: "DELETE FROM lambdaMapping WHERE uuid = ?", arguments: [uuid])
        case .deleteEverything:
            try db.execute(sql: "DELETE FROM lambdaFunction")
            try db.execute(sql: "DELETE FROM lambdaCode")
            try db.execute(sql: "DELETE FROM lambdaMapping")
        }
    }

    private static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
