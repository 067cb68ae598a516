import EmulatorKit
import Foundation

/// One queue and its messages, indexed by state so every operation costs O(log n) however
/// deep the backlog: visible messages in a heap by send order (FIFO: per group, plus a heap
/// of servable groups), hidden ones (in flight or delayed) in a heap by the time they
/// become visible, all of them in a heap by send time for retention, and a dictionary by
/// message ID. Counts per state are kept as they change, so they are O(1).
///
/// Time-driven transitions (a visibility timeout ending, a delay ending, retention expiring)
/// happen in `refresh(now:)`, which every operation calls first.
final class SQSQueue {
    let id: Int64
    let account: String
    let region: String
    let name: String
    let isFIFO: Bool
    /// Settable attributes as SQS returns them (defaults included).
    private(set) var attributes: [String: String]
    private(set) var settings: QueueSettings
    var tags: [String: String]
    let createdAt: Double
    var lastModifiedAt: Double
    var lastPurgeAt: Double?

    /// Every message, by its `seq` (cheaper to hash than the message ID).
    private(set) var messages: [Int64: SQSMessage] = [:]
    private var ready = IndexedHeap<ReadyBySeq>()
    private var groups: [String: MessageGroup] = [:]
    private var readyGroups = IndexedHeap<GroupsByHead>()
    private var hidden = IndexedHeap<HiddenByVisibleAt>()
    private var retention = IndexedHeap<RetentionBySentAt>()
    private(set) var visibleCount = 0
    private(set) var inFlightCount = 0
    private(set) var delayedCount = 0

    /// FIFO deduplication: ID (scoped by group when DeduplicationScope is messageGroup) →
    /// what the first send returned, kept for five minutes.
    private var deduplication: [String: DeduplicationEntry] = [:]
    private var deduplicationOrder: [(key: String, expiresAt: Double)] = []
    private var deduplicationHead = 0

    /// FIFO ReceiveRequestAttemptId → the messages that receive returned.
    var receiveAttempts: [String: ReceiveAttempt] = [:]

    /// Long polls waiting for a message.
    var waiters: [PollWaiter] = []

    init(id: Int64, account: String, region: String, name: String, isFIFO: Bool,
         attributes: [String: String], tags: [String: String], createdAt: Double,
         lastModifiedAt: Double, lastPurgeAt: Double?) {
        self.id = id
        self.account = account
        self.region = region
        self.name = name
        self.isFIFO = isFIFO
        self.attributes = attributes
        self.settings = QueueSettings(attributes: attributes)
        self.tags = tags
        self.createdAt = createdAt
        self.lastModifiedAt = lastModifiedAt
        self.lastPurgeAt = lastPurgeAt
    }

    var arn: String { "arn:aws:sqs:\(region):\(account):\(name)" }

    func url(endpoint: String) -> String {
        var base = endpoint
        while base.hasSuffix("/") { base.removeLast() }
        return "\(base)/\(account)/\(name)"
    }

    func setAttributes(_ attributes: [String: String]) {
        self.attributes = attributes
        self.settings = QueueSettings(attributes: attributes)
    }

    /// The visible message that would be received next (move tasks take it).
    var oldestReceivable: SQSMessage? { isFIFO ? readyGroups.top?.ready.top : ready.top }

    /// When the next hidden message becomes visible (long polls wake then).
    var nextVisibilityChange: Double? { hidden.top?.visibleAt }

    // MARK: Membership

    /// The message a receipt handle names, if it is still in this queue.
    func message(for handle: ReceiptHandle) -> SQSMessage? {
        guard let message = messages[handle.seq], message.messageId == handle.messageId else { return nil }
        return message
    }

    func insert(_ message: SQSMessage, now: Double) {
        messages[message.seq] = message
        retention.insert(message)
        attach(message, now: now)
    }

    func remove(_ message: SQSMessage) {
        guard messages[message.seq] === message else { return }
        detach(message)
        retention.remove(message)
        messages[message.seq] = nil
    }

    /// Forgets every message (PurgeQueue); returns how many there were.
    @discardableResult
    func removeAllMessages() -> Int {
        let count = messages.count
        for message in messages.values { message.stateIndex = -1; message.retentionIndex = -1 }
        messages.removeAll()
        ready.removeAll()
        readyGroups.removeAll()
        groups.removeAll()
        hidden.removeAll()
        retention.removeAll()
        visibleCount = 0
        inFlightCount = 0
        delayedCount = 0
        return count
    }

