import Foundation
import Subprocess
import SystemPackage

/// A private, in-memory `handson serve` on a free port: one per lab under `handson test`, so
/// labs run side by side without seeing each other's resources.
public final class IsolatedEmulator: Sendable {
    public let port: Int
    /// Its token (mode 0600, in the lab's scratch folder), for `/_handson/*`.
    public let tokenFile: URL
    private let stopRequest: AsyncStream<Void>.Continuation
    private let lifetime: Task<Void, Never>

    public var endpoint: String { "http://127.0.0.1:\(port)" }
    public var client: EmulatorClient { EmulatorClient(port: port, tokenFile: tokenFile) }

    private init(port: Int, tokenFile: URL, stopRequest: AsyncStream<Void>.Continuation, lifetime: Task<Void, Never>) {
        self.port = port
        self.tokenFile = tokenFile
        self.stopRequest = stopRequest
        self.lifetime = lifetime
    }

    public static func start(executable: String, scratch: URL) async throws -> IsolatedEmulator {
        let portFile = scratch.appendingPathComponent("emulator.port")
        let tokenFile = scratch.appendingPathComponent("emulator.token")
        let (ports, portReport) = AsyncStream<Int?>.makeStream()
        let (stops, stopRequest) = AsyncStream<Void>.makeStream()
        // The server lives inside Subprocess.run's body: it ends when `stop()` is asked for.
        let lifetime = Task {
            _ = try? await Subprocess.run(
                .path(FilePath(executable)),
                arguments: ["serve", "--in-memory", "--port", "0", "--port-file", portFile.path, "--token-file", tokenFile.path],
                input: .none, output: .discarded, error: .discarded
            ) { execution in
                let port = await Self.waitForPort(in: portFile)
                portReport.yield(port)
                if port != nil {
                    for await _ in stops { break }
                    try? execution.send(signal: .terminate)
                } else {
                    try? execution.send(signal: .kill)
                }
            }
            portReport.finish()
        }
        var reports = ports.makeAsyncIterator()
        guard let reported = await reports.next(), let port = reported else {
            throw EmulatorDaemon.Failure(description: "an isolated emulator (\(executable) serve --in-memory) did not start")
        }
        return IsolatedEmulator(port: port, tokenFile: tokenFile, stopRequest: stopRequest, lifetime: lifetime)
    }

    /// Up to 5 s for the server to write the port it listens on.
    private static func waitForPort(in file: URL) async -> Int? {
        for _ in 0..<500 {
            if let text = try? String(contentsOf: file, encoding: .utf8),
               let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return port
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }

    /// Stops the server and waits for it to exit.
    public func stop() async {
        stopRequest.yield()
        await lifetime.value
    }
}
