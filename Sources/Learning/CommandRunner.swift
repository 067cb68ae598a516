import Foundation

/// Runs a shell command or script (a step's solution, a `run:` check) with a time limit.
/// GNU `timeout` bounds it (and, run from a terminal, kills its process group).
public struct CommandRunner: Sendable {
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// The time limit ended it. (GNU timeout, sending SIGKILL to its process group, dies of it too.)
        public var timedOut = false
    }

    public var environment: [String: String]
    public var workingDirectory: URL

    public init(environment: [String: String], workingDirectory: URL) {
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// `interpreter` is `bash` or `python3`; the source is fed on standard input's place as `-c`.
    public func run(_ source: String, interpreter: String = "bash", timeoutSeconds: Double) async throws -> Outcome {
        try FileManager.default.createDirectory(at: workingDirectory, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let limit = String(format: "%.3f", max(0.001, timeoutSeconds))
        // SIGKILL: the child inherits this process's signal mask, in which SIGTERM may be blocked.
        process.arguments = ["timeout", "--signal=KILL", limit, interpreter, "-c", source]
        process.environment = environment
        process.currentDirectoryURL = workingDirectory
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        // Blocking reads and waits stay off the cooperative pool.
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    try process.run()
                    let group = DispatchGroup()
                    nonisolated(unsafe) var errData = Data()
                    group.enter()
                    DispatchQueue.global().async {
                        errData = stderr.fileHandleForReading.readDataToEndOfFile()
                        group.leave()
                    }
                    let outData = stdout.fileHandleForReading.readDataToEndOfFile()
                    group.wait()
                    process.waitUntilExit()
                    let killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
                    continuation.resume(returning: Outcome(status: killed ? 137 : process.terminationStatus,
                                                           stdout: String(decoding: outData, as: UTF8.self),
                                                           stderr: String(decoding: errData, as: UTF8.self),
                                                           timedOut: killed || process.terminationStatus == 124))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
