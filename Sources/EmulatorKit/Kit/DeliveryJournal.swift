import Foundation
import JSON
import Synchronization

/// The most recent delivery traces of every service, newest last. Bounded: older traces fall
/// off. A trace can be amended while its deliveries complete (an HTTP retry succeeding later,
/// an email subscription confirmed), by its service and id.
public final class DeliveryJournal: Sendable {
    public let capacity: Int
    private let traces: Mutex<[DeliveryTrace]>

    public init(capacity: Int = 1_000) {
        self.capacity = max(1, capacity)
        self.traces = Mutex([])
    }

    public func record(_ trace: DeliveryTrace) {
        traces.withLock { traces in
            traces.append(trace)
            if traces.count > capacity { traces.removeFirst(traces.count - capacity) }
        }
    }

    /// Changes the newest trace of `service` with this `id`, if it is still kept.
    public func amend(service: String, id: String, _ change: (inout DeliveryTrace) -> Void) {
        traces.withLock { traces in
            guard let index = traces.lastIndex(where: { $0.service == service && $0.id == id }) else { return }
            change(&traces[index])
        }
    }

    public func entries() -> [DeliveryTrace] { traces.withLock { $0 } }

    public func clear() { traces.withLock { $0.removeAll() } }

    public var json: JSONValue { .array(entries().map(\.json)) }
}
