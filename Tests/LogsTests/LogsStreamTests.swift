import Foundation
import JSON
import Testing
import EmulatorKit
@testable import Logs

@Suite("Logs streams")
struct LogsStreamTests {
    @Test("Create, describe (event fields once there are events), delete")
    func lifecycle() async throws {
        let h = try await LogsHarness.make()
        try await h.createGroup("g")
        try await h.createStream("g", "s1")
        var stream = try #require(try await h.call("DescribeLogStreams", ["logGroupName": "g"])["logStreams"]?.arrayValue?.first)
        #expect(stream["logStreamName"] == "s1")
        #expect(stream["arn"] == "arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:s1")
        #expect(stream["storedBytes"] == 0)
        #expect(stream["firstEventTimestamp"] == nil && stream["uploadSequenceToken"] == nil)

        let now = h.now
        let put = try await h.put("g", "s1", [(now - 1000, "a"), (now, "b")])
        stream = try #require(try await h.call("DescribeLogStreams", ["logGroupName": "g"])["logStreams"]?.arrayValue?.first)
        #expect(stream["firstEventTimestamp"]?.intValue == Int(now - 1000))
        #expect(stream["lastEventTimestamp"]?.intValue == Int(now))
        #expect(stream["lastIngestionTime"] != nil)
        #expect(stream["uploadSequenceToken"] == put["nextSequenceToken"])
        #expect(put["nextSequenceToken"]?.stringValue?.count == 56)

        let duplicate = await h.error("CreateLogStream", ["logGroupName": "g", "logStreamName": "s1"])
        #expect(duplicate?.code == "ResourceAlreadyExistsException")
        #expect(duplicate?.message == "The specified log stream already exists")
        let noGroup = await h.error("CreateLogStream", ["logGroupName": "nope", "logStreamName": "s"])
        #expect(noGroup?.message == "The specified log group does not exist.")
        let colon = await h.error("CreateLogStream", ["logGroupName": "g", "logStreamName": "a:b"])
        #expect(colon?.message == "1 validation error detected: Value 'a:b' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*")

        try await h.call("DeleteLogStream", ["logGroupName": "g", "logStreamName": "s1"])
        let gone = await h.error("DeleteLogStream", ["logGroupName": "g", "logStreamName": "s1"])
        #expect(gone?.message == "The specified log stream does not exist.")
        let getGone = await h.error("GetLogEvents", ["logGroupName": "g", "logStreamName": "s1"])
        #expect(getGone?.message == "The specified log stream does not exist.")
    }

    @Test("Order by name or last event time, descending, prefix, pages")
    func ordering() async throws {
        let h = try await LogsHarness.make()
        try await h.createGroup("g")
        let now = h.now
        for (name, offset) in [("b", 3), ("a", 1), ("c", 2), ("d", 5), ("e", 4)] {
            try await h.createStream("g", name)
            try await h.put("g", name, [(now - Int64(10 - offset) * 1000, name)])
        }
        try await h.createStream("g", "x-empty")
        func names(_ input: JSONValue) async throws -> [String] {
            try await h.call("DescribeLogStreams", input)["logStreams"]?.arrayValue?.compactMap { $0["logStreamName"]?.stringValue } ?? []
        }
        #expect(try await names(["logGroupName": "g"]) == ["a", "b", "c", "d", "e", "x-empty"])
        #expect(try await names(["logGroupName": "g", "descending": true]) == ["x-empty", "e", "d", "c", "b", "a"])
        #expect(try await names(["logGroupName": "g", "orderBy": "LastEventTime", "descending": true]) == ["d", "e", "b", "c", "a", "x-empty"])
        #expect(try await names(["logGroupName": "g", "logStreamNamePrefix": "x"]) == ["x-empty"])
        let mixed = await h.error("DescribeLogStreams", ["logGroupName": "g", "orderBy": "LastEventTime", "logStreamNamePrefix": "x"])
        #expect(mixed?.message == "Cannot order by LastEventTime with a logStreamNamePrefix.")
        let both = await h.error("DescribeLogStreams", ["logGroupName": "g", "logGroupIdentifier": "g"])
        #expect(both?.code == "ValidationException")
        #expect(both?.message == "LogGroup name and LogGroup ARN are mutually exclusive parameters.")
        #expect(try await names(["logGroupIdentifier": "arn:aws:logs:us-east-1:123456789012:log-group:g:*", "limit": 1]) == ["a"])

        for descending in [false, true] {
            for orderBy in ["LogStreamName", "LastEventTime"] {
                var seen: [String] = []
                var token: JSONValue?
                repeat {
                    var input: [String: JSONValue] = ["logGroupName": "g", "limit": 2, "orderBy": .string(orderBy),
                                                      "descending": .bool(descending)]
                    if let token { input["nextToken"] = token }
                    let page = try await h.call("DescribeLogStreams", .object(input))
                    seen += page["logStreams"]?.arrayValue?.compactMap { $0["logStreamName"]?.stringValue } ?? []
                    token = page["nextToken"]
                } while token != nil && seen.count < 20
                let all = try await names(["logGroupName": "g", "orderBy": .string(orderBy), "descending": .bool(descending)])
                #expect(seen == all, "\(orderBy) descending=\(descending)")
            }
        }
    }
}
