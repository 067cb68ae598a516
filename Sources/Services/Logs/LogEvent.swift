import EmulatorKit

/// Where an event sits in a stream: by timestamp, then by ingestion order (`seq`, global and
/// increasing), so events with equal timestamps keep the order they arrived in.
struct EventKey: Sendable, Hashable, Comparable {
    var timestamp: Int64
    var seq: Int64

    static func < (lhs: EventKey, rhs: EventKey) -> Bool {
        (lhs.timestamp, lhs.seq) < (rhs.timestamp, rhs.seq)
    }
}

/// One stored log event. `timestamp` is the producer's (epoch ms); `ingestionTime` is when
/// the emulator accepted it, on the virtual clock.
struct LogEvent: Sendable, Equatable {
    var seq: Int64
    var timestamp: Int64
    var ingestionTime: Int64
    var message: String

    var key: EventKey { EventKey(timestamp: timestamp, seq: seq) }

    /// What the event counts towards `storedBytes` (uncompressed, unlike AWS's figure).
    var storedBytes: Int { message.utf8.count }

    /// PutLogEvents counts each event's UTF-8 message plus 26 bytes against the batch limit.
    static let batchOverhead = 26

    /// AWS's event ids are 56 digits; ours encode the key, so they are unique and ordered.
    var eventId: String { EventCursor.digits(key) }
}
