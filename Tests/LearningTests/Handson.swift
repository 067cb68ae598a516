import Foundation
import Learning

/// The built `handson` executable and this package's folders, for tests that drive the real CLI.
enum Handson {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `swift build --build-tests` builds it next to the test bundle.
    static var binary: String { packageRoot.appendingPathComponent(".build/debug/handson").path }

    static var fixtures: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }

    /// A fresh folder under the temporary directory.
    static func scratch(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("handson-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `handson ARGS` (a bash command line) with its own HANDSON_HOME.
    static func run(_ arguments: String, home: URL, in directory: URL? = nil, timeout: Double = 300) async throws -> CommandRunner.Outcome {
        var environment = ProcessInfo.processInfo.environment
        environment["HANDSON_HOME"] = home.path
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "HANDSON_ENDPOINT")
        environment.removeValue(forKey: "HANDSON_TOKEN_FILE")
        let runner = CommandRunner(environment: environment, workingDirectory: directory ?? home)
        return try await runner.run("exec \(LearnerEnvironment.quoted(binary)) \(arguments)", timeoutSeconds: timeout)
    }
}
