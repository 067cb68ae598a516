import Foundation
import Testing

/// Every SendMessage the server acknowledged is still there after `kill -9` and a restart.
@Suite struct DurabilityTests {
    /// The built `handson` executable next to this test bundle (`swift build --build-tests` builds it).
    static var handsonBinary: String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/handson").path
    }

    /// Starts `handson serve` on a free port with state in `dataDir`; returns the process and its endpoint.
    static func startServer(dataDir: String, extraArguments: [String] = []) throws -> (ProcessBox, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: handsonBinary)
        process.arguments = ["serve", "--port", "0", "--data-dir", dataDir] + extraArguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line announces the address: "handson emulator listening on http://127.0.0.1:PORT (…)".
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: #"http://[0-9.]+:[0-9]+"#, options: .regularExpression) else {
            process.terminate()
            throw ServerDidNotStart(output: text)
        }
        return (ProcessBox(process), String(text[range]))
    }

    struct ServerDidNotStart: Error { var output: String }

    @Test func acknowledgedSendsSurviveSIGKILL() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.handsonBinary), "build handson first: \(Self.handsonBinary)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("handson-durability-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let ackFile = dir + "/acked.txt"
        _ = FileManager.default.createFile(atPath: ackFile, contents: nil)

        let (server, endpoint) = try await offCooperativePool { try Self.startServer(dataDir: dir + "/state") }
        async let sending = Client.run("python3", [try Client.script("sqs_durability"), "send", endpoint, "durable", ackFile])
        // Let a good number of sends be acknowledged, then kill the server mid-stream.
        var acked = 0
        for _ in 0..<200 where acked < 400 {
            try await Task.sleep(for: .milliseconds(50))
            acked = (try? String(contentsOfFile: ackFile, encoding: .utf8))?.split(separator: "\n").count ?? 0
        }
        kill(server.processIdentifier, SIGKILL)
        try await offCooperativePool { server.waitUntilExit() }
        _ = try await sending
        let acknowledged = Set(try String(contentsOfFile: ackFile, encoding: .utf8).split(separator: "\n").map(String.init))
        #expect(acknowledged.count >= 400, "the sender got \(acknowledged.count) acknowledgements before the kill")

        let (restarted, endpoint2) = try await offCooperativePool { try Self.startServer(dataDir: dir + "/state") }
        let drained = try await Client.run("python3", [try Client.script("sqs_durability"), "drain", endpoint2, "durable"])
        restarted.terminate()
        try await offCooperativePool { restarted.waitUntilExit() }
        let present = Set(drained.stdout.split(separator: "\n").map(String.init))
        let lost = acknowledged.subtracting(present)
        #expect(lost.isEmpty, "\(lost.count) acknowledged messages were lost, e.g. \(lost.sorted().prefix(5)); \(drained.transcript.prefix(500))")
    }
}

/// A Process handed between threads; it is only waited on or signalled.
final class ProcessBox: @unchecked Sendable {
    let process: Process
    init(_ process: Process) { self.process = process }
    var processIdentifier: Int32 { process.processIdentifier }
    func waitUntilExit() { process.waitUntilExit() }
    func terminate() { process.terminate() }
}
