import GRDB

/// One named schema change. Migrations are never edited once landed: a change is a new,
/// later-named migration, so existing database files upgrade in place.
public struct SchemaMigration: Sendable {
    public let name: String
    public let apply: @Sendable (Database) throws -> Void

    public init(_ name: String, apply: @escaping @Sendable (Database) throws -> Void) {
        self.name = name
        self.apply = apply
    }
}

extension AppDatabase {
    /// The emulator's own tables: the virtual clock's offset and the API call log. They come
    /// before every service's migrations.
    static let coreMigrations: [SchemaMigration] = [
        SchemaMigration("v1-core") { db in
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
        },
    ]

    /// The core migrations, then the services' in the order given (the registry's order).
    static func migrator(_ services: [SchemaMigration]) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in coreMigrations + services {
            migrator.registerMigration(migration.name, migrate: migration.apply)
        }
        return migrator
    }
}
