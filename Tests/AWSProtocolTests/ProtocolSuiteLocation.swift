import Foundation

/// Where AWS's protocol tests live: `../shared/testdata/botocore-protocol-tests/` relative
/// to the repository root, or `BOTOCORE_PROTOCOL_TESTS_DIR`.
enum ProtocolSuiteLocation {
    static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["BOTOCORE_PROTOCOL_TESTS_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true).standardizedFileURL
        }
        let repositoryRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // AWSProtocolTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        return repositoryRoot.appendingPathComponent("../shared/testdata/botocore-protocol-tests", isDirectory: true)
            .standardizedFileURL
    }

    /// The repository root, for `docs/protocol-conformance.md`.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Whether the suite's tests run: when the suite is there, and under `CI=true` even
    /// when it is not (they then fail: CI must not pass by running nothing). Elsewhere a
    /// clone without `../shared` skips them with one line saying so.
    static let shouldRun: Bool = {
        let present = FileManager.default.fileExists(atPath: directory.appendingPathComponent("input").path)
        if present { return true }
        if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
        print("AWS protocol tests skipped: \(directory.path) not found (set BOTOCORE_PROTOCOL_TESTS_DIR; CI=true makes this a failure)")
        return false
    }()
}
