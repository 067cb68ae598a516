import EmulatorKit
import Foundation
import JSON
import Synchronization

/// Amazon SQS: standard and FIFO queues, visibility timeouts, delays, short and long
/// polling, dead-letter redrive and message move tasks, batches, attributes, tags and
/// permissions — as the real service documents them, on the virtual clock.
///
/// All state lives in this actor, in memory, indexed for constant-cost operations; every
/// change is mirrored to SQLite through the group-commit writer, and a request is answered
/// only once its change is committed. Request parsing, digests and waiting for commits or
/// long polls happen outside the actor, so it only serialises the state changes.
public actor SQSService: EmulatorService, DurableService {
    public nonisolated let name = "sqs"

    let store: SQSStore
    public nonisolated var database: AppDatabase { store.database }
    let clock: VirtualClock

    struct QueueKey: Hashable {
        var account: String
        var region: String
        var name: String
    }

    var queues: [QueueKey: SQSQueue] = [:]
    var nextQueueId: Int64 = 1
    /// Global send order; starts at the wall clock in microseconds so it keeps increasing
    /// across restarts even when every message was deleted.
    var lastSeq: Int64 = 0
    /// Queue names deleted recently (virtual time): SQS refuses to reuse them for 60 s.
    var recentlyDeleted: [QueueKey: Double] = [:]
    var moveTasks: [SQSMoveTask] = []
    /// Queue URL (and caller region) → queue, so the hot path skips parsing the URL.
    var urlCache: [URLCacheKey: SQSQueue] = [:] {
        didSet { if urlCache.isEmpty { lastLookup = nil } }
    }
    var lastLookup: (url: String, region: String, queue: SQSQueue)?
    struct URLCacheKey: Hashable {
        var url: String
        var region: String
    }
    /// The endpoint clients last reached us at, for queue URLs in the state document.
    var stateEndpoint = "http://localhost:4566"

    private nonisolated let clockListener: UUID
    private nonisolated let driver: Task<Void, Never>

    /// Opens the SQS state stored in `database` (empty for a new one).
    public init(database: AppDatabase, clock: VirtualClock) async throws {
        self.store = SQSStore(database: database)
        self.clock = clock
        let snapshot = try await store.load()
        // Wake-ups reach the actor through weak references, so a dropped service stops.
        let box = WeakServiceBox()
        self.clockListener = clock.onAdvance { [box] in
            Task { await box.service?.clockAdvanced() }
        }
        self.driver = Task { [box] in
            while !Task.isCancelled {
                guard let service = box.service else {
                    try? await Task.sleep(for: .milliseconds(50))
                    continue
                }
                let delay = await service.driveMoveTasks()
                try? await Task.sleep(for: .seconds(delay))
            }
        }
        restore(snapshot)
        box.service = self
        store.recoverByReloading(self)
    }

    public nonisolated func storageFailure(_ message: String) -> AWSError { SQSErrors.internalError(message) }

    deinit {
        driver.cancel()
        clock.removeListener(clockListener)
    }

    // MARK: Requests

    public nonisolated func handle(operation: String, input: JSONValue, context: RequestContext) async throws(AWSError) -> JSONValue {
        let input = ServiceInput(input, style: SQSInputStyle())
        let outcome: Outcome
        switch operation {
        case "CreateQueue": outcome = try await createQueue(input, context)
        case "DeleteQueue": outcome = try await deleteQueue(input, context)
        case "GetQueueUrl": outcome = try await getQueueUrl(input, context)
        case "ListQueues": outcome = try await listQueues(input, context)
        case "GetQueueAttributes": outcome = try await getQueueAttributes(input, context)
        case "SetQueueAttributes": outcome = try await setQueueAttributes(input, context)
        case "PurgeQueue": outcome = try await purgeQueue(input, context)
        case "TagQueue": outcome = try await tagQueue(input, context)
        case "UntagQueue": outcome = try await untagQueue(input, context)
        case "ListQueueTags": outcome = try await listQueueTags(input, context)
        case "AddPermission": outcome = try await addPermission(input, context)
        case "RemovePermission": outcome = try await removePermission(input, context)
        case "ListDeadLetterSourceQueues": outcome = try await listDeadLetterSourceQueues(input, context)
        case "SendMessage":
            let prepared = PreparedMessage(input, senderId: context.account)
            outcome = try await sendMessage(queueUrl: try input.requiredString("QueueUrl"), prepared, context)
        case "SendMessageBatch":
            let request = try SendBatchRequest(input, senderId: context.account)
            outcome = try await sendMessageBatch(request, context)
        case "ReceiveMessage":
            return try await receiveMessage(try ReceiveRequest(input), context)
        case "DeleteMessage": outcome = try await deleteMessage(input, context)
        case "DeleteMessageBatch": outcome = try await deleteMessageBatch(input, context)
        case "ChangeMessageVisibility": outcome = try await changeMessageVisibility(input, context)
        case "ChangeMessageVisibilityBatch": outcome = try await changeMessageVisibilityBatch(input, context)
        case "StartMessageMoveTask": outcome = try await startMessageMoveTask(input, context)
        case "ListMessageMoveTasks": outcome = try await listMessageMoveTasks(input, context)
        case "CancelMessageMoveTask": outcome = try await cancelMessageMoveTask(input, context)
        default: throw SQSErrors.invalidAction(operation)
        }
        return try await answer(outcome)
    }

    public func reset() async throws {
        forgetAll()
        try await store.commitAndWait([.deleteEverything])
    }

    public func reload() async throws {
        try await store.reload { snapshot in
            forgetAll()
            restore(snapshot)
        }
    }

    /// Drops every queue from memory; long polls waiting on them return empty.
    private func forgetAll() {
        for queue in queues.values { wakeWaiters(queue) }
        queues.removeAll()
        urlCache.removeAll()
        recentlyDeleted.removeAll()
        moveTasks.removeAll()
    }

    // MARK: Shared helpers

    func noteEndpoint(_ endpoint: String) {
        if stateEndpoint != endpoint { stateEndpoint = endpoint }
    }

    var now: Double { clock.now.timeIntervalSince1970 }

    func nextSeq() -> Int64 {
        lastSeq += 1
        return lastSeq
    }

    /// The queue a URL names. Any host is accepted; the last two path components are the
    /// account and the name. A bare name means the caller's account. The caller's region is
    /// tried first, then any region (URLs carry no region here).
    func queue(url: String, _ context: RequestContext) throws(AWSError) -> SQSQueue {
        noteEndpoint(context.endpoint)
        // Most requests name the queue the previous one named.
        if let last = lastLookup, last.url == url, last.region == context.region { return last.queue }
        let cacheKey = URLCacheKey(url: url, region: context.region)
        if let queue = urlCache[cacheKey] {
            lastLookup = (url, context.region, queue)
            return queue
        }
        let queue = try resolve(url: url, context)
        if urlCache.count > 10_000 { urlCache.removeAll() }
        urlCache[cacheKey] = queue
        lastLookup = (url, context.region, queue)
        return queue
    }

    private func resolve(url: String, _ context: RequestContext) throws(AWSError) -> SQSQueue {
        var path = Substring(url)
        if let schemeEnd = path.range(of: "://") {
            path = path[schemeEnd.upperBound...]
            if let slash = path.firstIndex(of: "/") { path = path[slash...] } else { path = "" }
        }
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<query] }
        let components = path.split(separator: "/").map(String.init)
        guard let name = components.last, !name.isEmpty else { throw SQSErrors.queueDoesNotExist() }
        let account = components.count >= 2 ? components[components.count - 2] : context.account
        if let queue = queues[QueueKey(account: account, region: context.region, name: name)] { return queue }
        if let queue = queues.values.first(where: { $0.account == account && $0.name == name }) { return queue }
        throw SQSErrors.queueDoesNotExist()
    }

    func queue(arn: String) -> SQSQueue? {
        guard let parsed = ARN.queue(arn) else { return nil }
        return queues[QueueKey(account: parsed.account, region: parsed.region, name: parsed.resource)]
    }

    /// Brings a queue up to `now` (visibility and delays ending, retention expiring) and
    /// records the deletions that causes.
    func touch(_ queue: SQSQueue, now: Double, _ changes: inout [SQSStore.Change]) {
        let result = queue.refresh(now: now)
        for message in result.expired { changes.append(.deleteMessage(seq: message.seq)) }
        if result.deduplicationExpired { changes.append(.pruneDeduplication(queueId: queue.id, now: now)) }
        if result.receiveAttemptsPruned { changes.append(.pruneReceiveAttempts(queueId: queue.id, now: now)) }
    }

    func wakeWaiters(_ queue: SQSQueue) {
        guard !queue.waiters.isEmpty else { return }
        let waiters = queue.waiters
        queue.waiters.removeAll()
        for waiter in waiters { waiter.signal() }
    }

    /// The clock jumped: long polls re-check (messages may be visible, waits over) and move
    /// tasks catch up.
    func clockAdvanced() {
        for queue in queues.values { wakeWaiters(queue) }
        var changes: [SQSStore.Change] = []
        advanceMoveTasks(now: now, &changes)
        _ = store.commit(changes)
    }

    func saveQueue(_ queue: SQSQueue) -> SQSStore.Change { .saveQueue(SQSStore.QueueRow(queue)) }

    // MARK: Loading

    private func restore(_ snapshot: SQSStore.Snapshot) {
        let now = self.now
        var byId: [Int64: SQSQueue] = [:]
        for row in snapshot.queues {
            let attributes = SQSStore.QueueRow.stringMap(row.attributes)
            let queue = SQSQueue(id: row.id, account: row.account, region: row.region, name: row.name,
                                 isFIFO: attributes["FifoQueue"] == "true", attributes: attributes,
                                 tags: SQSStore.QueueRow.stringMap(row.tags), createdAt: row.createdAt,
                                 lastModifiedAt: row.lastModifiedAt, lastPurgeAt: row.lastPurgeAt)
            queues[QueueKey(account: row.account, region: row.region, name: row.name)] = queue
            byId[row.id] = queue
            nextQueueId = max(nextQueueId, row.id + 1)
        }
        var maxSeq: Int64 = 0
        for row in snapshot.messages {
            maxSeq = max(maxSeq, row.seq)
            byId[row.queueId]?.insert(row.makeMessage(), now: now)
        }
        for row in snapshot.deduplication {
            byId[row.queueId]?.recordDeduplication(
                key: row.dedupKey,
                entry: .init(messageId: row.messageId, sequenceNumber: row.sequenceNumber, expiresAt: row.expiresAt))
        }
        for row in snapshot.receiveAttempts where row.expiresAt > now {
            byId[row.queueId]?.receiveAttempts[row.attemptId] = row.makeAttempt()
        }
        for row in snapshot.deletedNames where now - row.deletedAt < 60 {
            recentlyDeleted[QueueKey(account: row.account, region: row.region, name: row.name)] = row.deletedAt
        }
        moveTasks = snapshot.moveTasks.map(SQSMoveTask.init(row:))
        lastSeq = max(lastSeq, maxSeq, Int64(Date().timeIntervalSince1970 * 1_000_000))
    }
}

/// Lets the clock listener and the move-task driver reach the service without keeping it alive.
private final class WeakServiceBox: Sendable {
    private struct Reference { weak var service: SQSService? }
    private let reference = Mutex(Reference())

    var service: SQSService? {
        get { reference.withLock { $0.service } }
        set { reference.withLock { $0.service = newValue } }
    }
}
