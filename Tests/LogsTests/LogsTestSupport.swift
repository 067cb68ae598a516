import Foundation
import JSON
import Testing
import EmulatorKit
@testable import Logs

/// A Logs service on an in-memory (or file) database with its own virtual clock, and
/// shorthands for calling it the way the wire layer will.
struct LogsHarness {
    let database: AppDatabase
    let clock: VirtualClock
    let logs: LogsService
    var context = RequestContext(account: "123456789012", region: "us-east-1", requestId: "test",
                                 endpoint: "http://localhost:4566")

    static func make(path: String? = nil, clock: VirtualClock = VirtualClock()) async throws -> LogsHarness {
        let database = try AppDatabase.open(path: path, migrations: LogsService.descriptor.migrations)
        return LogsHarness(database: database, clock: clock, logs: try await LogsService(database: database, clock: clock))
    }

    /// The virtual time in epoch milliseconds.
    var now: Int64 { Int64((clock.now.timeIntervalSince1970 * 1000).rounded(.down)) }

    @discardableResult
    func call(_ operation: String, _ input: JSONValue) async throws(AWSError) -> JSONValue {
        try await logs.handle(operation: operation, input: input, context: context)
    }

    /// The error the call fails with (the test fails if it succeeds).
    func error(_ operation: String, _ input: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) async -> AWSError? {
        do {
            let output = try await call(operation, input)
            Issue.record("\(operation) succeeded unexpectedly: \(output)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    func createGroup(_ name: String, _ extra: [String: JSONValue] = [:]) async throws {
        var input: [String: JSONValue] = ["logGroupName": .string(name)]
        input.merge(extra) { _, new in new }
        try await call("CreateLogGroup", .object(input))
    }

    func createStream(_ group: String, _ name: String) async throws {
        try await call("CreateLogStream", ["logGroupName": .string(group), "logStreamName": .string(name)])
    }

    @discardableResult
    func put(_ group: String, _ stream: String, _ events: [(Int64, String)]) async throws -> JSONValue {
        try await call("PutLogEvents", [
            "logGroupName": .string(group), "logStreamName": .string(stream),
            "logEvents": .array(events.map { ["timestamp": .number(Double($0.0)), "message": .string($0.1)] }),
        ])
    }

    func get(_ group: String, _ stream: String, _ extra: [String: JSONValue] = [:]) async throws -> JSONValue {
        var input: [String: JSONValue] = ["logGroupName": .string(group), "logStreamName": .string(stream)]
        input.merge(extra) { _, new in new }
        return try await call("GetLogEvents", .object(input))
    }

    func filter(_ group: String, _ extra: [String: JSONValue] = [:]) async throws -> JSONValue {
        var input: [String: JSONValue] = ["logGroupName": .string(group)]
        input.merge(extra) { _, new in new }
        return try await call("FilterLogEvents", .object(input))
    }
}

extension JSONValue {
    /// The `message` of every event in an output's `events`.
    var messages: [String] { (self["events"]?.arrayValue ?? []).compactMap { $0["message"]?.stringValue } }
}

func temporaryDatabasePath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("handson-tests-\(UUID().uuidString)/state.sqlite").path
}
