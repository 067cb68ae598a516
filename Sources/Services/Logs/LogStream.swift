import EmulatorKit

/// One log stream: its events in key order, so a time range or a token position is found by
/// binary search and reading a page costs the page, whatever the stream's length.
final class LogStream {
    let id: Int64
    let groupId: Int64
    let name: String
    let creationTime: Int64
    var lastIngestionTime: Int64?
    /// Counts accepted PutLogEvents calls; shown as `uploadSequenceToken`.
    var uploadSequence: Int64
    private(set) var events: [LogEvent] = []
    private(set) var storedBytes = 0

    init(id: Int64, groupId: Int64, name: String, creationTime: Int64, lastIngestionTime: Int64? = nil, uploadSequence: Int64 = 0) {
        self.id = id
        self.groupId = groupId
        self.name = name
        self.creationTime = creationTime
        self.lastIngestionTime = lastIngestionTime
        self.uploadSequence = uploadSequence
    }

    var firstEventTimestamp: Int64? { events.first?.timestamp }
    var lastEventTimestamp: Int64? { events.last?.timestamp }

    /// `uploadSequenceToken` / `nextSequenceToken`: 56 digits like AWS's (and, like AWS since
    /// 2023, never checked).
    var sequenceToken: String {
        let digits = String(uploadSequence)
        return String(repeating: "0", count: max(0, 56 - digits.count)) + digits
    }

    /// Adds events already in key order. Producers mostly write forward in time, so this is
    /// usually an append; an older batch is merged in.
    func insert(_ batch: [LogEvent]) {
        guard let first = batch.first else { return }
        for event in batch { storedBytes += event.storedBytes }
        if events.last.map({ $0.key < first.key }) ?? true {
            events.append(contentsOf: batch)
            return
        }
        var merged: [LogEvent] = []
        merged.reserveCapacity(events.count + batch.count)
        var i = events.startIndex, j = batch.startIndex
        while i < events.endIndex, j < batch.endIndex {
            if batch[j].key < events[i].key {
                merged.append(batch[j]); j += 1
            } else {
                merged.append(events[i]); i += 1
            }
        }
        merged.append(contentsOf: events[i...])
        merged.append(contentsOf: batch[j...])
        events = merged
    }

    /// Drops events with a timestamp before `cutoff` (retention); returns how many.
    @discardableResult
    func expire(before cutoff: Int64) -> Int {
        guard let first = events.first, first.timestamp < cutoff else { return 0 }
        let end = index(firstTimestampAtLeast: cutoff)
        for event in events[..<end] { storedBytes -= event.storedBytes }
        events.removeFirst(end)
        return end
    }

    /// The first index whose timestamp is at least `timestamp` (binary search).
    func index(firstTimestampAtLeast timestamp: Int64) -> Int {
        index { $0.timestamp >= timestamp }
    }

    /// The first index whose key is after `key`.
    func index(firstAfter key: EventKey) -> Int {
        index { key < $0.key }
    }

    /// The first index where `isAtOrPast` turns true; events are sorted so it is monotonic.
    private func index(where isAtOrPast: (LogEvent) -> Bool) -> Int {
        var low = 0, high = events.count
        while low < high {
            let middle = (low + high) / 2
            if isAtOrPast(events[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