    /// Re-files a message whose `visibleAt` changed (ChangeMessageVisibility).
    func reschedule(_ message: SQSMessage, visibleAt: Double, now: Double) {
        detach(message)
        message.visibleAt = visibleAt
        attach(message, now: now)
    }

    // MARK: Time

    struct RefreshResult {
        var expired: [SQSMessage] = []
        var deduplicationExpired = false
        var receiveAttemptsPruned = false
    }

    /// Applies what time did since the last call: hidden messages whose time came become
    /// visible; messages older than the retention period are removed (returned, so the
    /// caller deletes them from the store).
    func refresh(now: Double) -> RefreshResult {
        var result = RefreshResult()
        while let top = hidden.top, top.visibleAt <= now {
            detach(top)
            attach(top, now: now)
        }
        let cutoff = now - Double(settings.messageRetentionPeriod)
        while let top = retention.top, top.sentAt <= cutoff {
            remove(top)
            result.expired.append(top)
        }
        result.deduplicationExpired = pruneDeduplication(now: now)
        if receiveAttempts.count > 256 {
            receiveAttempts = receiveAttempts.filter { $0.value.expiresAt > now }
            result.receiveAttemptsPruned = true
        }
        return result
    }

    // MARK: Receiving

    struct Selection {
        var delivered: [SQSMessage] = []
        /// Removed from this queue because they reached maxReceiveCount.
        var redriven: [SQSMessage] = []
    }

    /// Receives up to `maximum` messages: each becomes in flight until now + visibility
    /// timeout with its receive count raised. A message already received `redriveAfter`
    /// times is instead removed and returned in `redriven` (SQS moves it to the dead-letter
    /// queue at the receive that would exceed maxReceiveCount).
    func receive(maximum: Int, now: Double, visibilityTimeout: Int, redriveAfter: Int?) -> Selection {
        var selection = Selection()
        func take(_ message: SQSMessage) {
            // The caller popped it from its ready heap; it is floating until attached again.
            visibleCount -= 1
            if let limit = redriveAfter, message.receiveCount >= limit {
                retention.remove(message)
                messages[message.seq] = nil
                selection.redriven.append(message)
                return
            }
            message.receiveCount += 1
            if message.firstReceiveAt == nil { message.firstReceiveAt = now }
            message.lastReceiveAt = now
            message.visibleAt = now + Double(visibilityTimeout)
            selection.delivered.append(message)
        }
        if isFIFO {
            // As many messages of one group as allowed, in order, then the next group.
            var touched: [MessageGroup] = []
            while selection.delivered.count < maximum, let group = readyGroups.popTop() {
                touched.append(group)
                while selection.delivered.count < maximum, let message = group.ready.popTop() {
                    take(message)
                }
            }
            for message in selection.delivered { attach(message, now: now) }
            for group in touched { reindex(group) }
        } else {
            while selection.delivered.count < maximum, let message = ready.popTop() {
                take(message)
            }
            for message in selection.delivered { attach(message, now: now) }
        }
        return selection
    }

    // MARK: Snapshots

    /// Messages for the state document, oldest first, at most `limit`.
    func messagesForState(limit: Int) -> [SQSMessage] {
        if messages.count <= limit {
            return messages.values.sorted { $0.seq < $1.seq }
        }
        // The oldest `limit` by send order without sorting the whole backlog.
        var heap = OldestMessages(limit: limit)
        for message in messages.values { heap.offer(message) }
        return heap.sorted()
    }

    // MARK: FIFO deduplication

    struct DeduplicationEntry: Sendable {
        var messageId: String
        var sequenceNumber: String?
        var expiresAt: Double
    }

    func deduplicationKey(id: String, groupId: String?) -> String {
        settings.deduplicationScopeIsMessageGroup ? "\(groupId ?? "")\u{0}\(id)" : id
    }

    func duplicate(of key: String, now: Double) -> DeduplicationEntry? {
        guard let entry = deduplication[key], entry.expiresAt > now else { return nil }
        return entry
    }

    func recordDeduplication(key: String, entry: DeduplicationEntry) {
        deduplication[key] = entry
        deduplicationOrder.append((key, entry.expiresAt))
    }

