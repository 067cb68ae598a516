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
public final class GroupCommitWriter: Sendable {
    public typealias Operation = @Sendable (Database) throws -> Void

    /// Identifies one queued operation; `wait(for:)` returns once it is committed.
    public struct Ticket: Sendable, Hashable {
        let sequence: UInt64
        /// A ticket that is already durable (nothing was written).
        public static let none = Ticket(sequence: 0)
    }

    /// Raised to a waiter whose operation failed even when retried alone.
    public struct WriteFailed: Error, CustomStringConvertible {
        public let description: String
    }

    private struct Waiter {
        let sequence: UInt64
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var pending: [(UInt64, Operation)] = []
        var nextSequence: UInt64 = 1
        var committed: UInt64 = 0
        var flushing = false
        var waiters: [Waiter] = []
        var failures: [UInt64: String] = [:]
        var transactions = 0
        /// Deferred operations, in the order they were queued; no sequence number yet.
        var deferred: [Operation] = []
        var deferredTimerRunning = false
    }

    private let writer: any DatabaseWriter
    private let state = Mutex(State())
    /// Upper bound on operations per transaction, so one commit never holds the writer long.
    private let maximumBatch: Int
    /// How long a deferred write waits for a transaction to ride in before it gets its own.
    private let deferredDelay: Duration

    init(writer: any DatabaseWriter, maximumBatch: Int = 4096, deferredDelay: Duration = .milliseconds(20)) {
        self.writer = writer
        self.maximumBatch = maximumBatch
        self.deferredDelay = deferredDelay
    }

    /// Queues an operation; it runs inside a transaction shared with other queued operations.
    @discardableResult
    public func enqueue(_ operation: @escaping Operation) -> Ticket {
        let (ticket, startFlushing) = state.withLock { state in
            let sequence = state.nextSequence
            state.nextSequence += 1
            state.pending.append((sequence, operation))
            return (Ticket(sequence: sequence), Self.claimFlushLoop(&state))
        }
        if startFlushing { startFlushLoop() }
        return ticket
    }

    /// Queues an operation nobody waits for: it is committed with the next transaction, or
    /// within `deferredDelay` if none comes (so a `kill -9` may lose that much of it). Deferred
    /// operations keep their order among themselves; `drain()` commits them too.
    public func enqueueDeferred(_ operation: @escaping Operation) {
        let startTimer = state.withLock { state in
            state.deferred.append(operation)
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
        for operation in state.deferred {
            state.pending.append((state.nextSequence, operation))
            state.nextSequence += 1
        }
        state.deferred.removeAll(keepingCapacity: true)
    }

    /// Returns once the operation behind `ticket` is committed; throws if it failed.
    public func wait(for ticket: Ticket) async throws {
        if ticket.sequence == 0 { return }
        if let outcome = state.withLock({ Self.outcome(of: ticket.sequence, in: &$0) }) {
            return try outcome.get()
        }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let outcome = state.withLock { state -> Result<Void, any Error>? in
                if let outcome = Self.outcome(of: ticket.sequence, in: &state) { return outcome }
                state.waiters.append(Waiter(sequence: ticket.sequence, continuation: continuation))
                return nil
            }
            if let outcome { continuation.resume(with: outcome) }
        }
    }

    /// Queues and waits: the write is durable when this returns.
    public func write(_ operation: @escaping Operation) async throws {
        try await wait(for: enqueue(operation))
    }

    /// Waits until everything queued so far, deferred writes included, is committed
    /// (failures are ignored).
    public func drain() async {
        commitDeferred()
        let last = state.withLock { Ticket(sequence: $0.nextSequence - 1) }
        try? await wait(for: last)
    }

    /// How many transactions have committed (tests use it to see batching happen).
    public var transactionCount: Int { state.withLock { $0.transactions } }

    private static func outcome(of sequence: UInt64, in state: inout State) -> Result<Void, any Error>? {
        guard state.committed >= sequence else { return nil }
        if let failure = state.failures.removeValue(forKey: sequence) {
            return .failure(WriteFailed(description: failure))
        }
        return .success(())
    }

    private func flushLoop() async {
        while true {
            let batch: [(UInt64, Operation)] = state.withLock { state in
                if state.pending.isEmpty {
                    state.flushing = false
                    return []
                }
                if state.pending.count <= maximumBatch {
                    // Deferred writes ride along: numbered after everything pending, they
                    // keep the committed mark a true "everything up to here".
                    Self.moveDeferredToPending(&state)
                    defer { state.pending.removeAll(keepingCapacity: true) }
                    return state.pending
                }
                let head = Array(state.pending.prefix(maximumBatch))
                state.pending.removeFirst(maximumBatch)
                return head
            }
            guard let last = batch.last?.0 else { return }
            let failures = commit(batch)
            let ready: [(Waiter, Result<Void, any Error>)] = state.withLock { state in
                state.committed = last
                state.transactions += 1
                for (sequence, message) in failures { state.failures[sequence] = message }
                // Failures nobody waits for (fire-and-forget writes) must not pile up.
                if state.failures.count > 10_000 { state.failures.removeAll() }
                var ready: [(Waiter, Result<Void, any Error>)] = []
                var remaining: [Waiter] = []
                remaining.reserveCapacity(state.waiters.count)
                for waiter in state.waiters {
                    if let outcome = Self.outcome(of: waiter.sequence, in: &state) {
                        ready.append((waiter, outcome))
                    } else {
                        remaining.append(waiter)
                    }
                }
                state.waiters = remaining
                return ready
            }
            for (waiter, outcome) in ready { waiter.continuation.resume(with: outcome) }
        }
    }

    /// Writes the batch in one transaction; if that fails, retries each operation in its own
    /// transaction so one bad write cannot take the others down. Returns the failures.
    ///
    /// GRDB's synchronous `write` runs the transaction on this thread when its writer queue is
    /// free, as it nearly always is (every write comes through here). The async form would
    /// hand the transaction to GRDB's queue and come back: two thread wake-ups per commit,
    /// which a lone request (most of a learner's) waits through.
    private func commit(_ batch: [(UInt64, Operation)]) -> [(UInt64, String)] {
        do {
            try writer.write { db in
                for (_, operation) in batch { try operation(db) }
            }
            return []
        } catch {
            var failures: [(UInt64, String)] = []
            for (sequence, operation) in batch {
                do {
                    try writer.write { db in try operation(db) }
                } catch {
                    failures.append((sequence, String(describing: error)))
                }
            }
            return failures
        }
    }
}
