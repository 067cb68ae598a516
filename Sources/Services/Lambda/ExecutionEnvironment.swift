import EmulatorKit
import Foundation
import Synchronization

/// One Lambda execution environment: a runtime process (the host's python3 running our
/// bootstrap, or the package's own `bootstrap`) that pulls invocations through the Runtime
/// API, one at a time, and is kept warm for the next one.
final class ExecutionEnvironment: Sendable {
    struct Launch: Sendable {
        var executable: String
        var arguments: [String]
        var environment: [String: String]
        var workingDirectory: URL
    }

    enum Phase: Sendable { case starting, idle, busy, dead }

    /// Names the environment where names are public: its log stream, its scratch folder.
    let id: String
    /// The Runtime API's key for this environment (`AWS_LAMBDA_RUNTIME_API` ends with it):
    /// 256 bits from the CSPRNG, known only to the runtime process, so the routes need no
    /// token (custom runtimes speak the standard API and send none). Never logged, listed or
    /// used as a file name (docs/security.md).
    let runtimeKey: String
    let functionKey: String
    /// `2026/11/29/[$LATEST]<id>`: one log stream per environment, as Lambda names them.
    let logStream: String
    let startedAt = Date()

    private struct State {
        var phase: Phase = .starting
        /// An invocation waiting for the runtime's next `GET …/next`.
        var pending: RuntimeInvocation?
        /// The runtime's `GET …/next` waiting for an invocation.
        var nextWaiter: CheckedContinuation<RuntimeInvocation?, Never>?
        var inFlight: (requestId: String, continuation: CheckedContinuation<RuntimeOutcome, Never>)?
        var initDuration: TimeInterval?
        var log: [(Date, String)] = []
        /// Bytes held in `log` since it was last drained.
        var logBytes = 0
        /// Lines not kept since the last drain because `log` was full.
        var droppedLines = 0
        var partialLine = Data()
        /// Invocations whose end-of-output line the runtime has written.
        var outputEnded: Set<String> = []
        var outputWaiter: (requestId: String, continuation: CheckedContinuation<Void, Never>)?
    }

    private let state = Mutex(State())
    private let process = Mutex<Process?>(nil)

    /// The environment's own folders: `HOME` and `TMPDIR`, removed when it ends.
    struct Scratch: Sendable {
        let root: URL
        var home: URL { root.appendingPathComponent("home") }
        var tmp: URL { root.appendingPathComponent("tmp") }
    }

    let scratch: Scratch

    init(functionKey: String, logDate: Date, scratchRoot: URL) {
        id = UUID.random().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        runtimeKey = RandomSecret.hex()
        scratch = Scratch(root: scratchRoot.appendingPathComponent(id))
        self.functionKey = functionKey
        let day = LambdaDates.day.string(from: logDate)
        logStream = "\(day)/[$LATEST]\(id)"
    }

    var phase: Phase { state.withLock { $0.phase } }

