import EmulatorKit
import Foundation
import JSON
import Testing
@testable import Emulator
@testable import Lambda

/// Lambda's part of the failed-write rule, and its counters: kept with the function, so a
/// restart keeps them, a snapshot restore brings back the snapshot's values, and
/// DeleteFunction forgets them.
@Suite("Lambda state on disk")
struct LambdaStateTests {
    /// A zip holding `handler.py` (`def handler(e, c): return e`).
    static let zip = "UEsDBBQAAAAAAIIdhl2XmWIwIAAAACAAAAAKAAAAaGFuZGxlci5weWRlZiBoYW5kbGVyKGUsIGMpOgogICAgcmV0dXJuIGUKUEsBAhQDFAAAAAAAgh2GXZeZYjAgAAAAIAAAAAoAAAAAAAAAAAAAAIABAAAAAGhhbmRsZXIucHlQSwUGAAAAAAEAAQA4AAAASAAAAAAA"
    static let context = RequestContext(account: "123456789012", region: "us-east-1", requestId: "test")

    static func open(_ path: String? = nil) async throws -> (AppDatabase, LambdaService) {
        let database = try AppDatabase.open(path: path, migrations: ServiceRegistry.migrations)
        let lambda = try await LambdaService(database: database, clock: VirtualClock(), queues: nil, permissions: nil, logs: nil)
        return (database, lambda)
    }

    static func create(_ lambda: LambdaService, _ name: String) async throws(AWSError) {
        _ = try await lambda.handle(operation: "CreateFunction", input: [
            "FunctionName": .string(name), "Runtime": "python3.12", "Handler": "handler.handler",
            "Role": "arn:aws:iam::123456789012:role/worker", "Code": ["ZipFile": .string(zip)],
        ], context: context)
    }

    /// Counts as `Invoke` does (running a function needs the HTTP server; the counting is the same).
    static func invoke(_ lambda: LambdaService, _ name: String, cold: Bool) async throws {
        let function = try await lambda.function(named: name, context)
        await lambda.count(function, coldStart: false)
        if cold { await lambda.count(function, coldStart: true) }
    }

    static func counters(_ lambda: LambdaService, _ name: String) async -> [Int?] {
        let function = await lambda.state()["functions"]?.arrayValue?.first { $0["FunctionName"]?.stringValue == name }
        return [function?["invocations"]?.intValue, function?["coldStarts"]?.intValue]
    }

    @Test("CreateFunction: a failed insert leaves no function, and the retry creates it")
    func createFunctionFails() async throws {
        let (database, lambda) = try await Self.open()
        try await database.failWrites(.insert, on: "lambdaFunction")
        await #expect(throws: AWSError.self) { try await Self.create(lambda, "lost") }
        #expect(await lambda.state()["functions"] == [])
        let (_, fresh) = (database, try await LambdaService(database: database, clock: VirtualClock(), queues: nil, permissions: nil, logs: nil))
        #expect(await fresh.state()["functions"] == [])
        try await database.allowWrites()
        try await Self.create(lambda, "lost")
        #expect(await lambda.state()["functions"]?.arrayValue?.count == 1)
    }

    @Test("Invocation counters survive a restart, follow snapshots and go with DeleteFunction")
    func counters() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("handson-lambda-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.sqlite").path
        var (database, lambda) = try await Self.open(path)
        try await Self.create(lambda, "worker")
        try await Self.invoke(lambda, "worker", cold: true)
        try await Self.invoke(lambda, "worker", cold: false)
        #expect(await Self.counters(lambda, "worker") == [2, 1])
        let snapshots = SnapshotStore(database: database)
        try await snapshots.save(name: "two")
        try await Self.invoke(lambda, "worker", cold: false)
        // Updating the code keeps the counts (the row is updated, not replaced).
        _ = try await lambda.handle(operation: "UpdateFunctionConfiguration",
                                    input: ["FunctionName": "worker", "Timeout": 5], context: Self.context)
        #expect(await Self.counters(lambda, "worker") == [3, 1])
        await lambda.shutdown()
        try await database.close()

        (database, lambda) = try await Self.open(path)
        #expect(await Self.counters(lambda, "worker") == [3, 1])
        try await SnapshotStore(database: database).restore(name: "two")
        try await lambda.reload()
        #expect(await Self.counters(lambda, "worker") == [2, 1])

        _ = try await lambda.handle(operation: "DeleteFunction", input: ["FunctionName": "worker"], context: Self.context)
        try await Self.create(lambda, "worker")
        #expect(await Self.counters(lambda, "worker") == [0, 0])
        await lambda.shutdown()
        try await database.close()
        (database, lambda) = try await Self.open(path)
        #expect(await Self.counters(lambda, "worker") == [0, 0])
        await lambda.shutdown()
        try await database.close()
    }

    @Test("Emulator.saveSnapshot fails loudly when a write queued before it failed")
    func snapshotFailsLoudly() async throws {
        let database = try AppDatabase.open(path: nil, migrations: ServiceRegistry.migrations)
        let clock = VirtualClock()
        let emulator = Emulator(configuration: .init(), clock: clock, callLog: try await database.makeCallLog(),
                                services: [], database: database)
        // Still committing when the snapshot drains.
        database.commits.enqueue { db in
            Thread.sleep(forTimeInterval: 0.3)
            try db.execute(sql: "INSERT INTO missing VALUES (1)")
        }
        await #expect(throws: GroupCommitWriter.DrainFailed.self) { try await emulator.saveSnapshot(name: "step") }
        #expect(emulator.snapshots?.names() == [])
        try await emulator.saveSnapshot(name: "step")
        #expect(emulator.snapshots?.names() == ["step"])
    }
}
