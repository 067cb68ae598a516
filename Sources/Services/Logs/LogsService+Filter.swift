import EmulatorKit
import JSON

/// A FilterLogEvents request: which streams (by names or a prefix), a time range
/// [startTime, endTime] (both ends inclusive, unlike GetLogEvents), a pattern, a page.
struct FilterLogEventsRequest: Sendable {
    var group: GroupReference
    var streamNames: Set<String>?
    var streamPrefix: String?
    var startTime: Int64?
    var endTime: Int64?
    var pattern: FilterPattern
    var limit: Int
    var after: EventCursor?

    init(_ input: ServiceInput) throws(AWSError) {
        group = try GroupReference(input)
        let names = try input.stringList("logStreamNames")
        streamPrefix = try input.string("logStreamNamePrefix")
        startTime = try input.int64("startTime")
        endTime = try input.int64("endTime")
        let patternText = try input.string("filterPattern")
        let limit = try input.int("limit")
        var validation = LogsValidation()
        for (index, name) in (names ?? []).enumerated() { validation.streamName(name, at: "logStreamNames.\(index + 1).member") }
        validation.streamName(streamPrefix, at: "logStreamNamePrefix")
        validation.timestamp(startTime, at: "startTime")
        validation.timestamp(endTime, at: "endTime")
        validation.filterPattern(patternText)
        validation.limit(limit, max: 10_000)
        try validation.check()
        if names != nil, streamPrefix != nil {
            throw LogsErrors.invalidParameter("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.")
        }
        if let names, names.isEmpty || names.count > 100 {
            throw LogsErrors.constraint("[…]", at: "logStreamNames",
                                        names.isEmpty ? "Member must have length greater than or equal to 1"
                                                      : "Member must have length less than or equal to 100")
        }
        streamNames = names.map(Set.init)
        pattern = try FilterPattern(patternText)
        self.limit = limit ?? 10_000
        if let token = try input.string("nextToken") {
            guard let cursor = EventCursor.parse(filterToken: token) else { throw LogsErrors.invalidToken() }
            after = cursor
        }
    }
}

extension LogsService {
    /// Events of the chosen streams merged in (timestamp, ingestion) order, each stream
    /// entered by binary search, so a page costs the events it reads. The token resumes
    /// after the last event read; it is only omitted once the streams are exhausted, so a
    /// page may come back short (even empty) with a token, as AWS's can.
    func filterLogEvents(_ request: FilterLogEventsRequest, _ context: RequestContext) throws(AWSError) -> Outcome {
        let group = try group(request.group, context)
        let now = self.now
        var changes: [LogsStore.Change] = []
        let streams = group.streams.values.filter { stream in
            (request.streamNames.map { $0.contains(stream.name) } ?? true)
                && (request.streamPrefix.map { stream.name.hasPrefix($0) } ?? true)
        }
        var cursors = EventMerge()
        for stream in streams {
            touch(stream, in: group, now: now, &changes)
            var start = request.startTime.map(stream.index(firstTimestampAtLeast:)) ?? 0
            if let after = request.after { start = max(start, stream.index(firstAfter: after.key)) }
            let end = request.endTime.map { stream.index(firstTimestampAtLeast: $0 == .max ? $0 : $0 + 1) } ?? stream.events.count
            cursors.add(stream, from: start, to: end)
        }
        var matched: [JSONValue] = []
        var bytes = 0
        var lastRead: EventKey?
        while matched.count < request.limit, bytes <= Self.responseBytes, let next = cursors.next() {
            let (stream, event) = next
            lastRead = event.key
            guard request.pattern.matches(event.message) else { continue }
            bytes += event.storedBytes + LogEvent.batchOverhead
            matched.append([
                "logStreamName": .string(stream.name),
                "timestamp": .number(Double(event.timestamp)),
                "message": .string(event.message),
                "ingestionTime": .number(Double(event.ingestionTime)),
                "eventId": .string(event.eventId),
            ])
        }
        var output: [String: JSONValue] = ["events": .array(matched)]
        if !cursors.isEmpty, let lastRead { output["nextToken"] = .string(EventCursor.after(lastRead).filterToken) }
        return Outcome(output: .object(output), ticket: store.commit(changes))
    }
}

/// A k-way merge of stream ranges by event key, through a small binary heap of cursors.
struct EventMerge {
    private struct Cursor {
        let stream: LogStream
        var index: Int
        let end: Int
        var key: EventKey { stream.events[index].key }
    }

    private var heap: [Cursor] = []

    var isEmpty: Bool { heap.isEmpty }

    mutating func add(_ stream: LogStream, from start: Int, to end: Int) {
        guard start < end else { return }
        heap.append(Cursor(stream: stream, index: start, end: end))
        siftUp(heap.count - 1)
    }

    /// The next event in key order, with its stream.
    mutating func next() -> (LogStream, LogEvent)? {
        guard var top = heap.first else { return nil }
        let result = (top.stream, top.stream.events[top.index])
        top.index += 1
        if top.index < top.end {
            heap[0] = top
        } else {
            heap[0] = heap[heap.count - 1]
            heap.removeLast()
        }
        if !heap.isEmpty { siftDown(0) }
        return result
    }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].key < heap[parent].key else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count, heap[left].key < heap[smallest].key { smallest = left }
            if right < heap.count, heap[right].key < heap[smallest].key { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
