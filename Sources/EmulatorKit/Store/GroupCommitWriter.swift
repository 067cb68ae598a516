import Foundation
import GRDB
import Synchronization

/// Group commit: mutations from concurrent requests are queued and written together in one
/// SQLite transaction, and each request learns its write is durable only once that
/// transaction has committed. One commit per request would cap the server at a few thousand
/// writes per second; sharing commits lets throughput grow with concurrency.
///
/// Callers enqueue while holding their own lock (so writes commit in the order the state
/// changed), then `wait` for the ticket outside it. Writes nobody waits for and that may lag
/// a little (the call log) are `enqueueDeferred`: they ride in the next transaction, or get
/// one of their own after `deferredDelay`, instead of costing a transaction per request.
///
/// Writes of a `CommitLane` (a service's) are atomic with its memory: after one fails, the
/// lane's later writes are refused until its owner has reloaded from the database (see
/// `CommitLane`). Every failure is reported: to its waiter, to `drain()` and on stderr.
public final class GroupCommitWriter: Sendable {
    public typealias Operation = @Sendable (Database) throws -> Void

    /// Identifies one queued operation; `wait(for:)` returns once it is committed.
    public struct Ticket: Sendable, Hashable {
        let sequence: UInt64
        /// The lane whose recovery a failed waiter waits for.
        let lane: CommitLane?

        init(sequence: UInt64, lane: CommitLane? = nil) {
            self.sequence = sequence
            self.lane = lane
        }

        /// A ticket that is already durable (nothing was written).
        public static let none = Ticket(sequence: 0)

        public static func == (a: Ticket, b: Ticket) -> Bool { a.sequence == b.sequence }
        public func hash(into hasher: inout Hasher) { hasher.combine(sequence) }
    }

    /// Raised to a waiter whose operation failed even when retried alone, or was refused
    /// because an earlier write of its lane had failed.
    public struct WriteFailed: Error, CustomStringConvertible {
        public let description: String
    }

    /// Raised by `drain()` when writes it waited for failed.
    public struct DrainFailed: Error, CustomStringConvertible {
        public let failures: [String]
        public var description: String {
            "\(failures.count) write(s) could not be stored: " + failures.prefix(3).joined(separator: "; ")
        }
    }

    private struct Pending {
        let sequence: UInt64
        let lane: CommitLane?
        let operation: Operation
    }

    private struct Waiter {
        let sequence: UInt64
        /// False for `drain()`, which must not take a failure its owner's waiter will read.
        let consumes: Bool
        let continuation: CheckedContinuation<Void, any Error>
    }

    /// A lane's writes after `from` are refused, up to `through` once its owner has reloaded.
    private struct Block {
        let from: UInt64
        var through: UInt64?
        func refuses(_ sequence: UInt64) -> Bool { sequence > from && through.map { sequence <= $0 } ?? true }
    }

    private struct State {
        var pending: [Pending] = []
        var nextSequence: UInt64 = 1
        var committed: UInt64 = 0
        var flushing = false
        var waiters: [Waiter] = []
        var failures: [UInt64: String] = [:]
        /// The most recent failures in sequence order, for `drain()` (bounded).
        var recentFailures: [(sequence: UInt64, message: String)] = []
        /// The last sequence a `drain` has accounted for: the next one reports from after it.
        var drained: UInt64 = 0
        var blocks: [ObjectIdentifier: Block] = [:]
        var transactions = 0
        /// Deferred operations, in the order they were queued; no sequence number yet.
        var deferred: [(CommitLane?, Operation)] = []
        var deferredTimerRunning = false
    }

    private let writer: any DatabaseWriter
    private let state = Mutex(State())
    /// Upper bound on operations per transaction, so one commit never holds the writer long.
    private let maximumBatch: Int
    /// How long a deferred write waits for a transaction to ride in before it gets its own.
    private let deferredDelay: Duration
    /// Where failures nobody may be waiting for are told (stderr: the server's log).
    private let report: @Sendable (String) -> Void

