import EmulatorKit
import GRDB
import JSON

/// A test-only service built the way every service is: a descriptor with its own migration,
/// a store of changes, the kit's input accessor and durable answers, and a capability it
/// needs (the message queues), so the registry builds it after SQS.
actor EchoService: EmulatorService, DurableService {
    nonisolated let name = "echo"
    let store: EchoStore
    var echoed = 0

    init(database: AppDatabase) async throws {
        store = EchoStore(database: database)
        echoed = try await store.load()
        store.recoverByReloading(self)
    }

    static let descriptor = ServiceDescriptor(
        name: "echo",
        migrations: [SchemaMigration("v1-echo") { db in
            try db.create(table: "echoCount") { t in
                t.primaryKey("id", .integer)
                t.column("count", .integer).notNull()
            }
        }],
        requires: [CapabilityKey.messageQueues.name]
    ) { environment in
        precondition(environment.capabilities.resolve(.messageQueues) != nil)
        return try await EchoService(database: environment.database)
    }

    nonisolated var database: AppDatabase { store.database }
    nonisolated func storageFailure(_ message: String) -> AWSError { .internalFailure(message) }

    nonisolated func handle(operation: String, input: JSONValue, context: RequestContext) async throws(AWSError) -> JSONValue {
        let input = ServiceInput(input, style: EchoInputStyle())
        guard operation == "Echo" else { throw AWSError.invalidAction(operation, service: name) }
        return try await answer(try await echo(try input.requiredString("Text")))
    }

    private func echo(_ text: String) -> Outcome {
        echoed += 1
        return Outcome(output: ["Text": .string(text), "Count": .number(Double(echoed))], ticket: store.commit([.count(echoed)]))
    }

    func state() -> JSONValue { ["echoed": .number(Double(echoed))] }
    func reset() async throws {
        echoed = 0
        try await store.commitAndWait([.count(0)])
    }
    func reload() async throws { try await store.reload { echoed = $0 } }
}

struct EchoStore: ServiceStore {
    let database: AppDatabase
    let lane = CommitLane(name: "echo")
    enum Change: Sendable { case count(Int) }

    static func apply(_ change: Change, _ db: Database) throws {
        switch change {
        case .count(let count):
            try db.execute(sql: "INSERT OR REPLACE INTO echoCount (id, count) VALUES (1, ?)", arguments: [count])
        }
    }

    func load() async throws -> Int {
        try await database.read { db in try Int.fetchOne(db, sql: "SELECT count FROM echoCount WHERE id = 1") ?? 0 }
    }
}

struct EchoInputStyle: InputErrorStyle {
    var acceptsText: Bool { false }
    func missing(_ member: String) -> AWSError { .missingParameter(member) }
    func invalid(_ value: JSONValue, member: String, expected: InputKind) -> AWSError {
        .invalidParameterValue("\(member): \(expected.constraint)")
    }
}
