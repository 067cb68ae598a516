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

    /// The Runtime API's key for this environment (`AWS_LAMBDA_RUNTIME_API` ends with it):
    /// 256 bits from the CSPRNG, known only to the runtime process, so the routes need no
    /// token (custom runtimes speak the standard API and send none). Never logged or listed.
    let id: String
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
        var partialLine = ""
        /// Invocations whose end-of-output line the runtime has written.
        var outputEnded: Set<String> = []
        var outputWaiter: (requestId: String, continuation: CheckedContinuation<Void, Never>)?
    }

    private let state = Mutex(State())
    private let process = Mutex<Process?>(nil)

    init(functionKey: String, logDate: Date) {
        id = RandomSecret.hex()
        self.functionKey = functionKey
        let day = LambdaDates.day.string(from: logDate)
        // Its own id: the stream's name is public (DescribeLogStreams), the Runtime API key is not.
        logStream = "\(day)/[$LATEST]\(RandomSecret.hex(bytes: 16))"
    }

    var phase: Phase { state.withLock { $0.phase } }

    /// Starts the runtime process; its output becomes log lines.
    func launch(_ launch: Launch) throws {
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
            defer { state.log.removeAll() }
            return state.log
        }
    }

    func destroy() {
        fail(with: .error(Self.errorDocument("The execution environment was shut down", type: "Runtime.ExitError"), type: "Runtime.ExitError"))
        if let process = process.withLock({ $0 }), process.isRunning { process.terminate() }
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

    private func captured(_ data: Data) {
        let waiter: CheckedContinuation<Void, Never>? = state.withLock { state in
            var waiter: CheckedContinuation<Void, Never>?
            state.partialLine += String(decoding: data, as: UTF8.self)
            while let newline = state.partialLine.firstIndex(of: "\n") {
                let line = String(state.partialLine[..<newline])
                state.partialLine = String(state.partialLine[state.partialLine.index(after: newline)...])
                guard line.hasPrefix(Self.endOfOutputMarker) else {
                    state.log.append((Date(), line))
                    continue
                }
                let requestId = String(line.dropFirst(Self.endOfOutputMarker.count))
                if let waiting = state.outputWaiter, waiting.requestId == requestId {
                    state.outputWaiter = nil
                    waiter = waiting.continuation
                } else {
                    state.outputEnded.insert(requestId)  // read before anyone waits for it
                }
            }
            return waiter
        }
        waiter?.resume()
    }

    private func append(line: String) {
        state.withLock { $0.log.append((Date(), line)) }
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
