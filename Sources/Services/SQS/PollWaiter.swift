import EmulatorKit
import Foundation
import Synchronization

/// One suspended long poll. The receive that found nothing registers it with the queue
/// (inside the service actor, so no wake-up can be lost between "empty" and "waiting") and
/// then suspends outside the actor, so a waiting poll never blocks other requests. It wakes
/// on `signal()` — a send, a visibility change, a clock advance — or after a real-time
/// timeout, whichever comes first; the poll then looks again.
final class PollWaiter: Sendable {
    private struct State {
        var signaled = false
        var continuation: CheckedContinuation<Void, Never>?
        var timer: Task<Void, Never>?
    }

    private let state = Mutex(State())

    var isSignaled: Bool { state.withLock { $0.signaled } }

    func signal() {
        let (continuation, timer) = state.withLock { state in
            state.signaled = true
            defer { state.continuation = nil; state.timer = nil }
            return (state.continuation, state.timer)
        }
        timer?.cancel()
        continuation?.resume()
    }

    /// Suspends until signalled, `seconds` pass, or the task is cancelled.
    func wait(upTo seconds: Double) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let alreadySignaled = state.withLock { state -> Bool in
                    if state.signaled { return true }
                    state.continuation = continuation
                    return false
                }
                if alreadySignaled {
                    continuation.resume()
                    return
                }
                let timer = Task { [weak self] in
                    try? await Task.sleep(for: .seconds(max(0, seconds)))
                    if !Task.isCancelled { self?.signal() }
                }
                let stillWaiting = state.withLock { state -> Bool in
                    if state.signaled { return false }
                    state.timer = timer
                    return true
                }
                if !stillWaiting { timer.cancel() }
            }
        } onCancel: {
            signal()
        }
    }
}
