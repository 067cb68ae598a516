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

    public init(host: String = "127.0.0.1", port: Int = 4566, dataDirectory: String? = nil, inMemory: Bool = false,
                account: String = "123456789012", region: String = "us-east-1", maxBodyBytes: Int = 64 << 20) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.inMemory = inMemory
        self.account = account
        self.region = region
        self.maxBodyBytes = maxBodyBytes
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
        guard !inMemory else { return nil }
        let dir = dataDirectory ?? Self.defaultDataDirectory()
        return (dir as NSString).appendingPathComponent("emulator.sqlite")
    }
}
