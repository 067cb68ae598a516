import EmulatorKit
import Foundation

/// How `handson serve` runs: where it listens, where state lives, whose account it pretends to be.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Folder for the SQLite database; nil with `inMemory`.
    public var dataDirectory: String?
    public var inMemory: Bool
    public var account: String
    public var region: String
    /// Largest request body accepted (a Lambda zip upload is the biggest thing clients send).
    public var maxBodyBytes: Int
    /// What `/_handson/*` requires in `X-Handson-Token`: fresh from the CSPRNG for each server.
    public var token: String
    /// Where the token is written (mode 0600) before the server listens; nil writes none.
    public var tokenFile: String?
    /// Web origins (`http://localhost:3000`) whose requests are served, with CORS headers;
    /// any other request carrying an `Origin` is refused (docs/security.md).
    public var allowedOrigins: [String]

    public init(host: String = "127.0.0.1", port: Int = 4566, dataDirectory: String? = nil, inMemory: Bool = false,
                account: String = "123456789012", region: String = "us-east-1", maxBodyBytes: Int = 64 << 20,
                token: String = RandomSecret.hex(), tokenFile: String? = nil, allowedOrigins: [String] = []) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.inMemory = inMemory
        self.account = account
        self.region = region
        self.maxBodyBytes = maxBodyBytes
        self.token = token
        self.tokenFile = tokenFile
        self.allowedOrigins = allowedOrigins
    }

    /// True when `host` is reachable from this machine only (`127.0.0.1`, `::1`, `localhost`).
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }

    /// The folder a persistent server keeps its state in (nil in memory).
    public var resolvedDataDirectory: String? {
        inMemory ? nil : (dataDirectory ?? Self.defaultDataDirectory())
    }

    /// `$HANDSON_HOME/emulator`, else `$XDG_DATA_HOME/handson/emulator`, else `~/.local/share/handson/emulator`.
    public static func defaultDataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let home = environment["HANDSON_HOME"], !home.isEmpty {
            return (home as NSString).appendingPathComponent("emulator")
        }
        let xdg = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".local/share")
        return ((xdg as NSString).appendingPathComponent("handson") as NSString).appendingPathComponent("emulator")
    }

    /// The SQLite file, or nil to keep everything in memory.
    public var databasePath: String? {
        guard let dir = resolvedDataDirectory else { return nil }
        return (dir as NSString).appendingPathComponent("emulator.sqlite")
    }
}
