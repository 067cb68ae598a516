import EmulatorKit
import Foundation

/// A position between events, written into pagination tokens. It names the gap just after
/// `key`: reading forward returns events whose key is greater, reading backward the events
/// at or before it. One position so serves both directions, which is what lets GetLogEvents
/// hand back its own token unchanged at either end of a stream.
struct EventCursor: Sendable, Equatable {
    var key: EventKey

    enum Direction: String, Sendable {
        case forward = "f"
        case backward = "b"
    }

    /// Just before the event with `key`.
    static func before(_ key: EventKey) -> EventCursor {
        EventCursor(key: EventKey(timestamp: key.timestamp, seq: key.seq - 1))
    }

    /// Just after the event with `key`.
    static func after(_ key: EventKey) -> EventCursor { EventCursor(key: key) }

    /// 56 digits, as AWS's tokens and event ids have: zeros, then the timestamp and the
    /// sequence number as 19 digits each.
    static func digits(_ key: EventKey) -> String {
        func padded(_ value: Int64) -> String {
            let text = String(max(0, value))
            return String(repeating: "0", count: max(0, 19 - text.count)) + text
        }
        return String(repeating: "0", count: 18) + padded(key.timestamp) + padded(key.seq)
    }

    /// `f/…` or `b/…`, the form of GetLogEvents' nextForwardToken and nextBackwardToken.
    func token(_ direction: Direction) -> String {
        "\(direction.rawValue)/\(Self.digits(key))"
    }

    /// Reads a GetLogEvents token (a trailing `/s`, as newer AWS tokens carry, is accepted).
    static func parse(token: String) -> (Direction, EventCursor)? {
        var text = Substring(token)
        if text.hasSuffix("/s") { text = text.dropLast(2) }
        guard text.count == 58, let direction = Direction(rawValue: String(text.prefix(1))),
              text.dropFirst().first == "/"
        else { return nil }
        let digits = text.dropFirst(2)
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.prefix(18).allSatisfy({ $0 == "0" }),
              let timestamp = Int64(digits.dropFirst(18).prefix(19)), let seq = Int64(digits.suffix(19))
        else { return nil }
        return (direction, EventCursor(key: EventKey(timestamp: timestamp, seq: seq)))
    }

    /// FilterLogEvents' opaque nextToken: base64 of `filter:TIMESTAMP:SEQ`.
    var filterToken: String {
        Data("filter:\(key.timestamp):\(key.seq)".utf8).base64EncodedString()
    }

    static func parse(filterToken token: String) -> EventCursor? {
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: ":")
        guard parts.count == 3, parts[0] == "filter", let timestamp = Int64(parts[1]), let seq = Int64(parts[2]) else {
            return nil
        }
        return EventCursor(key: EventKey(timestamp: timestamp, seq: seq))
    }
}
