import Synchronization

/// The writes of one piece of state kept in memory (a service's store, the call log), which
/// must agree with the database.
///
/// An owner changes memory and queues the write in one synchronous step, so its writes
/// reach the writer in the order memory changed. When one fails, every later write of the
/// lane was computed on memory that included the failed change: the writer refuses them
/// (their clients get an error, nothing of them reaches the disk) until the owner has read
/// its state back from the database (`onFailure`) and reopened the lane
/// (`GroupCommitWriter.resume`) in the same synchronous step as it replaced memory. Writes
/// queued after that run again. So after a failure, memory is what the disk holds, and
/// every client whose change is in neither was told so.
public final class CommitLane: Sendable {
    public let name: String

    private struct State {
        var recover: (@Sendable () async throws -> Void)?
        var recovery: Task<Void, Never>?
        /// Asked again while a recovery ran: a failure may have come after its reload.
        var again = false
    }

    private let state = Mutex(State())

    public init(name: String) {
        self.name = name
    }

    /// What brings memory back to the database's state after a failed write; it must end
    /// with `GroupCommitWriter.resume(self)` in the step that replaces memory.
    public func onFailure(_ recover: @escaping @Sendable () async throws -> Void) {
        state.withLock { $0.recover = recover }
    }

    /// Starts the recovery, or asks the running one to go once more; either reloads only
    /// while the lane is closed (`isClosed`). A recovery that fails (the database cannot be
    /// read) leaves the lane closed; the next refused write tries again.
    func startRecovery(isClosed: @escaping @Sendable () -> Bool, report: @escaping @Sendable (String) -> Void) {
        state.withLock { state in
            guard let recover = state.recover else { return }
            guard state.recovery == nil else {
                state.again = true
                return
            }
            state.recovery = Task.detached { [name] in
                while true {
                    // A reload while the lane is open (a snapshot restore reopened it, or a
                    // failure's reload already ran) could drop writes not yet committed.
                    if isClosed() {
                        do {
                            try await recover()
                        } catch {
                            report("\(name): reloading its state after a failed write failed too: \(error)")
                        }
                    }
                    let done = self.state.withLock { state in
                        if state.again {
                            state.again = false
                            return false
                        }
                        state.recovery = nil
                        return true
                    }
                    if done { return }
                }
            }
        }
    }

    /// Returns once the running recovery (if any) has finished, so a client told that its
    /// write failed finds memory and disk in agreement when it looks or retries.
    func recovered() async {
        await state.withLock { $0.recovery }?.value
    }
}
