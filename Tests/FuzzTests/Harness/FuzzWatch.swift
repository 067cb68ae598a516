import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Which input each running target is on, kept where a crash handler and a watchdog thread can
/// read it: a trap (SIGILL/SIGTRAP), a stack overflow (SIGSEGV on an alternate stack) or an abort
/// prints the input's replay label before the process dies; a call running past the hang limit,
/// or resident memory past its limit, aborts the run naming the input. Fixed C memory only:
/// a signal handler may neither allocate nor lock.
enum FuzzWatch {
    static let slotCount = 32
    static let labelSize = 160
    static let altStackSize = 256 * 1024

    nonisolated(unsafe) static let labels = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * labelSize)
    /// Monotonic nanoseconds when the slot's current call began; 0 when idle.
    nonisolated(unsafe) static let starts: UnsafeMutablePointer<UInt64> = {
        let pointer = UnsafeMutablePointer<UInt64>.allocate(capacity: slotCount)
        pointer.initialize(repeating: 0, count: slotCount)
        return pointer
    }()
    nonisolated(unsafe) static let altStacks = UnsafeMutableRawPointer.allocate(byteCount: slotCount * altStackSize, alignment: 16)
    nonisolated(unsafe) static var previousActions: [Int32: sigaction] = [:]
    static let claimed = Mutex<Set<Int>>([])

    static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]

    /// Installs the handlers and starts the watchdog, once per process.
    static let installed: Bool = {
        labels.initialize(repeating: 0, count: slotCount * labelSize)
        for signal in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = crashHandler
            action.sa_flags = Int32(SA_ONSTACK)
            var previous = sigaction()
            sigaction(signal, &action, &previous)
            previousActions[signal] = previous
        }
        let budget = FuzzBudget.current
        let thread = Thread { watchdog(hangSeconds: budget.hangSeconds, maxResidentMiB: budget.maxResidentMiB) }
        thread.name = "fuzz-watchdog"
        thread.start()
        return true
    }()

    static func claim() -> Int {
        _ = installed
        return claimed.withLock { used in
            let slot = (0..<slotCount).first { !used.contains($0) } ?? 0
            used.insert(slot)
            return slot
        }
    }

    static func release(_ slot: Int) {
        starts[slot] = 0
        _ = claimed.withLock { $0.remove(slot) }
    }

    /// Marks the start of one call; `label` is `TARGET:0xSEED`. Also points this thread's
    /// alternate signal stack at the slot's, so a stack overflow can still be reported.
    static func begin(_ slot: Int, label: String) {
        let base = labels + slot * labelSize
        var count = 0
        for byte in label.utf8 where count < labelSize - 1 {
            base[count] = CChar(bitPattern: byte)
            count += 1
        }
        base[count] = 0
        var stack = stack_t()
        stack.ss_sp = altStacks + slot * altStackSize
        stack.ss_size = altStackSize
        stack.ss_flags = 0
        sigaltstack(&stack, nil)
        starts[slot] = now()
    }

    static func end(_ slot: Int) { starts[slot] = 0 }

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Writes each busy slot's label (async-signal-safe: write(2) of fixed memory only).
    static func writeBusyLabels(_ prefix: StaticString) {
        for slot in 0..<slotCount where starts[slot] != 0 {
            write(2, prefix.utf8Start, prefix.utf8CodeUnitCount)
            let base = labels + slot * labelSize
            write(2, base, strlen(base))
            let suffix: StaticString = "  (rerun it alone: HANDSON_FUZZ_REPLAY=<that label> swift test --skip-build --filter FuzzTests; the input is printed to stderr)\n"
            write(2, suffix.utf8Start, suffix.utf8CodeUnitCount)
        }
    }

    private static let crashHandler: @convention(c) (Int32) -> Void = { signal in
        FuzzWatch.writeBusyLabels("\nfuzz: the process crashed during input ")
        // Hand the signal on (Swift's backtracer, or the default action) so the crash stays a crash.
        if var previous = FuzzWatch.previousActions[signal] {
            sigaction(signal, &previous, nil)
        } else {
            Glibc.signal(signal, SIG_DFL)
        }
        raise(signal)
    }

    private static func watchdog(hangSeconds: Double, maxResidentMiB: Int) {
        let hangNanos = UInt64(hangSeconds * 1e9)
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        while true {
            usleep(100_000)
            let time = now()
            for slot in 0..<slotCount {
                let start = starts[slot]
                if start != 0, time > start, time - start > hangNanos {
                    let base = labels + slot * labelSize
                    FileHandle.standardError.write(Data("\nfuzz: HANG: input \(String(cString: base)) ran longer than \(hangSeconds) s (HANDSON_FUZZ_REPLAY=\(String(cString: base)) reruns it)\n".utf8))
                    abort()
                }
            }
            if let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
               let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) }),
               pages * pageSize / (1 << 20) > maxResidentMiB {
                FileHandle.standardError.write(Data("\nfuzz: resident memory \(pages * pageSize / (1 << 20)) MiB is over \(maxResidentMiB) MiB\n".utf8))
                writeBusyLabels("fuzz: running then: ")
                abort()
            }
        }
    }
}
