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
            POST /_handson/reset, GET|POST /_handson/clock ({"advance": "5m"}).
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
    }

    func run() async throws {
        let configuration = ServerConfiguration(host: host, port: port, dataDirectory: dataDir, inMemory: inMemory,
                                                account: accountId, region: region)
        let portFile = self.portFile
        let server = try await EmulatorServerService(configuration, version: HandsonVersion.current) { port in
            if let portFile { try? Data("\(port)\n".utf8).write(to: URL(fileURLWithPath: portFile), options: .atomic) }
            let storage = configuration.databasePath ?? "in memory"
            // Written unbuffered: scripts and tests wait for this line to learn the port.
            FileHandle.standardOutput.write(Data("handson emulator listening on http://\(configuration.host):\(port) (state: \(storage))\n".utf8))
        }
        try await server.runService()
    }
}
