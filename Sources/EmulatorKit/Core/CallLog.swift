import Foundation
import JSON
import Synchronization

/// A CloudTrail-like record of every API call: time, service, operation, parameters, outcome.
/// Part of the state, so a lab can check that the learner *called* something.
public final class CallLog: Sendable {
    public struct Entry: Sendable, Hashable {
        public var time: Date
        public var service: String
        public var operation: String
        public var parameters: JSONValue
        /// "ok", or the error code the client received.
        public var outcome: String
        public var requestId: String
        public var region: String

        public init(time: Date, service: String, operation: String, parameters: JSONValue, outcome: String, requestId: String, region: String) {
            self.time = time
            self.service = service
            self.operation = operation
            self.parameters = parameters
            self.outcome = outcome
            self.requestId = requestId
            self.region = region
        }

        public var json: JSONValue {
            .object([
                "time": .string(ISO8601.string(time)),
                "service": .string(service),
                "operation": .string(operation),
                "parameters": parameters,
                "outcome": .string(outcome),
                "requestId": .string(requestId),
                "region": .string(region),
            ])
        }
    }

    /// Keeps the most recent calls; older ones fall off so memory stays bounded under load.
    public let capacity: Int
    private let storage: Mutex<[Entry]>
    private let persist: (@Sendable (Entry) -> @Sendable () -> Void)?
    private let onClear: (@Sendable () -> Void)?

    /// `sink` receives every entry (e.g. to persist it).
    public convenience init(capacity: Int = 10_000, initial: [Entry] = [], sink: (@Sendable (Entry) -> Void)? = nil) {
        var persist: (@Sendable (Entry) -> @Sendable () -> Void)?
        if let sink {
            persist = { entry in { sink(entry) } }
        }
        self.init(capacity: capacity, initial: initial, persist: persist, onClear: nil)
    }

    /// `persist` prepares an entry for storage (outside the log's lock: serialising costs)
    /// and returns the step that queues it, which runs under the lock, so the order of the
    /// queued writes is the order of the entries and `replace(with:then:)` falls between
    /// two entries, never inside one. `onClear` runs in `clear()`, also under the lock.
    public init(capacity: Int, initial: [Entry], persist: (@Sendable (Entry) -> @Sendable () -> Void)?,
                onClear: (@Sendable () -> Void)?) {
        self.capacity = capacity
        self.storage = Mutex(Array(initial.suffix(capacity)))
        self.persist = persist
        self.onClear = onClear
    }

    /// Records a call, its long values summarized (`maximumValueBytes`).
    public func record(_ entry: Entry) {
        var entry = entry
        if let summary = Self.summarized(entry.parameters) { entry.parameters = summary }
        let queue = persist?(entry)
        storage.withLock { entries in
            entries.append(entry)
            // Trim in chunks so the cost per call stays constant once the log is full.
            if entries.count > capacity + capacity / 4 { entries.removeFirst(entries.count - capacity) }
            queue?()
        }
    }

    public func entries() -> [Entry] { storage.withLock { Array($0.suffix(capacity)) } }

    /// Replaces the kept entries without recording them again (a restored snapshot's log, or
    /// the stored log after a failed write); `then` runs in the same locked step.
    public func replace(with entries: [Entry], then: () -> Void = {}) {
        storage.withLock {
            $0 = Array(entries.suffix(capacity))
            then()
        }
    }

    public func clear() {
        storage.withLock {
            $0.removeAll()
            onClear?()
        }
    }
}
