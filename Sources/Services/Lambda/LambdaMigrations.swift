import EmulatorKit
import GRDB

/// This service's schema as named migrations. One is never edited once it has landed: a
/// change is a new, later-named migration appended here, so existing databases upgrade.
enum LambdaMigrations {
    /// Lambda: function configurations, their deployment packages (so snapshots and
    /// restarts keep the code), and event source mappings. Configurations are JSON.
    static let all: [SchemaMigration] = [
        SchemaMigration("v1-lambda") { db in
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
        },
        /// The invocation and cold-start counters lab checks read, kept with the function
        /// (deleting it forgets them; snapshots and restarts keep them).
        SchemaMigration("v2-lambda-counters") { db in
            try db.alter(table: "lambdaFunction") { t in
                t.add(column: "invocations", .integer).notNull().defaults(to: 0)
                t.add(column: "coldStarts", .integer).notNull().defaults(to: 0)
            }
        },
    ]
}
