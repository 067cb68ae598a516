import Foundation

/// Where the synchronous targets run: one at a time, each on a thread of its own with a large
/// stack, never on Swift's cooperative pool. A fuzz loop blocking pool threads for seconds would
/// stall every async test running beside it (2 cores: 2 pool threads); one lane keeps fuzzing
/// to one core and gives each target all of it.
enum FuzzLane {
    private static let gate = DispatchSemaphore(value: 1)

    static func run(_ work: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                gate.wait()
                work()
                gate.signal()
                continuation.resume()
            }
            thread.stackSize = 16 << 20
            thread.name = "fuzz-lane"
            thread.start()
        }
    }
}
