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
        (["--allow-origin", "*"], "--allow-origin takes one web origin such as http://localhost:3000"),
        (["--allow-origin", "http://localhost:3000/console"], "--allow-origin takes one web origin"),
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
                                                                          "--host", "127.0.0.1", "--port-file", dir + "/port",
                                                                          "--token-file", dir + "/my.token",
                                                                          "--allow-origin", "http://localhost:3000",
                                                                          "--allow-origin", "http://localhost:3001"])
        }
        defer { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() }
        let health = try await Client.run("python3", ["-c", "import sys,urllib.request;print(urllib.request.urlopen(sys.argv[1]+'/_handson/health').read().decode())", endpoint])
        #expect(health.stdout.contains("\"account\":\"210987654321\""), "\(health.transcript)")
        #expect(health.stdout.contains("\"region\":\"eu-west-1\""), "\(health.transcript)")
        #expect(health.stdout.contains("\"persistent\":true"), "\(health.transcript)")
        let port = try String(contentsOfFile: dir + "/port", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(endpoint.hasSuffix(":" + port))
        let token = try Self.token(in: dir + "/my.token")
        #expect(!FileManager.default.fileExists(atPath: dir + "/token"), "--token-file replaces the default")
        let state = try await Client.run("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "X-Handson-Token: \(token)",
                                                  "-H", "Origin: http://localhost:3001", endpoint + "/_handson/state"])
        #expect(state.stdout == "200", "\(state.transcript)")
    }

    /// The token in `file`, after checking it is the owner's alone and 256 bits of hex.
    static func token(in file: String) throws -> String {
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(file) must be mode 0600")
        let token = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.count == 64 && token.allSatisfy(\.isHexDigit), "\(token)")
        return token
    }

    @Test func aPersistentServerWritesItsTokenBesideItsStateAndANewOneEachStart() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("handson-serve-token-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var tokens: [String] = []
        for _ in 0..<2 {
            let (server, endpoint) = try await offCooperativePool { try DurabilityTests.startServer(dataDir: dir) }
            tokens.append(try Self.token(in: dir + "/token"))
            let refused = try await Client.run("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", endpoint + "/_handson/reset"])
            #expect(refused.stdout == "403", "\(refused.transcript)")
            let reset = try await Client.run("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST",
                                                      "-H", "X-Handson-Token: \(tokens.last!)", endpoint + "/_handson/reset"])
            #expect(reset.stdout == "200", "\(reset.transcript)")
            kill(server.processIdentifier, SIGTERM)
            server.waitUntilExit()
        }
        #expect(tokens.count == 2 && tokens[0] != tokens[1])
    }

    @Test func listingBeyondLoopbackWarnsWhatItExposes() async throws {
        let stderr = try await offCooperativePool { () -> String in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: DurabilityTests.handsonBinary)
            process.arguments = ["serve", "--in-memory", "--port", "0", "--host", "0.0.0.0"]
            let error = Pipe()
            process.standardError = error
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            var text = Data()
            while !String(decoding: text, as: UTF8.self).contains("/_handson endpoints still need the token") {
                let chunk = error.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text.append(chunk)
            }
            process.terminate()
            process.waitUntilExit()
            return String(decoding: text, as: UTF8.self)
        }
        #expect(stderr.contains("handson: warning: listening on 0.0.0.0, not loopback"), "\(stderr)")
        #expect(stderr.contains("run code on this"), "\(stderr)")
        #expect(stderr.contains("machine as you through Lambda"), "\(stderr)")
    }
}