    /// Starts the runtime process; its output becomes log lines.
    func launch(_ launch: Launch) throws {
        for folder in [scratch.home, scratch.tmp] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: launch.executable)
        process.arguments = launch.arguments
        process.environment = launch.environment
        process.currentDirectoryURL = launch.workingDirectory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil; return }
            self?.captured(data)
        }
        process.terminationHandler = { [weak self] finished in
            self?.exited(status: finished.terminationStatus)
            self?.removeScratch()
        }
        try process.run()
        self.process.withLock { $0 = process }
    }

    /// Runs one invocation: hands it to the runtime and waits for its outcome, at most
    /// `timeout` seconds (then the environment is destroyed, as Lambda does).
    func run(_ invocation: RuntimeInvocation, timeout: TimeInterval) async -> RuntimeOutcome {
        let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<RuntimeOutcome, Never>) in
            let waiter: CheckedContinuation<RuntimeInvocation?, Never>? = state.withLock { state in
                guard state.phase != .dead else { return nil }
                state.phase = .busy
                state.inFlight = (invocation.requestId, continuation)
                if let waiter = state.nextWaiter {
                    state.nextWaiter = nil
                    return waiter
                }
                state.pending = invocation
                return nil
            }
            if phase == .dead && waiter == nil {
                continuation.resume(returning: .error(Self.errorDocument("Runtime exited before the invocation", type: "Runtime.ExitError"), type: "Runtime.ExitError"))
                return
            }
            waiter?.resume(returning: invocation)
            Task { [weak self] in
                try? await Task.sleep(for: .seconds(timeout))
                self?.timedOut(requestId: invocation.requestId, after: timeout)
            }
        }
        state.withLock { state in
            if state.phase == .busy { state.phase = .idle }
        }
        return outcome
    }

    // MARK: The Runtime API, as the runtime process calls it

    /// `GET /runtime/invocation/next`: waits for the next invocation; nil once the environment is gone.
    func next() async -> RuntimeInvocation? {
        await withCheckedContinuation { continuation in
            let ready: RuntimeInvocation?? = state.withLock { state in
                if state.phase == .dead { return .some(nil) }
                if state.phase == .starting {
                    state.initDuration = Date().timeIntervalSince(startedAt)
                    state.phase = .idle
                }
                if let pending = state.pending {
                    state.pending = nil
                    return .some(pending)
                }
                state.nextWaiter = continuation
                return .none
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// `POST /runtime/invocation/{id}/response` or `/error`.
    func complete(requestId: String, _ outcome: RuntimeOutcome) -> Bool {
        let continuation: CheckedContinuation<RuntimeOutcome, Never>? = state.withLock { state in
            guard let inFlight = state.inFlight, inFlight.requestId == requestId else { return nil }
            state.inFlight = nil
            return inFlight.continuation
        }
        continuation?.resume(returning: outcome)
        return continuation != nil
    }

    /// `POST /runtime/init/error`: the function cannot start; the pending invocation fails.
    func initFailed(_ document: Data, type: String) {
        fail(with: .error(document, type: type))
    }

    /// The init duration of a cold start, reported once.
    func takeInitDuration() -> TimeInterval? {
        state.withLock { state in
            defer { state.initDuration = nil }
            return state.initDuration
        }
    }

    /// The line our Python runtime writes after an invocation's output (never logged).
    static let endOfOutputMarker = "\u{1E}handson-end "

    /// Waits, at most `seconds`, until the runtime's output for `requestId` has been read: the
    /// pipe is read on another thread, so a print just before the response may still be on its
    /// way when the response arrives. Only for runtimes that write the marker (ours).
    func awaitOutput(of requestId: String, upTo seconds: Double) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.outputEnded.remove(requestId) != nil || state.phase == .dead { return true }
                state.outputWaiter = (requestId, continuation)
                return false
            }
            if ready {
                continuation.resume()
                return
            }
            Task { [weak self] in
                try? await Task.sleep(for: .seconds(seconds))
                self?.releaseOutputWaiter(if: { $0 == requestId })
            }
        }
    }

    private func releaseOutputWaiter(if matches: (String) -> Bool) {
        let waiter: CheckedContinuation<Void, Never>? = state.withLock { state in
            guard let waiter = state.outputWaiter, matches(waiter.requestId) else { return nil }
            state.outputWaiter = nil
            return waiter.continuation
        }
        waiter?.resume()
    }

    /// The log lines written since the last call.
    func drainLog() -> [(Date, String)] {
        state.withLock { state in
            defer {
                state.log.removeAll()
                state.logBytes = 0
                state.droppedLines = 0
            }
            guard state.droppedLines > 0 else { return state.log }
            return state.log + [(Date(), "handson: \(state.droppedLines) more lines of output were not kept (more than \(Self.maximumLogBytes / 1_048_576) MiB in one invocation)")]
        }
    }

    func destroy() {
        fail(with: .error(Self.errorDocument("The execution environment was shut down", type: "Runtime.ExitError"), type: "Runtime.ExitError"))
        if let process = process.withLock({ $0 }), process.isRunning { process.terminate() }
        removeScratch()
    }

    private func removeScratch() {
        try? FileManager.default.removeItem(at: scratch.root)
    }

    /// The runtime process's peak resident memory in MiB (`VmHWM`), nil where /proc has none.
    func peakMemoryMB() -> Int? {
        guard let pid = process.withLock({ $0?.processIdentifier }),
              let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
        else { return nil }
        return (kilobytes + 1023) / 1024
    }

    // MARK: Internals

    private func timedOut(requestId: String, after timeout: TimeInterval) {
        let stillRunning = state.withLock { $0.inFlight?.requestId == requestId }
        guard stillRunning else { return }
        let message = "Task timed out after \(String(format: "%.2f", timeout)) seconds"
        append(line: "\(ISO8601.string(Date())) \(requestId) \(message)")
        fail(with: .error(Self.errorDocument(message, type: "Sandbox.Timedout"), type: "Sandbox.Timedout"))
        if let process = process.withLock({ $0 }), process.isRunning { process.terminate() }
    }

    private func exited(status: Int32) {
        fail(with: .error(Self.errorDocument("Runtime exited with error: exit status \(status)", type: "Runtime.ExitError"), type: "Runtime.ExitError"))
    }

    /// Marks the environment dead and fails whatever waits on it.
    private func fail(with outcome: RuntimeOutcome) {
        let (inFlight, waiter) = state.withLock { state in
            state.phase = .dead
            defer { state.inFlight = nil; state.nextWaiter = nil; state.pending = nil }
            return (state.inFlight?.continuation, state.nextWaiter)
        }
        inFlight?.resume(returning: outcome)
        waiter?.resume(returning: nil)
        releaseOutputWaiter(if: { _ in true })
    }

    /// A line longer than this is cut into pieces of this size (CloudWatch Logs' event limit).
    static let maximumLineBytes = 256 * 1024
    /// Output kept between two drains (one invocation's worth); the rest is counted, not kept.
    static let maximumLogBytes = 8 * 1024 * 1024

    private func captured(_ data: Data) {
        let waiter: CheckedContinuation<Void, Never>? = state.withLock { state in
            var waiter: CheckedContinuation<Void, Never>?
            var pending = state.partialLine + data
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending = pending[pending.index(after: newline)...]
                // Output without a final newline runs into the marker: the text before it is a line.
                guard let marker = line.range(of: Self.endOfOutputMarker) else {
                    Self.keep(line, in: &state)
                    continue
                }
                if marker.lowerBound > line.startIndex { Self.keep(String(line[..<marker.lowerBound]), in: &state) }
                let requestId = String(line[marker.upperBound...])
                if let waiting = state.outputWaiter, waiting.requestId == requestId {
                    state.outputWaiter = nil
                    waiter = waiting.continuation
                } else {
                    state.outputEnded.insert(requestId)  // read before anyone waits for it
                }
            }
            while pending.count > Self.maximumLineBytes {
                let cut = pending.index(pending.startIndex, offsetBy: Self.maximumLineBytes)
                Self.keep(String(decoding: pending[pending.startIndex..<cut], as: UTF8.self), in: &state)
                pending = pending[cut...]
            }
            state.partialLine = Data(pending)
            return waiter
        }
        waiter?.resume()
    }

    private static func keep(_ line: String, in state: inout State) {
        guard state.logBytes + line.utf8.count <= maximumLogBytes else {
            state.droppedLines += 1
            return
        }
        state.logBytes += line.utf8.count
        state.log.append((Date(), line))
    }

    private func append(line: String) {
        state.withLock { Self.keep(line, in: &$0) }
    }

    static func errorDocument(_ message: String, type: String) -> Data {
        Data(#"{"errorMessage":"\#(message)","errorType":"\#(type)"}"#.utf8)
    }
}

/// The date format of Lambda's log stream names.
enum LambdaDates {
    static let day: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy/MM/dd"
        return formatter
    }()
}
