import EmulatorKit
import JSON

/// A GetLogEvents request: one stream, a time range [startTime, endTime), a page size, and
/// either a token or where to start (the head, or by default the tail).
struct GetLogEventsRequest: Sendable {
    var group: GroupReference
    var streamName: String
    var startTime: Int64?
    var endTime: Int64?
    var limit: Int
    var startFromHead: Bool
    var token: (direction: EventCursor.Direction, cursor: EventCursor, text: String)?

    init(_ input: ServiceInput) throws(AWSError) {
        group = try GroupReference(input)
        streamName = try input.requiredString("logStreamName")
        startTime = try input.int64("startTime")
        endTime = try input.int64("endTime")
        let limit = try input.int("limit")
        var validation = LogsValidation()
        validation.streamName(streamName)
        validation.timestamp(startTime, at: "startTime")
        validation.timestamp(endTime, at: "endTime")
        validation.limit(limit, max: 10_000)
        try validation.check()
        self.limit = limit ?? 10_000
        startFromHead = try input.bool("startFromHead") ?? false
        if let text = try input.string("nextToken") {
            guard let parsed = EventCursor.parse(token: text) else { throw LogsErrors.invalidToken() }
            token = (parsed.0, parsed.1, text)
        }
    }
}

extension LogsService {
    /// A response holds at most 1 MB of events (messages plus 26 bytes each), like AWS's.
    static let responseBytes = 1_048_576

    /// Events are returned oldest first either way. The forward token points after the
    /// last event returned, the backward token before the first; at either end of the
    /// stream the token passed in comes back unchanged, which is how callers know to stop.
    func getLogEvents(_ request: GetLogEventsRequest, _ context: RequestContext) throws(AWSError) -> Outcome {
        let group = try group(request.group, context)
        let stream = try stream(named: request.streamName, in: group)
        var changes: [LogsStore.Change] = []
        touch(stream, in: group, now: now, &changes)

        let events = stream.events
        let low = request.startTime.map(stream.index(firstTimestampAtLeast:)) ?? 0
        let high = max(low, request.endTime.map(stream.index(firstTimestampAtLeast:)) ?? events.count)
        let rangeStart = EventCursor(key: EventKey(timestamp: request.startTime ?? 0, seq: 0))

        let forward: Bool
        var start: Int, end: Int
        switch request.token {
        case (.forward, let cursor, _)?:
            forward = true
            start = min(max(stream.index(firstAfter: cursor.key), low), high)
            end = start
        case (.backward, let cursor, _)?:
            forward = false
            end = min(max(stream.index(firstAfter: cursor.key), low), high)
            start = end
        case nil:
            forward = request.startFromHead
            start = forward ? low : high
            end = start
        }
        // Grow the page away from the position, within the limit and the size cap.
        var bytes = 0
        if forward {
            while end < high, end - start < request.limit {
                bytes += events[end].storedBytes + LogEvent.batchOverhead
                if bytes > Self.responseBytes, end > start { break }
                end += 1
            }
        } else {
            while start > low, end - start < request.limit {
                bytes += events[start - 1].storedBytes + LogEvent.batchOverhead
                if bytes > Self.responseBytes, end > start { break }
                start -= 1
            }
        }
        let page = events[start..<end]

        let forwardToken: String, backwardToken: String
        if let first = page.first, let last = page.last {
            forwardToken = EventCursor.after(last.key).token(.forward)
            backwardToken = EventCursor.before(first.key).token(.backward)
        } else {
            let cursor = request.token?.cursor ?? rangeStart
            forwardToken = request.token?.direction == .forward ? request.token!.text : cursor.token(.forward)
            backwardToken = request.token?.direction == .backward ? request.token!.text : cursor.token(.backward)
        }
        let output: JSONValue = [
            "events": .array(page.map { event in
                ["timestamp": .number(Double(event.timestamp)), "message": .string(event.message),
                 "ingestionTime": .number(Double(event.ingestionTime))]
            }),
            "nextForwardToken": .string(forwardToken),
            "nextBackwardToken": .string(backwardToken),
        ]
        return Outcome(output: output, ticket: store.commit(changes))
    }
}
