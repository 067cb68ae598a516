import EmulatorKit
import JSON

/// A PutLogEvents request, checked against AWS's batch rules before the service is entered:
/// 1–10,000 events, at most 1,048,576 bytes (each message's UTF-8 plus 26), in
/// chronological order, spanning at most 24 hours.
struct PutLogEventsRequest: Sendable {
    static let maximumEvents = 10_000
    static let maximumBytes = 1_048_576

    var groupName: String
    var streamName: String
    var events: [(timestamp: Int64, message: String)]

    init(_ input: ServiceInput) throws(AWSError) {
        groupName = try input.requiredString("logGroupName")
        streamName = try input.requiredString("logStreamName")
        guard let entries = try input.objectList("logEvents") else {
            throw LogsErrors.constraint(nil, at: "logEvents", "Member must not be null")
        }
        var validation = LogsValidation()
        validation.groupName(groupName)
        validation.streamName(streamName)
        try validation.check()
        if entries.isEmpty {
            throw LogsErrors.constraint("[]", at: "logEvents", "Member must have length greater than or equal to 1")
        }
        if entries.count > Self.maximumEvents {
            throw LogsErrors.constraint("[…]", at: "logEvents", "Member must have length less than or equal to \(Self.maximumEvents)")
        }
        events = []
        events.reserveCapacity(entries.count)
        var bytes = 0
        for (index, entry) in entries.enumerated() {
            let path = "logEvents.\(index + 1).member"
            guard let timestamp = try entry.int64("timestamp") else {
                throw LogsErrors.constraint(nil, at: "\(path).timestamp", "Member must not be null")
            }
            guard let message = try entry.string("message") else {
                throw LogsErrors.constraint(nil, at: "\(path).message", "Member must not be null")
            }
            if message.isEmpty {
                throw LogsErrors.constraint("", at: "\(path).message", "Member must have length greater than or equal to 1")
            }
            if timestamp < 0 {
                throw LogsErrors.constraint(String(timestamp), at: "\(path).timestamp", "Member must have value greater than or equal to 0")
            }
            bytes += message.utf8.count + LogEvent.batchOverhead
            events.append((timestamp, message))
        }
        if bytes > Self.maximumBytes {
            throw LogsErrors.invalidParameter("Upload too large: \(bytes) bytes exceeds limit of \(Self.maximumBytes)")
        }
        for index in events.indices.dropFirst() where events[index].timestamp < events[index - 1].timestamp {
            throw LogsErrors.invalidParameter("Log events in a single PutLogEvents request must be in chronological order.")
        }
        if let first = events.first, let last = events.last, last.timestamp - first.timestamp > LogsService.day {
            throw LogsErrors.invalidParameter("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.")
        }
    }
}

extension LogsService {
    /// Accepts the events that are neither more than 2 hours in the future nor more than
    /// 14 days old nor past the group's retention; the others are reported by index in
    /// `rejectedLogEventsInfo`, as AWS does (the batch is chronological, so the rejected
    /// old events are a prefix and the new ones a suffix).
    func putLogEvents(_ request: PutLogEventsRequest, _ context: RequestContext) throws(AWSError) -> Outcome {
        let group = try group(named: request.groupName, account: context.account, region: context.region)
        let stream = try stream(named: request.streamName, in: group)
        let now = self.now
        let newest = now + 2 * Self.hour
        let oldest = now - 14 * Self.day
        let retained = group.retentionCutoff(now: now)
        var tooNewStart: Int?, tooOldEnd: Int?, expiredEnd: Int?
        var accepted: [LogEvent] = []
        accepted.reserveCapacity(request.events.count)
        for (index, event) in request.events.enumerated() {
            var rejected = false
            if event.timestamp > newest {
                if tooNewStart == nil { tooNewStart = index }
                rejected = true
            }
            if event.timestamp < oldest {
                tooOldEnd = index
                rejected = true
            }
            if let retained, event.timestamp < retained {
                expiredEnd = index
                rejected = true
            }
            if !rejected {
                accepted.append(LogEvent(seq: nextSeq(), timestamp: event.timestamp, ingestionTime: now, message: event.message))
            }
        }
        var changes: [LogsStore.Change] = []
        touch(stream, in: group, now: now, &changes)
        if !accepted.isEmpty {
            stream.insert(accepted)
            stream.lastIngestionTime = now
            stream.uploadSequence += 1
            changes.append(.saveStream(.init(stream)))
            changes.append(.insertEvents(streamId: stream.id, accepted))
        }
        var output: [String: JSONValue] = ["nextSequenceToken": .string(stream.sequenceToken)]
        var rejected: [String: JSONValue] = [:]
        if let tooNewStart { rejected["tooNewLogEventStartIndex"] = .number(Double(tooNewStart)) }
        if let tooOldEnd { rejected["tooOldLogEventEndIndex"] = .number(Double(tooOldEnd)) }
        if let expiredEnd { rejected["expiredLogEventEndIndex"] = .number(Double(expiredEnd)) }
        if !rejected.isEmpty { output["rejectedLogEventsInfo"] = .object(rejected) }
        return Outcome(output: .object(output), ticket: store.commit(changes))
    }

    /// Writes log lines on behalf of another service (Lambda's START/END/REPORT lines and
    /// function output): creates the group and the stream when missing and appends the
    /// events in timestamp order, without PutLogEvents' size and age checks. Returns once
    /// every read sees them (their disk write follows with the next commit group).
    public func ingest(group groupName: String, stream streamName: String,
                       events: [LogLine], account: String, region: String) async {
        let key = GroupKey(account: account, region: region, name: groupName)
        var changes: [LogsStore.Change] = []
        let now = self.now
        let group: LogGroup
        if let existing = groups[key] {
            group = existing
        } else {
            group = LogGroup(id: nextGroupId, account: account, region: region, name: groupName, creationTime: now)
            nextGroupId += 1
            groups[key] = group
            changes.append(.saveGroup(.init(group)))
        }
        let stream = group.streams[streamName] ?? makeStream(streamName, in: group)
        touch(stream, in: group, now: now, &changes)
        // Stable by timestamp: lines written in the same millisecond keep their order.
        let ordered = events.enumerated()
            .sorted { ($0.element.timestamp, $0.offset) < ($1.element.timestamp, $1.offset) }
            .map { LogEvent(seq: nextSeq(), timestamp: max(0, $0.element.timestamp), ingestionTime: now, message: $0.element.message) }
        if !ordered.isEmpty {
            stream.insert(ordered)
            stream.lastIngestionTime = now
            stream.uploadSequence += 1
        }
        changes.append(.saveStream(.init(stream)))
        if !ordered.isEmpty { changes.append(.insertEvents(streamId: stream.id, ordered)) }
        // Applied in memory (every read sees it) and committed with the next group; not waited
        // for: a function's logs reach CloudWatch after the invocation on AWS too, and its
        // caller should not pay a disk flush for them.
        _ = store.commit(changes)
    }
}
