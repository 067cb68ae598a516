import Foundation

/// A private, in-memory `handson serve` on a free port: one per lab under `handson test`, so
/// labs run side by side without seeing each other's resources.
public final class IsolatedEmulator: Sendable {
    public let port: Int
    private let process: Process

    public var endpoint: String { "http://127.0.0.1:\(port)" }
    public var client: EmulatorClient { EmulatorClient(port: port) }

    private init(port: Int, process: Process) {
        self.port = port
        self.process = process
    }

    public static func start(executable: String, scratch: URL) async throws -> IsolatedEmulator {
        let portFile = scratch.appendingPathComponent("emulator.port")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["serve", "--in-memory", "--port", "0", "--port-file", portFile.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<500 {
            if let text = try? String(contentsOf: portFile, encoding: .utf8),
               let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return IsolatedEmulator(port: port, process: process)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        process.terminate()
        throw EmulatorDaemon.Failure(description: "an isolated emulator (\(executable) serve --in-memory) did not start")
    }

    public func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
