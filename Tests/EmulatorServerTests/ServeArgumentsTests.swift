import Foundation
import Testing

/// `handson serve` reads well-formed arguments without ArgumentParser (start-up time); what it
/// does not take must still get ArgumentParser's errors, naming the command as `handson serve`.
@Suite struct ServeArgumentsTests {
    static func serve(_ arguments: [String]) async throws -> Client.Result {
        try await Client.run(DurabilityTests.handsonBinary, ["serve"] + arguments)
    }

    @Test(arguments: [
        (["--port", "abc"], "The value 'abc' is invalid for '--port <port>'"),
        (["--port", "70000"], "--port must be between 0 and 65535"),
        (["--in-memory", "--data-dir", "/tmp/x"], "--in-memory and --data-dir exclude each other"),
        (["--account-id", "12"], "--account-id must be 12 digits"),
        (["--verbose"], "Unknown option '--verbose'"),
        (["--port"], "Missing value for '--port <port>'"),
    ])
    func badArgumentsGetArgumentParsersErrors(arguments: [String], message: String) async throws {
        let result = try await Self.serve(arguments)
        #expect(result.status == 64, "\(result.transcript)")
        #expect(result.stderr.contains(message), "\(result.transcript)")
        #expect(result.stderr.contains("handson serve"), "\(result.transcript)")
    }

    @Test func helpIsArgumentParsers() async throws {
        let result = try await Self.serve(["--help"])
        #expect(result.status == 0, "\(result.transcript)")
        #expect(result.stdout.contains("USAGE: handson serve"), "\(result.transcript)")
        #expect(result.stdout.contains("--data-dir"), "\(result.transcript)")
    }

    @Test func wellFormedArgumentsAreAllTaken() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("handson-serve-args-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (server, endpoint) = try await offCooperativePool {
            try DurabilityTests.startServer(dataDir: dir, extraArguments: ["--account-id", "210987654321", "--region", "eu-west-1",
                                                                          "--host", "127.0.0.1", "--port-file", dir + "/port"])
        }
        defer { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() }
        let health = try await Client.run("python3", ["-c", "import sys,urllib.request;print(urllib.request.urlopen(sys.argv[1]+'/_handson/health').read().decode())", endpoint])
        #expect(health.stdout.contains("\"account\":\"210987654321\""), "\(health.transcript)")
        #expect(health.stdout.contains("\"region\":\"eu-west-1\""), "\(health.transcript)")
        #expect(health.stdout.contains("\"persistent\":true"), "\(health.transcript)")
        let port = try String(contentsOfFile: dir + "/port", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(endpoint.hasSuffix(":" + port))
    }
}
