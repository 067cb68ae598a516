import Foundation
import Synchronization

/// The one clock every timer reads: real time plus an offset that `clock advance` grows.
/// Visibility timeouts, delays, retention, long polls and schedules all use `now`, so
/// advancing it makes them fire as if the time had passed.
public final class VirtualClock: Sendable {
    private let offset: Mutex<TimeInterval>
    private let listeners: Mutex<[UUID: @Sendable () -> Void]>

    public init(offset: TimeInterval = 0) {
        self.offset = Mutex(offset)
        self.listeners = Mutex([:])
    }

    public var now: Date { Date().addingTimeInterval(offsetSeconds) }

    public var offsetSeconds: TimeInterval { offset.withLock { $0 } }

    /// How far ahead of real time the clock may run: 100 years of 365.25 days. Every time a
    /// service derives (epoch milliseconds, expiry times) then stays far inside `Int64`.
    public static let maximumOffset: TimeInterval = 100 * 365.25 * 86_400

    /// An advance that is negative, not finite, or past `maximumOffset` in total.
    public struct OutOfRange: Error, Sendable, CustomStringConvertible {
        public let seconds: TimeInterval
        public let offset: TimeInterval
        public var description: String {
            "the virtual clock moves forward only, by a finite number of seconds, at most 100 years ahead of real time "
                + "in total (it is \(Int(offset)) s ahead; asked to advance \(seconds) s)"
        }
    }

    /// Moves the clock forward and wakes everything waiting on it (long polls re-check).
    public func advance(by seconds: TimeInterval) throws(OutOfRange) {
        let moved = offset.withLock { offset -> Bool in
            guard seconds >= 0, seconds.isFinite, seconds <= Self.maximumOffset - offset else { return false }
            offset += seconds
            return true
        }
        guard moved else { throw OutOfRange(seconds: seconds, offset: offsetSeconds) }
        let callbacks = listeners.withLock { Array($0.values) }
        for callback in callbacks { callback() }
    }

    /// Sets the offset directly (restoring persisted state). An offset outside the clock's range
    /// (written by an older version that did not bound it) is brought back into it, so a bad
    /// value cannot stop the emulator from starting.
    public func restore(offset seconds: TimeInterval) {
        let valid = seconds.isFinite ? min(max(seconds, 0), Self.maximumOffset) : 0
        offset.withLock { $0 = valid }
    }

    /// Called after every `advance`; returns a token for `removeListener`.
    @discardableResult
    public func onAdvance(_ callback: @escaping @Sendable () -> Void) -> UUID {
        let id = UUID()
        listeners.withLock { $0[id] = callback }
        return id
    }

    public func removeListener(_ id: UUID) {
        _ = listeners.withLock { $0.removeValue(forKey: id) }
    }
}
