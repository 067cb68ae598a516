import Emulator
import EmulatorServer
import Foundation
import Hummingbird
import ServiceLifecycle

/// An emulator served in-process on a free port, for tests that drive it with real clients.
final class TestServer: Sendable {
    let port: Int
    private let task: Task<Void, Error>

    var endpoint: String { "http://127.0.0.1:\(port)" }

    private init(port: Int, task: Task<Void, Error>) {
        self.port = port
        self.task = task
    }

    static func start() async throws -> TestServer {
        let configuration = ServerConfiguration(port: 0, inMemory: true)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = try await buildApplication(configuration, version: "test") { port in
            continuation.yield(port)
        }
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw TestServerError.didNotStart }
        return TestServer(port: port, task: task)
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }

    enum TestServerError: Error { case didNotStart }
}

/// Runs one of the shipped client scripts or a real client binary and captures its output.
enum Client {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
        var transcript: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
    }

    /// The environment the real clients get: dummy credentials, fixed region, no pager.
    static var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["AWS_ACCESS_KEY_ID"] = "test"
        env["AWS_SECRET_ACCESS_KEY"] = "test"
        env["AWS_DEFAULT_REGION"] = "us-east-1"
        env["AWS_PAGER"] = ""
        env.removeValue(forKey: "AWS_PROFILE")
        return env
    }

    /// Finds a program on PATH; a missing client is a test failure, never a skip.
    static func locate(_ program: String) throws -> String {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw MissingClient(program: program)
    }

    struct MissingClient: Error, CustomStringConvertible {
        var program: String
        var description: String { "\(program) is not installed (or not on PATH); these tests need the real client" }
    }

    /// Runs a program to completion without blocking Swift's cooperative threads: the server under
    /// test answers on those same threads, so a blocking wait here would starve it.
    static func run(_ program: String, _ arguments: [String]) async throws -> Result {
        let executable = try locate(program)
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = arguments
                process.environment = environment
                let out = Pipe(), err = Pipe()
                process.standardOutput = out
                process.standardError = err
                process.standardInput = FileHandle.nullDevice
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: error)
                    return
                }
                // Drain stderr on its own thread so a chatty client cannot fill the pipe and stall.
                let errData = DataBox()
                let errDone = DispatchSemaphore(value: 0)
                DispatchQueue.global().async {
                    errData.data = err.fileHandleForReading.readDataToEndOfFile()
                    errDone.signal()
                }
                let outData = out.fileHandleForReading.readDataToEndOfFile()
                errDone.wait()
                process.waitUntilExit()
                continuation.resume(returning: Result(status: process.terminationStatus,
                                                      stdout: String(decoding: outData, as: UTF8.self),
                                                      stderr: String(decoding: errData.data, as: UTF8.self)))
            }
        }
    }

    static func script(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Clients/\(name)", withExtension: "py") else {
            throw MissingClient(program: "Clients/\(name).py (test resource)")
        }
        return url.path
    }
}

/// Bytes filled in by one thread and read by another after a semaphore says it is done.
final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// Runs blocking work (process waits, pipe reads) off Swift's cooperative threads.
func offCooperativePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try work() })
        }
    }
}
