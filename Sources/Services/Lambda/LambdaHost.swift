import EmulatorKit
import Foundation
import Synchronization

/// Where function code reaches the emulator: the Runtime API and, for boto3 inside a
/// function, the AWS endpoint. Known once the server listens; plus the live environments,
/// which the Runtime API routes look up by id without going through the service's actor.
public final class LambdaHost: Sendable {
    private let port = Mutex<Int?>(nil)
    private let environments = Mutex<[String: ExecutionEnvironment]>([:])
    /// Unpacked packages, by hash: under the data folder, or a temporary one in memory.
    let codeCache: URL
    /// Signs and checks `Code.Location` URLs.
    let codeSigner = CodeLocationSigner()
    /// Each live environment's own `HOME` and `TMPDIR`, removed with it.
    let scratchRoot: URL
    /// Whether `codeCache` is a temporary folder of this process (an in-memory emulator),
    /// removed when the service shuts down.
    let temporary: Bool

    init(codeCache: URL, temporary: Bool) {
        self.codeCache = codeCache
        self.temporary = temporary
        scratchRoot = codeCache.appendingPathComponent(".environments")
    }

    /// The python3 of the emulator's own `PATH` (the one learners installed boto3 into), found
    /// once and resolved to the interpreter itself: a version manager's `python3` is often a shell
    /// script that needs the learner's environment, which functions do not get.
    static let python3: String? = {
        guard let found = LambdaService.locate("python3", in: ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin")
        else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: found)
        process.arguments = ["-c", "import sys; print(sys.executable)"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return found }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let resolved = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && FileManager.default.isExecutableFile(atPath: resolved) ? resolved : found
    }()

    /// Called by the server once it listens.
    public func listening(on port: Int) { self.port.withLock { $0 = port } }

    var listeningPort: Int? { port.withLock { $0 } }

    func register(_ environment: ExecutionEnvironment) { environments.withLock { $0[environment.runtimeKey] = environment } }

    func unregister(_ environment: ExecutionEnvironment) { _ = environments.withLock { $0.removeValue(forKey: environment.runtimeKey) } }

    /// The live environment whose Runtime API key is `key`.
    func environment(id key: String) -> ExecutionEnvironment? { environments.withLock { $0[key] } }

    func allEnvironments() -> [ExecutionEnvironment] { environments.withLock { Array($0.values) } }

    /// Ends every environment, busy or idle (the server is stopping).
    func destroyAll() {
        let all = environments.withLock { environments in
            defer { environments.removeAll() }
            return Array(environments.values)
        }
        all.forEach { $0.destroy() }
        try? FileManager.default.removeItem(at: scratchRoot)
        if temporary { try? FileManager.default.removeItem(at: codeCache) }
    }
}

/// The Runtime API behind `LambdaRoutes`: `/_handson/lambda-runtime/ENV/2018-06-01/runtime/…`.
public struct LambdaRuntimeAPI: Sendable {
    let host: LambdaHost

    public enum Answer: Sendable {
        case invocation(RuntimeInvocation)
        case accepted
        case gone
        case notFound(String)
    }

    /// `GET …/invocation/next`
    public func next(environment id: String) async -> Answer {
        guard let environment = host.environment(id: id) else { return .gone }
        guard let invocation = await environment.next() else { return .gone }
        return .invocation(invocation)
    }

    /// `POST …/invocation/{requestId}/response`
    public func respond(environment id: String, requestId: String, body: Data) -> Answer {
        guard let environment = host.environment(id: id) else { return .gone }
        return environment.complete(requestId: requestId, .response(body)) ? .accepted : .notFound("unknown request id \(requestId)")
    }

    /// `POST …/invocation/{requestId}/error`
    public func fail(environment id: String, requestId: String, body: Data, errorType: String?) -> Answer {
        guard let environment = host.environment(id: id) else { return .gone }
        let type = errorType ?? Self.errorType(in: body) ?? "Unhandled"
        return environment.complete(requestId: requestId, .error(body, type: type)) ? .accepted : .notFound("unknown request id \(requestId)")
    }

    /// `POST …/init/error`
    public func initFailed(environment id: String, body: Data, errorType: String?) -> Answer {
        guard let environment = host.environment(id: id) else { return .gone }
        environment.initFailed(body, type: errorType ?? Self.errorType(in: body) ?? "Runtime.InitError")
        return .accepted
    }

    static func errorType(in body: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return nil }
        return object["errorType"] as? String
    }
}
