import EmulatorKit
import GRDB

/// Failure injection for the failed-write tests (each test target has this copy).
extension AppDatabase {
    enum WriteKind: String { case insert = "INSERT", update = "UPDATE", delete = "DELETE" }

    /// Makes every `kind` of write to `table` fail, as a full disk would (a temporary
    /// trigger on the writer's connection).
    func failWrites(_ kind: WriteKind, on table: String) async throws {
        try await writer.write { db in
            try db.execute(sql: """
                CREATE TEMP TRIGGER injectedFailure BEFORE \(kind.rawValue) ON \(table)
                BEGIN SELECT RAISE(ABORT, 'database or disk is full (injected)'); END
                """)
        }
    }

    func allowWrites() async throws {
        try await writer.write { db in try db.execute(sql: "DROP TRIGGER IF EXISTS temp.injectedFailure") }
    }
}
