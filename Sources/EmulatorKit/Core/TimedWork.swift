import Foundation
import Synchronization

/// Work a service must do at virtual times: a schedule's next occurrence, an instance
/// finishing `pending`, a delivery retry. The `ClockDriver` runs it as real time passes and
/// at once when the clock is advanced.
public protocol TimedWork: Sendable {
    /// The earliest virtual time something is due; nil when nothing is.
    func nextDue() async -> Date?
    /// Runs everything due at or before `now`, in time order, each occurrence once (an
    /// hourly schedule advanced by three hours fires three times, each with its own time).
    /// May be called again for the same `now`; what already ran must not run twice.
    func runDue(until now: Date) async
}

/// Drives one `TimedWork` on the virtual clock: sleeps until its next due time (or a minute,
/// or until woken), then runs what is due. `clock advance` wakes every driver; a service
/// calls `wake()` when it adds work due sooner than what it had.
public final class ClockDriver: Sendable {
    private let clock: VirtualClock
    private let work: any TimedWork
    private let signal = WakeSignal()
    private let loop = Mutex<Task<Void, Never>?>(nil)
    private let listener = Mutex<UUID?>(nil)

    public init(clock: VirtualClock, work: any TimedWork) {
        self.clock = clock
        self.work = work
    }

    public func start() {
        let id = clock.onAdvance { [signal] in signal.fire() }
        listener.withLock { $0 = id }
        let task = Task { [clock, work, signal] in
            while !Task.isCancelled {
                let now = clock.now
                if let due = await work.nextDue(), due <= now {
                    await work.runDue(until: now)
                    continue
                }
                let wait = await work.nextDue().map { min(max($0.timeIntervalSince(clock.now), 0.001), 60) } ?? 60
                await signal.wait(upTo: wait)
            }
        }
        loop.withLock { $0 = task }
    }

    /// Re-reads the next due time (work was added or removed).
    public func wake() { signal.fire() }

    /// Runs what is due now and returns when it has run: `clock advance` answers after this,
    /// so a check right after it sees what the time passed did.
    public func settle() async { await work.runDue(until: clock.now) }

    public func stop() {
        if let id = listener.withLock({ $0 }) { clock.removeListener(id) }
        loop.withLock { $0?.cancel(); $0 = nil }
        signal.fire()
    }
}

/// A one-slot wake-up: `fire()` before `wait` makes the next wait return at once.
final class WakeSignal: Sendable {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
    }
    private let state = Mutex(State())

    func fire() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.pending = true
            return nil
        }
        waiter?.resume()
    }

    /// Returns when fired, after `seconds`, or when the task is cancelled.
    func wait(upTo seconds: TimeInterval) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [self] in await self.waitForFire() }
            group.addTask { try? await Task.sleep(for: .seconds(seconds)) }
            await group.next()
            group.cancelAll()
        }
    }

    private func waitForFire() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if state.pending || Task.isCancelled {
                        state.pending = false
                        return true
                    }
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            fire()
        }
    }
}
