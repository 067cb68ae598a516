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

    /// Moves the clock forward and wakes everything waiting on it (long polls re-check).
    public func advance(by seconds: TimeInterval) {
        precondition(seconds >= 0, "the virtual clock only moves forward")
        offset.withLock { $0 += seconds }
        let callbacks = listeners.withLock { Array($0.values) }
        for callback in callbacks { callback() }
    }

    /// Sets the offset directly (restoring persisted state).
    public func restore(offset seconds: TimeInterval) {
        offset.withLock { $0 = seconds }
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
