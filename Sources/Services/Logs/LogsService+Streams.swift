import EmulatorKit
import Foundation
import JSON

/// Log streams: create, delete, and describe (by name or by last event time, either way
/// round, with a name prefix and pagination).
extension LogsService {
    func createLogStream(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let groupName = try input.requiredString("logGroupName")
        let name = try input.requiredString("logStreamName")
        if groupName.utf16.count > 512 || name.utf16.count > 512 {
            throw LogsErrors.invalidParameter("Invalid LogGroup or LogStream, both must have length less than or equal to 512.")
        }
        var validation = LogsValidation()
        validation.groupName(groupName)
        validation.streamName(name)
        try validation.check()
        let group = try group(named: groupName, account: context.account, region: context.region)
        guard group.streams[name] == nil else { throw LogsErrors.streamExists() }
        let stream = makeStream(name, in: group)
        return Outcome(output: [:], ticket: store.commit([.saveStream(.init(stream))]))
    }

    func makeStream(_ name: String, in group: LogGroup) -> LogStream {
        let stream = LogStream(id: nextStreamId, groupId: group.id, name: name, creationTime: now)
        nextStreamId += 1
        group.streams[name] = stream
        return stream
    }

    func deleteLogStream(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let groupName = try input.requiredString("logGroupName")
        let name = try input.requiredString("logStreamName")
        var validation = LogsValidation()
        validation.groupName(groupName)
        validation.streamName(name)
        try validation.check()
        let group = try group(named: groupName, account: context.account, region: context.region)
        let stream = try stream(named: name, in: group)
        group.streams[name] = nil
        return Outcome(output: [:], ticket: store.commit([.deleteStream(id: stream.id)]))
    }

    func describeLogStreams(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let prefix = try input.string("logStreamNamePrefix")
        let orderBy = try input.string("orderBy") ?? "LogStreamName"
        let descending = try input.bool("descending") ?? false
        let limit = try input.int("limit")
        var validation = LogsValidation()
        validation.streamName(prefix, at: "logStreamNamePrefix")
        validation.oneOf(orderBy, ["LogStreamName", "LastEventTime"], at: "orderBy")
        validation.limit(limit, max: 50)
        try validation.check()
        if orderBy == "LastEventTime", prefix != nil {
            throw LogsErrors.invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.")
        }
        let group = try group(try GroupReference(input), context)
        let byTime = orderBy == "LastEventTime"
        var after: StreamPosition?
        if let token = try input.string("nextToken") {
            guard let position = StreamPosition(token: token, byTime: byTime) else { throw LogsErrors.invalidToken() }
            after = position
        }
        let now = self.now
        var changes: [LogsStore.Change] = []
        touch(group, now: now, &changes)
        var sorted = group.streams.values
            .filter { stream in prefix.map { stream.name.hasPrefix($0) } ?? true }
            .map { StreamPosition(stream: $0, byTime: byTime) }
            .sorted()
        if descending { sorted.reverse() }
        if let after {
            sorted.removeAll { descending ? !($0 < after) : !(after < $0) }
        }
        let page = sorted.prefix(limit ?? 50)
        var output: [String: JSONValue] = [
            "logStreams": .array(page.compactMap { group.streams[$0.name].map { describe($0, in: group) } }),
        ]
        if page.count < sorted.count, let last = page.last { output["nextToken"] = .string(last.token) }
        return Outcome(output: .object(output), ticket: store.commit(changes))
    }

    /// A stream as DescribeLogStreams shows it. `storedBytes` is always 0 for streams, as AWS
    /// has reported since 2019; event fields appear once the stream has events.
    func describe(_ stream: LogStream, in group: LogGroup) -> JSONValue {
        var fields: [String: JSONValue] = [
            "logStreamName": .string(stream.name),
            "creationTime": .number(Double(stream.creationTime)),
            "arn": .string(group.streamArn(stream)),
            "storedBytes": 0,
        ]
        if let first = stream.firstEventTimestamp { fields["firstEventTimestamp"] = .number(Double(first)) }
        if let last = stream.lastEventTimestamp { fields["lastEventTimestamp"] = .number(Double(last)) }
        if let ingested = stream.lastIngestionTime {
            fields["lastIngestionTime"] = .number(Double(ingested))
            fields["uploadSequenceToken"] = .string(stream.sequenceToken)
        }
        return .object(fields)
    }
}

/// A stream's place in DescribeLogStreams' order, and the token that resumes after it:
/// by name, or by last event time (streams without events first) then name.
struct StreamPosition: Comparable {
    var time: Int64
    var name: String

    init(stream: LogStream, byTime: Bool) {
        time = byTime ? (stream.lastEventTimestamp ?? 0) : 0
        name = stream.name
    }

    static func < (lhs: StreamPosition, rhs: StreamPosition) -> Bool {
        (lhs.time, lhs.name) < (rhs.time, rhs.name)
    }

    /// Stream names cannot contain `:`, so `TIME:NAME` splits at its first colon.
    var token: String { Data("stream:\(time):\(name)".utf8).base64EncodedString() }

    init?(token: String, byTime: Bool) {
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
              text.hasPrefix("stream:")
        else { return nil }
        let rest = text.dropFirst("stream:".count)
        guard let colon = rest.firstIndex(of: ":"), let time = Int64(rest[..<colon]) else { return nil }
        self.time = byTime ? time : 0
        self.name = String(rest[rest.index(after: colon)...])
    }
}