    init(writer: any DatabaseWriter, maximumBatch: Int = 4096, deferredDelay: Duration = .milliseconds(20),
         report: @escaping @Sendable (String) -> Void = GroupCommitWriter.reportToStandardError) {
        self.writer = writer
        self.maximumBatch = maximumBatch
        self.deferredDelay = deferredDelay
        self.report = report
    }

    public static let reportToStandardError: @Sendable (String) -> Void = { message in
        FileHandle.standardError.write(Data("handson: a write to the database failed: \(message)\n".utf8))
    }

    /// Queues an operation; it runs inside a transaction shared with other queued operations.
    @discardableResult
    public func enqueue(lane: CommitLane? = nil, _ operation: @escaping Operation) -> Ticket {
        let (ticket, startFlushing) = state.withLock { state in
            let sequence = state.nextSequence
            state.nextSequence += 1
            state.pending.append(Pending(sequence: sequence, lane: lane, operation: operation))
            return (Ticket(sequence: sequence, lane: lane), Self.claimFlushLoop(&state))
        }
        if startFlushing { startFlushLoop() }
        return ticket
    }

    /// Queues an operation nobody waits for: it is committed with the next transaction, or
    /// within `deferredDelay` if none comes (so a `kill -9` may lose that much of it). Deferred
    /// operations keep their order among themselves; `drain()` commits them too.
    public func enqueueDeferred(lane: CommitLane? = nil, _ operation: @escaping Operation) {
        let startTimer = state.withLock { state in
            state.deferred.append((lane, operation))
            if state.deferredTimerRunning { return false }
            state.deferredTimerRunning = true
            return true
        }
        guard startTimer else { return }
        Task.detached { [deferredDelay] in
            try? await Task.sleep(for: deferredDelay)
            self.state.withLock { $0.deferredTimerRunning = false }
            self.commitDeferred()
        }
    }

    /// Queues the deferred operations as ordinary ones now; the ticket covers them all.
    @discardableResult
    public func commitDeferred() -> Ticket {
        let (ticket, startFlushing) = state.withLock { state -> (Ticket, Bool) in
            guard !state.deferred.isEmpty else { return (.none, false) }
            Self.moveDeferredToPending(&state)
            return (Ticket(sequence: state.nextSequence - 1), Self.claimFlushLoop(&state))
        }
        if startFlushing { startFlushLoop() }
        return ticket
    }

    /// Reopens `lane` after its owner replaced memory with what the database holds: the
    /// lane's writes queued so far (deferred ones included) were computed on the memory just
    /// dropped and stay refused; later ones run. Call it in the same synchronous step as the
    /// replacement. Nothing happens if the lane is open.
    public func resume(_ lane: CommitLane) {
        let startFlushing = state.withLock { state -> Bool in
            guard var block = state.blocks[ObjectIdentifier(lane)], block.through == nil else { return false }
            let hadDeferred = !state.deferred.isEmpty
            Self.moveDeferredToPending(&state)
            block.through = state.nextSequence - 1
            state.blocks[ObjectIdentifier(lane)] = block
            return hadDeferred && Self.claimFlushLoop(&state)
        }
        if startFlushing { startFlushLoop() }
    }

    /// Whether `lane` refuses its writes, waiting for its owner's reload.
    func isClosed(_ lane: CommitLane) -> Bool {
        state.withLock { state in
            guard let block = state.blocks[ObjectIdentifier(lane)] else { return false }
            return block.through == nil
        }
    }

    /// True for the one caller that must start the flush loop (none is running).
    private static func claimFlushLoop(_ state: inout State) -> Bool {
        if state.flushing { return false }
        state.flushing = true
        return true
    }

    private func startFlushLoop() {
        Task.detached(priority: .high) { await self.flushLoop() }
    }

    private static func moveDeferredToPending(_ state: inout State) {
        for (lane, operation) in state.deferred {
            state.pending.append(Pending(sequence: state.nextSequence, lane: lane, operation: operation))
            state.nextSequence += 1
        }
        state.deferred.removeAll(keepingCapacity: true)
    }

