import Emulator
import EmulatorServer
import Foundation
import Hummingbird
import ServiceLifecycle
import Subprocess
import SystemPackage

/// An emulator served in-process on a free port, for tests that drive it with real clients.
final class TestServer: Sendable {
    let port: Int
    private let task: Task<Void, Error>

    var endpoint: String { "http://127.0.0.1:\(port)" }

    private init(port: Int, task: Task<Void, Error>) {
        self.port = port
        self.task = task
    }

    /// The token of every test server in this process; the client scripts get it as `HANDSON_TOKEN`.
    static let token = UUID().uuidString

    static func start(allowedOrigins: [String] = []) async throws -> TestServer {
        let configuration = ServerConfiguration(port: 0, inMemory: true, token: token, allowedOrigins: allowedOrigins)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let server = try await EmulatorServerService(configuration, version: "test") { port in
            continuation.yield(port)
        }
        let task = Task { try await server.runService(gracefulShutdownSignals: []) }
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
        env["HANDSON_TOKEN"] = TestServer.token
        env.removeValue(forKey: "AWS_PROFILE")
        return env
    }

    /// Finds a program on PATH; a missing client is a test failure, never a skip.
    static func locate(_ program: String) throws -> String {
        if program.hasPrefix("/") {
            guard FileManager.default.isExecutableFile(atPath: program) else { throw MissingClient(program: program) }
            return program
        }
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

    /// Runs a program to completion. swift-subprocess waits without blocking Swift's cooperative
    /// threads, on which the server under test answers.
    static func run(_ program: String, _ arguments: [String]) async throws -> Result {
        let executable = try locate(program)
        let result = try await Subprocess.run(
            .path(FilePath(executable)),
            arguments: Arguments(arguments),
            environment: .custom(Dictionary(uniqueKeysWithValues: environment.compactMap { key, value in
                Environment.Key(rawValue: key).map { ($0, value) }
            })),
            input: .none,
            output: .bytes(limit: 64 << 20),
            error: .bytes(limit: 64 << 20))
        let status: Int32
        switch result.terminationStatus {
        case .exited(let code): status = code
        case .signaled(let signal): status = 128 + signal
        }
        return Result(status: status,
                      stdout: String(decoding: result.standardOutput, as: UTF8.self),
                      stderr: String(decoding: result.standardError, as: UTF8.self))
    }

    static func script(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Clients/\(name)", withExtension: "py") else {
            throw MissingClient(program: "Clients/\(name).py (test resource)")
        }
        return url.path
    }
}

/// Runs blocking work (process waits) on a thread of its own: neither Swift's cooperative
/// threads nor Dispatch's pool, which on Linux grows slowly when its threads block.
func offCooperativePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Swift.Result { try work() })
        }
    }
}
