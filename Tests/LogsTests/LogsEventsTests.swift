import Foundation
import JSON
import Testing
import EmulatorKit
@testable import Logs

@Suite("Logs events")
struct LogsEventsTests {
    @Test("GetLogEvents: oldest first, tail by default, head on request, time range [start, end)")
    func readingOrder() async throws {
        let h = try await LogsHarness.make()
        try await h.createGroup("g")
        try await h.createStream("g", "s")
        let base = h.now - 60_000
        try await h.put("g", "s", (0..<10).map { (base + Int64($0) * 1000, "line \($0)") })
        // Same timestamps as the first batch's last event: kept in arrival order after it.
        try await h.put("g", "s", [(base + 9000, "line 9b")])
        #expect(try await h.get("g", "s").messages == (0..<10).map { "line \($0)" } + ["line 9b"])
        #expect(try await h.get("g", "s", ["limit": 3]).messages == ["line 8", "line 9", "line 9b"])
        #expect(try await h.get("g", "s", ["limit": 3, "startFromHead": true]).messages == ["line 0", "line 1", "line 2"])
        let ranged = try await h.get("g", "s", ["startTime": .number(Double(base + 2000)), "endTime": .number(Double(base + 5000)),
                                               "startFromHead": true])
        #expect(ranged.messages == ["line 2", "line 3", "line 4"])
        let event = try #require(ranged["events"]?.arrayValue?.first)
        #expect(event["timestamp"]?.intValue == Int(base + 2000))
        #expect(event["ingestionTime"] != nil)
    }

    @Test("Forward and backward tokens walk the stream and come back unchanged at its ends")
    func tokens() async throws {
        let h = try await LogsHarness.make()
        try await h.createGroup("g")
        try await h.createStream("g", "s")
        let base = h.now - 60_000
        try await h.put("g", "s", (0..<7).map { (base + Int64($0), "e\($0)") })

        // Forward from the head, 3 at a time.
        var page = try await h.get("g", "s", ["limit": 3, "startFromHead": true])
        var seen = page.messages
        var forward = try #require(page["nextForwardToken"]?.stringValue)
        #expect(forward.hasPrefix("f/"))
        #expect(page["nextBackwardToken"]?.stringValue?.hasPrefix("b/") == true)
        while true {
            page = try await h.get("g", "s", ["limit": 3, "nextToken": .string(forward)])
            let next = try #require(page["nextForwardToken"]?.stringValue)
            if page.messages.isEmpty {
                #expect(next == forward)  // the end: the same token again
                break
            }
            seen += page.messages
            forward = next
        }
        #expect(seen == (0..<7).map { "e\($0)" })

        // New events appear to a caller holding the end token.
        try await h.put("g", "s", [(base + 100, "late")])
        #expect(try await h.get("g", "s", ["nextToken": .string(forward)]).messages == ["late"])

        // Backward from the tail.
        page = try await h.get("g", "s", ["limit": 3])
        #expect(page.messages == ["e5", "e6", "late"])
        var backward = try #require(page["nextBackwardToken"]?.stringValue)
        page = try await h.get("g", "s", ["limit": 3, "nextToken": .string(backward)])
        #expect(page.messages == ["e2", "e3", "e4"])
        // Its forward token points back where the previous page started.
        #expect(try await h.get("g", "s", ["limit": 1, "nextToken": page["nextForwardToken"]!]).messages == ["e5"])
        backward = try #require(page["nextBackwardToken"]?.stringValue)
        page = try await h.get("g", "s", ["limit": 3, "nextToken": .string(backward)])
        #expect(page.messages == ["e0", "e1"])
        backward = try #require(page["nextBackwardToken"]?.stringValue)
        page = try await h.get("g", "s", ["limit": 3, "nextToken": .string(backward)])
        #expect(page.messages.isEmpty)
        #expect(page["nextBackwardToken"]?.stringValue == backward)

        let invalid = await h.error("GetLogEvents", ["logGroupName": "g", "logStreamName": "s", "nextToken": "invalid-token"])
        #expect(invalid?.code == "InvalidParameterException")
        #expect(invalid?.message == "The specified nextToken is invalid.")
        let limit = await h.error("GetLogEvents", ["logGroupName": "g", "logStreamName": "s", "limit": 10001])
        #expect(limit?.message == "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000")
    }

    @Test("An empty stream answers with tokens that later find new events")
    func emptyStream() async throws {
        let h = try await LogsHarness.make()
        try await h.createGroup("g")
        try await h.createStream("g", "s")
        let empty = try await h.get("g", "s")
        #expect(empty.messages.isEmpty)
        let forward = try #require(empty["nextForwardToken"])
        try await h.put("g", "s", [(h.now, "first")])
        #expect(try await h.get("g", "s", ["nextToken": forward]).messages == ["first"])
    }

