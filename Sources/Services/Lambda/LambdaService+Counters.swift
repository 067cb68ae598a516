import EmulatorKit

/// The counters lab checks read (`invocations`, `coldStarts`), stored with the function.
extension LambdaService {
    /// Counts a run, or the cold start of one, and queues the counters' write without waiting
    /// for it: the invoke path gains no commit to wait through, and the write usually shares
    /// a transaction with others. A `kill -9` can lose the counts whose write had not
    /// committed yet (a few milliseconds' worth).
    func count(_ function: LambdaFunction, coldStart: Bool) {
        // A run of a function deleted meanwhile counts for nothing (its counters are gone).
        guard functions[function.key] != nil else { return }
        var current = counters[function.key] ?? LambdaStore.Counters()
        if coldStart { current.coldStarts += 1 } else { current.invocations += 1 }
        counters[function.key] = current
        _ = store.commit([.saveCounters(key: function.key, current)])
    }
}
