import Foundation
import GRDB

/// Lambda's rows: functions and mappings as JSON documents, packages as blobs by hash.
struct LambdaStore: Sendable {
    let database: AppDatabase

    struct Snapshot: Sendable {
        var functions: [LambdaFunction] = []
        var mappings: [EventSourceMapping] = []
    }

    func load() async throws -> Snapshot {
        try await database.read { db in
            let decoder = JSONDecoder()
            var snapshot = Snapshot()
            for text in try String.fetchAll(db, sql: "SELECT configuration FROM lambdaFunction") {
                snapshot.functions.append(try decoder.decode(LambdaFunction.self, from: Data(text.utf8)))
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

    func save(_ function: LambdaFunction, code: Data?) -> GroupCommitWriter.Ticket {
        let json = Self.json(function)
        return database.commits.enqueue { db in
            if let code {
                try db.execute(sql: "INSERT OR IGNORE INTO lambdaCode (sha256, zip) VALUES (?, ?)", arguments: [function.codeSha256, code])
            }
            try db.execute(sql: "INSERT OR REPLACE INTO lambdaFunction (functionKey, configuration) VALUES (?, ?)",
                           arguments: [function.key, json])
        }
    }

    func delete(function key: String) -> GroupCommitWriter.Ticket {
        database.commits.enqueue { db in
            try db.execute(sql: "DELETE FROM lambdaFunction WHERE functionKey = ?", arguments: [key])
            // Packages no function uses any more go too.
            try db.execute(sql: """
                DELETE FROM lambdaCode WHERE sha256 NOT IN
                (SELECT json_extract(configuration, '$.codeSha256') FROM lambdaFunction)
                """)
        }
    }

    func save(_ mapping: EventSourceMapping) -> GroupCommitWriter.Ticket {
        let json = Self.json(mapping)
        return database.commits.enqueue { db in
            try db.execute(sql: "INSERT OR REPLACE INTO lambdaMapping (uuid, mapping) VALUES (?, ?)", arguments: [mapping.uuid, json])
        }
    }

    func delete(mapping uuid: String) -> GroupCommitWriter.Ticket {
        database.commits.enqueue { db in try db.execute(sql: "DELETE FROM lambdaMapping WHERE uuid = ?", arguments: [uuid]) }
    }

    func deleteEverything() -> GroupCommitWriter.Ticket {
        database.commits.enqueue { db in
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
