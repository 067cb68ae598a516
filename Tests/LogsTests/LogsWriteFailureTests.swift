import Foundation
import JSON
import Testing
import EmulatorKit
@testable import Logs

/// A failed write leaves memory, disk and the client in agreement (see SQSWriteFailureTests).
@Suite("Logs failed writes")
struct LogsWriteFailureTests {
    @Test("PutLogEvents: failed inserts leave the stream as it was, and the retry stores the events once")
    func putEvents() async throws {
        let h = try await LogsHarness.make()
        try await h.createGroup("/app")
        try await h.createStream("/app", "web")
        try await h.put("/app", "web", [(h.now, "first")])
        let before = await h.logs.state()
        try await h.database.failWrites(.insert, on: "logsEvent")
        let error = await h.error("PutLogEvents", [
            "logGroupName": "/app", "logStreamName": "web",
            "logEvents": [["timestamp": .number(Double(h.now)), "message": "second"]],
        ])
        #expect(error?.code == "ServiceUnavailableException")
        #expect(await h.logs.state() == before)
        #expect(try await LogsService(database: h.database, clock: h.clock).state() == before)
        try await h.database.allowWrites()
        try await h.put("/app", "web", [(h.now, "second")])
        let messages = try await h.get("/app", "web", ["startFromHead": true])["events"]?.arrayValue?.compactMap { $0["message"]?.stringValue }
        #expect(messages == ["first", "second"])
        #expect(try await LogsService(database: h.database, clock: h.clock).state() == h.logs.state())
    }

    @Test("Events another service ingests (nobody waits for them) are undone too when their write fails")
    func ingest() async throws {
        let h = try await LogsHarness.make()
        try await h.database.failWrites(.insert, on: "logsEvent")
        await h.logs.ingest(group: "/aws/lambda/f", stream: "s", events: [LogLine(timestamp: h.now, message: "lost")],
                            account: h.context.account, region: h.context.region)
        // The reload after the failure runs in the background.
        var groups: [JSONValue] = [ [:] ]
        for _ in 0..<500 where !groups.isEmpty {
            try await Task.sleep(for: .milliseconds(10))
            groups = await h.logs.state()["logGroups"]?.arrayValue ?? []
        }
        #expect(groups.isEmpty)
        #expect(try await LogsService(database: h.database, clock: h.clock).state() == h.logs.state())
    }
}