    /// Returns once the operation behind `ticket` is committed; throws if it failed (after
    /// its lane has reloaded, so memory and disk agree when the caller answers).
    public func wait(for ticket: Ticket) async throws {
        do {
            try await committed(ticket.sequence, consuming: true)
        } catch {
            await ticket.lane?.recovered()
            throw error
        }
    }

    private func committed(_ sequence: UInt64, consuming: Bool) async throws {
        if sequence == 0 { return }
        if let outcome = state.withLock({ Self.outcome(of: sequence, consuming: consuming, in: &$0) }) {
            return try outcome.get()
        }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let outcome = state.withLock { state -> Result<Void, any Error>? in
                if let outcome = Self.outcome(of: sequence, consuming: consuming, in: &state) { return outcome }
                state.waiters.append(Waiter(sequence: sequence, consumes: consuming, continuation: continuation))
                return nil
            }
            if let outcome { continuation.resume(with: outcome) }
        }
    }

    /// Queues and waits: the write is durable when this returns.
    public func write(lane: CommitLane? = nil, _ operation: @escaping Operation) async throws {
        try await wait(for: enqueue(lane: lane, operation))
    }

    /// Waits until everything queued so far, deferred writes included, is committed, and
    /// throws `DrainFailed` if any of those writes failed (a snapshot must not pretend it
    /// holds them).
    public func drain() async throws {
        commitDeferred()
        // From the last drain, not from what is still pending: a deferred write whose timer
        // committed (and failed) just before this drain must still be reported.
        let (first, last) = state.withLock { ($0.drained + 1, $0.nextSequence - 1) }
        guard last >= first else { return }
        try? await committed(last, consuming: false)
        let failed = state.withLock { state in
            state.drained = max(state.drained, last)
            return state.recentFailures.filter { (first...last).contains($0.sequence) }.map(\.message)
        }
        if !failed.isEmpty { throw DrainFailed(failures: failed) }
    }

    /// How many transactions have committed (tests use it to see batching happen).
    public var transactionCount: Int { state.withLock { $0.transactions } }

    private static func outcome(of sequence: UInt64, consuming: Bool, in state: inout State) -> Result<Void, any Error>? {
        guard state.committed >= sequence else { return nil }
        let failure = consuming ? state.failures.removeValue(forKey: sequence) : state.failures[sequence]
        if let failure { return .failure(WriteFailed(description: failure)) }
        return .success(())
    }

    private func flushLoop() async {
        while true {
            let (batch, refused): ([Pending], [Pending]) = state.withLock { state in
                if state.pending.isEmpty {
                    state.flushing = false
                    return ([], [])
                }
                var batch: [Pending]
                if state.pending.count <= maximumBatch {
                    // Deferred writes ride along: numbered after everything pending, they
                    // keep the committed mark a true "everything up to here".
                    Self.moveDeferredToPending(&state)
                    batch = state.pending
                    state.pending.removeAll(keepingCapacity: true)
                } else {
                    batch = Array(state.pending.prefix(maximumBatch))
                    state.pending.removeFirst(maximumBatch)
                }
                // Only after a failure: the writes of a closed lane are set aside.
                guard !state.blocks.isEmpty else { return (batch, []) }
                return Self.setAsideRefused(&batch, &state)
            }
            let last = max(batch.last?.sequence ?? 0, refused.last?.sequence ?? 0)
            guard last > 0 else { return }
            var (failures, failedLanes) = batch.isEmpty ? ([], []) : commit(batch)
            let reported = failures
            for pending in refused { failures.append((pending.sequence, Self.refusal(pending.lane))) }
            let (ready, recovering) = state.withLock { state -> ([(Waiter, Result<Void, any Error>)], [CommitLane]) in
                state.committed = last
                if !batch.isEmpty { state.transactions += 1 }
                for (lane, sequence) in failedLanes { state.blocks[ObjectIdentifier(lane)] = Block(from: sequence) }
                for (sequence, message) in failures.sorted(by: { $0.0 < $1.0 }) {
                    state.failures[sequence] = message
                    state.recentFailures.append((sequence, message))
                }
                if state.recentFailures.count > 1000 { state.recentFailures.removeFirst(state.recentFailures.count - 1000) }
                // Failures nobody waits for (fire-and-forget writes) must not pile up.
                if state.failures.count > 10_000 { state.failures.removeAll() }
                // Lanes still waiting for their reload (a reload that failed is tried again).
                var recovering: [CommitLane] = []
                for lane in failedLanes.map(\.0) + refused.compactMap(\.lane)
                where state.blocks[ObjectIdentifier(lane)]?.through == nil && !recovering.contains(where: { $0 === lane }) {
                    recovering.append(lane)
                }
                var ready: [(Waiter, Result<Void, any Error>)] = []
                var remaining: [Waiter] = []
                remaining.reserveCapacity(state.waiters.count)
                for waiter in state.waiters {
                    if let outcome = Self.outcome(of: waiter.sequence, consuming: waiter.consumes, in: &state) {
                        ready.append((waiter, outcome))
                    } else {
                        remaining.append(waiter)
                    }
                }
                state.waiters = remaining
                return (ready, recovering)
            }
            // Recoveries start before the failed waiters resume, so their wait covers them.
            for lane in recovering {
                lane.startRecovery(isClosed: { [weak self, weak lane] in
                    guard let self, let lane else { return false }
                    return self.isClosed(lane)
                }, report: report)
            }
            for (sequence, message) in reported { report("write #\(sequence): \(message)") }
            for (waiter, outcome) in ready { waiter.continuation.resume(with: outcome) }
        }
    }

    private static func refusal(_ lane: CommitLane?) -> String {
        "not stored: an earlier write of \(lane?.name ?? "its lane") failed, and its state is reloaded from the database"
    }

    /// Splits off the writes of closed lanes (refused) and forgets blocks whose reloads
    /// every later write comes after.
    private static func setAsideRefused(_ batch: inout [Pending], _ state: inout State) -> ([Pending], [Pending]) {
        var kept: [Pending] = []
        var refused: [Pending] = []
        kept.reserveCapacity(batch.count)
        for pending in batch {
            guard let lane = pending.lane, let block = state.blocks[ObjectIdentifier(lane)] else {
                kept.append(pending)
                continue
            }
            if block.refuses(pending.sequence) {
                refused.append(pending)
            } else {
                if let through = block.through, pending.sequence > through { state.blocks[ObjectIdentifier(lane)] = nil }
                kept.append(pending)
            }
        }
        return (kept, refused)
    }

    /// Writes the batch in one transaction; if that fails, retries each operation in its own
    /// transaction so one bad write cannot take the others down — except the writes of a
    /// lane after its failed one, which are refused (see `CommitLane`). Returns the failures
    /// and the lanes that failed, with the sequence of their first failure.
    ///
    /// GRDB's synchronous `write` runs the transaction on this thread when its writer queue is
    /// free, as it nearly always is (every write comes through here). The async form would
    /// hand the transaction to GRDB's queue and come back: two thread wake-ups per commit,
    /// which a lone request (most of a learner's) waits through.
    private func commit(_ batch: [Pending]) -> ([(UInt64, String)], [(CommitLane, UInt64)]) {
        do {
            try writer.write { db in
                for pending in batch { try pending.operation(db) }
            }
            return ([], [])
        } catch {
            var failures: [(UInt64, String)] = []
            var failedLanes: [(CommitLane, UInt64)] = []
            for pending in batch {
                if let lane = pending.lane, failedLanes.contains(where: { $0.0 === lane }) {
                    failures.append((pending.sequence, Self.refusal(lane)))
                    continue
                }
                do {
                    try writer.write { db in try pending.operation(db) }
                } catch {
                    failures.append((pending.sequence, String(describing: error)))
                    if let lane = pending.lane { failedLanes.append((lane, pending.sequence)) }
                }
            }
            return (failures, failedLanes)
        }
    }
}