    @Test("PutLogEvents enforces order, span, size and count, and names missing groups and streams")
    func batchRules() async throws {
        let h = try await LogsHarness.make()
        try await h.createGroup("g")
        try await h.createStream("g", "s")
        let now = h.now
        func error(_ events: [(Int64, String)], group: String = "g", stream: String = "s") async -> AWSError? {
            do {
                try await h.put(group, stream, events)
                Issue.record("PutLogEvents succeeded")
                return nil
            } catch { return error as? AWSError }
        }
        #expect(await error([(now, "b"), (now - 1, "a")])?.message
            == "Log events in a single PutLogEvents request must be in chronological order.")
        #expect(await error([(now - 25 * 3_600_000, "a"), (now, "b")])?.message
            == "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.")
        #expect(await error([(now, String(repeating: "x", count: 1_048_576))])?.message
            == "Upload too large: 1048602 bytes exceeds limit of 1048576")
        #expect(await error(Array(repeating: (now, "x"), count: 10_001))?.message
            == "1 validation error detected: Value '[…]' at 'logEvents' failed to satisfy constraint: Member must have length less than or equal to 10000")
        #expect(await error([])?.message
            == "1 validation error detected: Value '[]' at 'logEvents' failed to satisfy constraint: Member must have length greater than or equal to 1")
        #expect(await error([(now, "")])?.message
            == "1 validation error detected: Value '' at 'logEvents.1.member.message' failed to satisfy constraint: Member must have length greater than or equal to 1")
        #expect(await error([(now, "a")], stream: "nope")?.message == "The specified log stream does not exist.")
        #expect(await error([(now, "a")], group: "nope")?.message == "The specified log group does not exist.")
        // 10,000 events and ~1 MB are fine.
        try await h.put("g", "s", Array(repeating: (now, "x"), count: 10_000))
    }

    @Test("Events too new, too old or past retention are rejected by index; the rest are stored")
    func rejectedEvents() async throws {
        let h = try await LogsHarness.make()
        try await h.createGroup("g")
        try await h.createStream("g", "s")
        try await h.call("PutRetentionPolicy", ["logGroupName": "g", "retentionInDays": 1])
        let now = h.now
        let hour: Int64 = 3_600_000
        let result = try await h.put("g", "s", [
            (now - 20 * hour, "ok old"), (now, "ok now"), (now + 3 * hour, "too new 1"), (now + 4 * hour, "too new 2"),
        ])
        #expect(result["rejectedLogEventsInfo"] == ["tooNewLogEventStartIndex": 2])
        #expect(try await h.get("g", "s").messages == ["ok old", "ok now"])

        // A batch spans at most 24 hours, so old and fine events meet only near the edge.
        let expired = try await h.put("g", "s", [(now - 24 * hour - 30 * 60_000, "expired 1"), (now - 24 * hour - 60_000, "expired 2"), (now - hour, "fine")])
        #expect(expired["rejectedLogEventsInfo"] == ["expiredLogEventEndIndex": 1])
        let ancient = try await h.put("g", "s", [(now - 15 * 24 * hour, "ancient")])
        #expect(ancient["rejectedLogEventsInfo"] == ["tooOldLogEventEndIndex": 0, "expiredLogEventEndIndex": 0])
        #expect(try await h.get("g", "s").messages == ["ok old", "fine", "ok now"])
    }

    @Test("Retention runs on the virtual clock: old events disappear from every read")
    func retentionOnTheClock() async throws {
        let h = try await LogsHarness.make()
        try await h.createGroup("g")
        try await h.createStream("g", "s")
        let now = h.now
        try await h.put("g", "s", [(now - 3_600_000, "older"), (now, "newer")])
        try await h.call("PutRetentionPolicy", ["logGroupName": "g", "retentionInDays": 1])
        #expect(try await h.get("g", "s").messages == ["older", "newer"])
        try h.clock.advance(by: 86_400 - 1_800)  // 23.5 h: the older event is now past one day
        #expect(try await h.get("g", "s").messages == ["newer"])
        #expect(try await h.filter("g").messages == ["newer"])
        try h.clock.advance(by: 2 * 86_400)
        #expect(try await h.get("g", "s").messages.isEmpty)
        let stream = try #require(try await h.call("DescribeLogStreams", ["logGroupName": "g"])["logStreams"]?.arrayValue?.first)
        #expect(stream["firstEventTimestamp"] == nil)
        #expect(try await h.call("DescribeLogGroups", [:])["logGroups"]?.arrayValue?.first?["storedBytes"] == 0)
        let stored = try await h.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM logsEvent") }
        #expect(stored == 0)
    }
}
