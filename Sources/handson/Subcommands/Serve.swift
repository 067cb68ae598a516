import ArgumentParser
import EmulatorServer
import Foundation
import Hummingbird

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", 
        abstract: "Run the AWS emulator alone, for the aws CLI (--endpoint-url), boto3 or tests.",
        discussion: """
            One endpoint for every service, like LocalStack or moto's server. State persists in SQLite
            under --data-dir (default: $HANDSON_HOME/emulator or ~/.local/share/handson/emulator) and
            survives restarts; --in-memory forgets it on exit.
              aws --endpoint-url http://127.0.0.1:4566 sqs create-queue --queue-name orders
            Emulator endpoints: GET /_handson/health, GET /_handson/state[?query=JMESPath],
            POST /_handson/reset, GET|POST /_handson/clock ({"advance": "5m"}). All but health need
            the header X-Handson-Token: a fresh token each start, written (mode 0600) to --token-file,
            else to DATA-DIR/token, else (--in-memory) printed:
              curl -H "X-Handson-Token: $(cat ~/.local/share/handson/emulator/token)" http://127.0.0.1:4566/_handson/state
            Web pages are refused (requests with an Origin header) unless --allow-origin names them.
            """)

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = Defaults.port

    @Option(help: "Address to listen on; the default keeps the emulator private to this machine.")
    var host: String = Defaults.host

    @Option(help: "Folder for the emulator's SQLite database.")
    var dataDir: String?

    @Flag(help: "Keep state in memory only (nothing survives exit).")
    var inMemory = false

    @Option(help: "The AWS account id the emulator pretends to be.")
    var accountId: String = Defaults.accountId

    @Option(help: "The default region (a request's SigV4 scope wins).")
    var region: String = Defaults.region

    @Option(help: "Write the port, once listening, to this file (for scripts that start it with --port 0).")
    var portFile: String?

    @Option(help: "Write the token /_handson endpoints require to this file (mode 0600); default DATA-DIR/token.")
    var tokenFile: String?

    @Option(help: "A web origin (http://localhost:3000) whose requests are served, with CORS; repeatable.")
    var allowOrigin: [String] = []

    /// One place for the defaults: ArgumentParser shows them in help, `parsedQuickly` sets them.
    enum Defaults {
        static let port = 4566
        static let host = "127.0.0.1"
        static let accountId = "123456789012"
        static let region = "us-east-1"
    }

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard accountId.count == 12, accountId.allSatisfy(\.isNumber) else { throw ValidationError("--account-id must be 12 digits") }
        if inMemory && dataDir != nil { throw ValidationError("--in-memory and --data-dir exclude each other") }
        for origin in allowOrigin where !Self.isOrigin(origin) {
            throw ValidationError("--allow-origin takes one web origin such as http://localhost:3000 (scheme, host, port; no path, no '*'), not '\(origin)'")
        }
    }

    /// `http(s)://host[:port]`, nothing after it: CORS compares whole origins, so a wildcard or
    /// a path would allow more (or less) than it says.
    static func isOrigin(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty, !text.contains("*") else { return false }
        return url.path.isEmpty || url.path == "/" ? url.query == nil && url.fragment == nil : false
    }

    func run() async throws {
        var settings = ServerConfiguration(host: host, port: port, dataDirectory: dataDir, inMemory: inMemory,
                                           account: accountId, region: region, allowedOrigins: allowOrigin)
        // A persistent server keeps its token beside its state; an in-memory one prints it.
        settings.tokenFile = tokenFile ?? settings.resolvedDataDirectory.map { ($0 as NSString).appendingPathComponent("token") }
        if !ServerConfiguration.isLoopback(host) { Self.warnAboutExposure(host: host) }
        let portFile = self.portFile, configuration = settings
        let server = try await EmulatorServerService(configuration, version: HandsonVersion.current) { port in
            if let portFile { try? Data("\(port)\n".utf8).write(to: URL(fileURLWithPath: portFile), options: .atomic) }
            let storage = configuration.databasePath ?? "in memory"
            let token = configuration.tokenFile.map { "token in \($0)" } ?? "token \(configuration.token)"
            // Written unbuffered: scripts and tests wait for this line to learn the port.
            FileHandle.standardOutput.write(Data("handson emulator listening on http://\(configuration.host):\(port) (state: \(storage); /_handson \(token))\n".utf8))
        }
        try await server.runService()
    }

    /// Listening beyond loopback hands the network everything the learner's machine gives the emulator.
    static func warnAboutExposure(host: String) {
        FileHandle.standardError.write(Data("""
            handson: warning: listening on \(host), not loopback: anyone who can reach this address can call the
              emulated AWS APIs without credentials, read and delete the whole state, and run code on this
              machine as you through Lambda (CreateFunction + Invoke). /_handson endpoints still need the token.
              Use the default --host 127.0.0.1 unless this network is yours alone.

            """.utf8))
    }
}
