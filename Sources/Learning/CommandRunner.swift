import Foundation
import Subprocess
import SystemPackage

/// Runs a shell command or script (a step's solution, a `run:` check) with a time limit.
/// GNU `timeout` bounds it (and, run from a terminal, kills its process group).
///
/// swift-subprocess rather than Foundation's Process: Foundation sees a child exit when a
/// socket it hands the child closes, and a daemon the command starts (a tmux server, a
/// background emulator) keeps that socket — the wait would never end. Subprocess waits on the
/// process itself, closes every other descriptor in the child, and never blocks Swift's
/// cooperative threads.
public struct CommandRunner: Sendable {
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// The time limit ended it. (GNU timeout, sending SIGKILL to its process group, dies of it too.)
        public var timedOut = false
    }

    /// More output than this from one command is a failure of the command, not a reason to hold it all.
    public static let outputLimit = 16 << 20

    public var environment: [String: String]
    public var workingDirectory: URL

    public init(environment: [String: String], workingDirectory: URL) {
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// `interpreter` is `bash` or `python3`; the source is passed as `-c`.
    public func run(_ source: String, interpreter: String = "bash", timeoutSeconds: Double) async throws -> Outcome {
        try FileManager.default.createDirectory(at: workingDirectory, withIntermediateDirectories: true)
        let limit = String(format: "%.3f", max(0.001, timeoutSeconds))
        // SIGKILL: the child inherits this process's signal mask, in which SIGTERM may be blocked.
        let result = try await Subprocess.run(
            .path("/usr/bin/env"),
            arguments: ["timeout", "--signal=KILL", limit, interpreter, "-c", source],
            environment: .custom(Dictionary(uniqueKeysWithValues: environment.compactMap { key, value in
                Environment.Key(rawValue: key).map { ($0, value) }
            })),
            workingDirectory: FilePath(workingDirectory.path),
            input: .none,
            output: .bytes(limit: Self.outputLimit),
            error: .bytes(limit: Self.outputLimit))
        let status: Int32
        let killed: Bool
        switch result.terminationStatus {
        case .exited(let code): (status, killed) = (code, false)
        case .signaled(let signal): (status, killed) = (128 + signal, signal == SIGKILL)
        }
        return Outcome(status: status,
                       stdout: String(decoding: result.standardOutput, as: UTF8.self),
                       stderr: String(decoding: result.standardError, as: UTF8.self),
                       timedOut: killed || status == 124)
    }
}