    /// Drops expired IDs (oldest first); true if any went.
    private func pruneDeduplication(now: Double) -> Bool {
        var pruned = false
        while deduplicationHead < deduplicationOrder.count, deduplicationOrder[deduplicationHead].expiresAt <= now {
            let (key, expiresAt) = deduplicationOrder[deduplicationHead]
            if deduplication[key]?.expiresAt == expiresAt { deduplication[key] = nil }
            deduplicationHead += 1
            pruned = true
        }
        if deduplicationHead > 1024, deduplicationHead * 2 > deduplicationOrder.count {
            deduplicationOrder.removeFirst(deduplicationHead)
            deduplicationHead = 0
        }
        return pruned
    }


    // MARK: State indexes

    private func group(for message: SQSMessage) -> MessageGroup {
        let id = message.groupId ?? ""
        if let group = groups[id] { return group }
        let group = MessageGroup(id: id)
        groups[id] = group
        return group
    }

    /// Files a floating message under the state its `visibleAt` and receive count imply.
    private func attach(_ message: SQSMessage, now: Double) {
        let state = message.naturalState(now: now)
        message.state = state
        switch state {
        case .visible:
            visibleCount += 1
            if isFIFO {
                let group = group(for: message)
                group.ready.insert(message)
                reindex(group)
            } else {
                ready.insert(message)
            }
        case .inFlight:
            inFlightCount += 1
            hidden.insert(message)
            if isFIFO {
                let group = group(for: message)
                group.inFlightCount += 1
                reindex(group)
            }
        case .delayed:
            delayedCount += 1
            hidden.insert(message)
            if isFIFO { group(for: message).delayedCount += 1 }
        }
    }

    /// Takes a message out of its state index (it stays in `messages`).
    private func detach(_ message: SQSMessage) {
        let group = isFIFO ? groups[message.groupId ?? ""] : nil
        switch message.state {
        case .visible:
            visibleCount -= 1
            if let group { group.ready.remove(message) } else { ready.remove(message) }
        case .inFlight:
            inFlightCount -= 1
            hidden.remove(message)
            group?.inFlightCount -= 1
        case .delayed:
            delayedCount -= 1
            hidden.remove(message)
            group?.delayedCount -= 1
        }
        if let group { reindex(group) }
    }

    /// Keeps the heap of servable groups in step with a group's contents; drops empty groups.
    private func reindex(_ group: MessageGroup) {
        if group.isEmpty {
            readyGroups.remove(group)
            if groups[group.id] === group { groups[group.id] = nil }
        } else if group.isReady {
            if readyGroups.contains(group) { readyGroups.update(group) } else { readyGroups.insert(group) }
        } else {
            readyGroups.remove(group)
        }
    }

    /// Invariant check for tests: the indexes agree with the messages' states.
    var indexesAreConsistent: Bool {
        let visible = messages.values.filter { $0.state == .visible }.count
        let inFlight = messages.values.filter { $0.state == .inFlight }.count
        let delayed = messages.values.filter { $0.state == .delayed }.count
        let readyTotal = isFIFO ? groups.values.reduce(0) { $0 + $1.ready.count } : ready.count
        return visible == visibleCount && inFlight == inFlightCount && delayed == delayedCount
            && readyTotal == visibleCount && hidden.count == inFlightCount + delayedCount
            && retention.count == messages.count
    }

    var groupCount: Int { groups.count }
}

/// What a FIFO receive with a ReceiveRequestAttemptId returned, so a retry gets the same.
struct ReceiveAttempt {
    var expiresAt: Double
    var messages: [(seq: Int64, receiveCount: Int)]
}

/// Keeps the `limit` oldest messages offered (a bounded max-heap by seq).
struct OldestMessages {
    let limit: Int
    private var nodes: [SQSMessage] = []

    init(limit: Int) { self.limit = limit }

    mutating func offer(_ message: SQSMessage) {
        if nodes.count < limit {
            nodes.append(message)
            var child = nodes.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard nodes[child].seq > nodes[parent].seq else { break }
                nodes.swapAt(child, parent)
                child = parent
            }
        } else if let top = nodes.first, message.seq < top.seq {
            nodes[0] = message
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < nodes.count else { break }
                var best = left
                if left + 1 < nodes.count, nodes[left + 1].seq > nodes[left].seq { best = left + 1 }
                guard nodes[best].seq > nodes[parent].seq else { break }
                nodes.swapAt(best, parent)
                parent = best
            }
        }
    }

    func sorted() -> [SQSMessage] { nodes.sorted { $0.seq < $1.seq } }
}
