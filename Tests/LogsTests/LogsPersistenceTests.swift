import Foundation
import GRDB
import JMESPath
import JSON
import Testing
import EmulatorKit
@testable import Logs

@Suite("Logs persistence, ingest and state")
struct LogsPersistenceTests {
    @Test("A new service on the same file resumes exactly; reset forgets; reload re-reads")
    func reopen() async throws {
        let path = temporaryDatabasePath()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let clock = VirtualClock()
        let first = try await LogsHarness.make(path: path, clock: clock)
        try await first.createGroup("g", ["tags": ["team": "a"], "kmsKeyId": "k"])
        try await first.call("PutRetentionPolicy", ["logGroupName": "g", "retentionInDays": 30])
        try await first.createStream("g", "s")
        let now = first.now
        try await first.put("g", "s", [(now - 2, "one"), (now - 1, "two")])
        let token = try #require(try await first.get("g", "s")["nextForwardToken"])
        let before = await first.logs.state()
        try await first.database.close()

        let second = try await LogsHarness.make(path: path, clock: clock)
        #expect(await second.logs.state() == before)
        // Tokens stay valid and sequence numbers keep increasing across the restart.
        try await second.put("g", "s", [(now, "three")])
        #expect(try await second.get("g", "s", ["nextToken": token]).messages == ["three"])
        #expect(try await second.get("g", "s").messages == ["one", "two", "three"])

        try await second.logs.reset()
        #expect(try await second.call("DescribeLogGroups", [:])["logGroups"] == [])
        let rows = try await second.database.read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM logsGroup) + (SELECT COUNT(*) FROM logsStream) + (SELECT COUNT(*) FROM logsEvent)")
        }
        #expect(rows == 0)
        try await second.database.close()
    }

    @Test("reload() drops memory and reads the database again (a restored snapshot)")
    func reload() async throws {
        let h = try await LogsHarness.make()
        try await h.createGroup("kept")
        try await h.database.commits.write { db in
            try db.execute(sql: "DELETE FROM logsGroup")
        }
        #expect(try await h.call("DescribeLogGroups", [:])["logGroups"]?.arrayValue?.count == 1)
        try await h.logs.reload()
        #expect(try await h.call("DescribeLogGroups", [:])["logGroups"] == [])
    }

    @Test("ingest creates the group and stream, keeps line order, and is readable at once")
    func ingest() async throws {
        let h = try await LogsHarness.make()
        let now = h.now
        let stream = "2026/01/01/[$LATEST]abc123"
        await h.logs.ingest(group: "/aws/lambda/orders", stream: stream, events: [
            LogLine(timestamp: now, message: "START RequestId: r1 Version: $LATEST"),
            LogLine(timestamp: now, message: "processed 3"),
            LogLine(timestamp: now - 5, message: "written earlier, sorted first"),
            LogLine(timestamp: now + 1, message: "END RequestId: r1"),
        ], account: "123456789012", region: "us-east-1")
        await h.logs.ingest(group: "/aws/lambda/orders", stream: stream, events: [LogLine(timestamp: now + 2, message: "REPORT RequestId: r1")],
                            account: "123456789012", region: "us-east-1")
        #expect(try await h.get("/aws/lambda/orders", stream).messages == [
            "written earlier, sorted first", "START RequestId: r1 Version: $LATEST", "processed 3",
            "END RequestId: r1", "REPORT RequestId: r1",
        ])
        let state = await h.logs.state()
        let expression = try JMESPathExpression(
            "logGroups[?name=='/aws/lambda/orders'].logStreams[].events[?contains(message, 'processed 3')] | [] | length(@)")
        #expect(try expression.search(state) == 1)
        // Another account's group is its own.
        await h.logs.ingest(group: "/aws/lambda/orders", stream: "s", events: [LogLine(timestamp: now, message: "x")], account: "210987654321", region: "us-east-1")
        #expect(try await h.call("DescribeLogGroups", [:])["logGroups"]?.arrayValue?.count == 1)
    }

    @Test("The state lists groups, streams, counts and the most recent 100 events, oldest first")
    func state() async throws {
        let h = try await LogsHarness.make()
        try await h.createGroup("g", ["tags": ["env": "lab"]])
        try await h.call("PutRetentionPolicy", ["logGroupName": "g", "retentionInDays": 7])
        try await h.createStream("g", "s")
        let now = h.now
        try await h.put("g", "s", (0..<150).map { (now - 150 + Int64($0), "m\($0)") })
        let state = await h.logs.state()
        let group = try #require(state["logGroups"]?.arrayValue?.first)
        #expect(group["name"] == "g")
        #expect(group["arn"] == "arn:aws:logs:us-east-1:123456789012:log-group:g")
        #expect(group["retentionInDays"] == 7)
        #expect(group["tags"] == ["env": "lab"])
        #expect(group["eventCount"] == 150)
        #expect(group["storedBytes"]?.intValue == (0..<150).reduce(0) { $0 + "m\($1)".utf8.count })
        let stream = try #require(group["logStreams"]?.arrayValue?.first)
        #expect(stream["name"] == "s")
        #expect(stream["eventCount"] == 150)
        #expect(stream["firstEventTimestamp"]?.intValue == Int(now - 150))
        #expect(stream["lastEventTimestamp"]?.intValue == Int(now - 1))
        let events = try #require(stream["events"]?.arrayValue)
        #expect(events.count == 100)
        #expect(events.first?["message"] == "m50")
        #expect(events.last?["message"] == "m149")
        #expect(events.first?["timestamp"]?.intValue == Int(now - 100))
    }

    @Test("Reading a page costs the page: 200 pages from a stream of 20,000 events take no time")
    func pagesDoNotScanTheBacklog() async throws {
        let h = try await LogsHarness.make()
        try await h.createGroup("g")
        try await h.createStream("g", "big")
        let base = h.now - 3_600_000
        for batch in 0..<2 {
            try await h.put("g", "big", (0..<10_000).map { (base + Int64(batch * 10_000 + $0), "event \(batch * 10_000 + $0)") })
        }
        let clock = ContinuousClock()
        var token: JSONValue?
        let elapsed = try await clock.measure {
            for _ in 0..<200 {
                var input: [String: JSONValue] = ["limit": 10, "startFromHead": true]
                if let token { input["nextToken"] = token }
                token = try await h.get("g", "big", input)["nextForwardToken"]
            }
        }
        #expect(try await h.get("g", "big", ["limit": 1, "nextToken": token!]).messages == ["event 2000"])
        #expect(elapsed < .seconds(5), "200 pages took \(elapsed)")
    }
}
