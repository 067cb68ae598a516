import Foundation
import JSON
import Testing
import EmulatorKit
@testable import Logs

@Suite("Logs filter patterns")
struct LogsFilterPatternTests {
    static let lines = [
        "ERROR disk full on /dev/sda1",
        "WARN disk almost full",
        "INFO request served in 12 ms",
        "ERROR Out of memory: killed process 42",
        "DEBUG cache miss",
    ]

    func matching(_ pattern: String) throws -> [String] {
        let compiled = try FilterPattern(pattern)
        return Self.lines.filter(compiled.matches)
    }

    @Test func terms() throws {
        #expect(try matching("").count == 5)
        #expect(try matching("ERROR") == [Self.lines[0], Self.lines[3]])
        #expect(try matching("ERROR disk") == [Self.lines[0]])
        #expect(try matching("error").isEmpty)  // case-sensitive
        #expect(try matching(#""Out of memory""#) == [Self.lines[3]])
        #expect(try matching("?WARN ?DEBUG") == [Self.lines[1], Self.lines[4]])
        #expect(try matching("disk -ERROR") == [Self.lines[1]])
        #expect(try matching(#"-"disk" -INFO"#) == [Self.lines[3], Self.lines[4]])
        #expect(try matching("%[0-9]+ ms%") == [Self.lines[2]])
        #expect(throws: AWSError.self) { try FilterPattern(#""unclosed"#) }
    }

    @Test func json() throws {
        let events = [
            #"{"level":"error","latency":250,"user":{"id":"u-1","admin":true},"tags":["a","b"]}"#,
            #"{"level":"info","latency":40,"user":{"id":"u-2","admin":false}}"#,
            #"{"level":"info","latency":120,"user":{"id":"x-3"},"note":null}"#,
            "not json at all",
        ]
        func matching(_ pattern: String) throws -> [Int] {
            let compiled = try FilterPattern(pattern)
            return events.indices.filter { compiled.matches(events[$0]) }
        }
        #expect(try matching(#"{ $.level = "error" }"#) == [0])
        #expect(try matching("{ $.level = info }") == [1, 2])
        #expect(try matching(#"{ $.level != "info" }"#) == [0])
        #expect(try matching("{ $.latency > 100 }") == [0, 2])
        #expect(try matching("{ $.latency <= 40 }") == [1])
        #expect(try matching("{ $.latency = 120 }") == [2])
        #expect(try matching(#"{ $.user.id = "u-*" }"#) == [0, 1])
        #expect(try matching("{ $.user.admin IS TRUE }") == [0])
        #expect(try matching("{ $.user.admin IS FALSE }") == [1])
        #expect(try matching("{ $.note IS NULL }") == [2])
        #expect(try matching("{ $.user.admin NOT EXISTS }") == [2])
        #expect(try matching(#"{ $.tags[1] = "b" }"#) == [0])
        #expect(try matching(#"{ ($.level = "info" && $.latency > 100) || $.user.id = "u-1" }"#) == [0, 2])
        #expect(throws: AWSError.self) { try FilterPattern("{ $.level = }") }
        #expect(throws: AWSError.self) { try FilterPattern("{ level = 1 }") }
    }

    @Test func spaceDelimited() throws {
        let lines = [
            #"127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534"#,
            #"127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326"#,
            #"10.0.0.9 - bob [10/Oct/2000:13:50:35 -0700] "GET /a.html HTTP/1.0" 500 12"#,
        ]
        func matching(_ pattern: String) throws -> [Int] {
            let compiled = try FilterPattern(pattern)
            return lines.indices.filter { compiled.matches(lines[$0]) }
        }
        #expect(try matching("[ip, identity, user, timestamp, request, status_code = 404, bytes]") == [0])
        #expect(try matching("[ip, identity, user, timestamp, request = *html*, status_code, bytes > 1000]") == [0])
        #expect(try matching("[..., status_code = 5*, bytes]") == [2])
        #expect(try matching("[ip = 127.0.0.1, ...]") == [0, 1])
        #expect(try matching("[ip, user]").isEmpty)  // field count must agree without `...`
    }
}

@Suite("Logs FilterLogEvents")
struct LogsFilterTests {
    @Test("Interleaves streams by time, honours stream selection, time range and pattern, and pages")
    func filtering() async throws {
        let h = try await LogsHarness.make()
        try await h.createGroup("g")
        for stream in ["web-1", "web-2", "worker"] { try await h.createStream("g", stream) }
        let base = h.now - 100_000
        try await h.put("g", "web-1", [(base + 1, "ERROR a"), (base + 4, "INFO b"), (base + 7, "ERROR c")])
        try await h.put("g", "web-2", [(base + 2, "INFO d"), (base + 5, "ERROR e")])
        try await h.put("g", "worker", [(base + 3, "ERROR f"), (base + 6, "INFO g")])

        let all = try await h.filter("g")
        #expect(all.messages == ["ERROR a", "INFO d", "ERROR f", "INFO b", "ERROR e", "INFO g", "ERROR c"])
        #expect(all["nextToken"] == nil)
        let first = try #require(all["events"]?.arrayValue?.first)
        #expect(first["logStreamName"] == "web-1")
        #expect(first["eventId"]?.stringValue?.count == 56)
        #expect(try await h.filter("g", ["filterPattern": "ERROR"]).messages == ["ERROR a", "ERROR f", "ERROR e", "ERROR c"])
        #expect(try await h.filter("g", ["logStreamNamePrefix": "web"]).messages == ["ERROR a", "INFO d", "INFO b", "ERROR e", "ERROR c"])
        #expect(try await h.filter("g", ["logStreamNames": ["worker", "web-2"]]).messages == ["INFO d", "ERROR f", "ERROR e", "INFO g"])
        // Both ends of the range are inclusive.
        #expect(try await h.filter("g", ["startTime": .number(Double(base + 3)), "endTime": .number(Double(base + 5))]).messages
            == ["ERROR f", "INFO b", "ERROR e"])

        var pages: [[String]] = []
        var token: JSONValue?
        repeat {
            var input: [String: JSONValue] = ["filterPattern": "ERROR", "limit": 3]
            if let token { input["nextToken"] = token }
            let page = try await h.filter("g", input)
            pages.append(page.messages)
            token = page["nextToken"]
        } while token != nil && pages.count < 10
        #expect(pages.flatMap { $0 } == ["ERROR a", "ERROR f", "ERROR e", "ERROR c"])
        #expect(pages.first == ["ERROR a", "ERROR f", "ERROR e"])

        let both = await h.error("FilterLogEvents", ["logGroupName": "g", "logStreamNames": ["web-1"], "logStreamNamePrefix": "w"])
        #expect(both?.code == "InvalidParameterException")
        let badToken = await h.error("FilterLogEvents", ["logGroupName": "g", "nextToken": "garbage"])
        #expect(badToken?.message == "The specified nextToken is invalid.")
        let missing = await h.error("FilterLogEvents", ["logGroupName": "nope"])
        #expect(missing?.message == "The specified log group does not exist.")
    }
}
