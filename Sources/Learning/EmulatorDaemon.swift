import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The learner's background emulator: `handson serve` started in its own session (so closing
/// the terminal does not stop it), recorded with its pid and port in `emulator.json`.
public struct EmulatorDaemon: Sendable {
    public struct Record: Codable, Sendable {
        public var pid: Int32
        public var port: Int
        public var startedAt: Date
        public var version: String
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let home: HandsonHome

    public init(home: HandsonHome) { self.home = home }

    /// A client of the running emulator, with its token.
    public func client(_ record: Record) -> EmulatorClient { EmulatorClient(port: record.port, tokenFile: home.emulatorToken) }

    /// The running emulator's record, if it is alive and answering.
    public func running() async -> Record? {
        guard let data = try? Data(contentsOf: home.daemonRecord),
              let record = try? JSONDecoder().decode(Record.self, from: data),
              kill(record.pid, 0) == 0 else { return nil }
        guard (try? await EmulatorClient(port: record.port, token: nil).health(timeout: 1)) != nil else { return nil }
        return record
    }

    /// Returns the running emulator, or starts one with `executable serve`. Tries `preferredPort`
    /// first and any free port when that one is taken.
    public func ensureRunning(executable: String, preferredPort: Int, version: String) async throws -> Record {
        if let record = await running() { return record }
        try home.create()
        for port in Set([preferredPort, 0]).sorted(by: >) {
            if let record = try await start(executable: executable, port: port, version: version) { return record }
        }
        let log = (try? String(contentsOf: home.daemonLog, encoding: .utf8)) ?? ""
        throw Failure(description: "the emulator did not start; its log (\(home.daemonLog.path)) says:\n\(log.suffix(2000))")
    }

    /// Stops the background emulator; false when none was running.
    @discardableResult
    public func stop() async -> Bool {
        defer { try? FileManager.default.removeItem(at: home.daemonRecord) }
        guard let data = try? Data(contentsOf: home.daemonRecord),
              let record = try? JSONDecoder().decode(Record.self, from: data),
              kill(record.pid, 0) == 0 else { return false }
        kill(record.pid, SIGTERM)
        for _ in 0..<100 where kill(record.pid, 0) == 0 {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if kill(record.pid, 0) == 0 { kill(record.pid, SIGKILL) }
        return true
    }

    private func start(executable: String, port: Int, version: String) async throws -> Record? {
        let portFile = home.root.appendingPathComponent("emulator.port")
        try? FileManager.default.removeItem(at: portFile)
        let pid = try spawnDetached(executable, ["serve", "--port", String(port), "--data-dir", home.emulatorData.path,
                                                 "--port-file", portFile.path, "--token-file", home.emulatorToken.path],
                                    log: home.daemonLog.path)
        // Up to 10 s: a first start on a slow machine opens and migrates the database.
        for _ in 0..<500 {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let actual = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)),
               (try? await EmulatorClient(port: actual, token: nil).health(timeout: 1)) != nil {
                let record = Record(pid: pid, port: actual, startedAt: Date(), version: version)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                try encoder.encode(record).write(to: home.daemonRecord, options: .atomic)
                return record
            }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { return nil }  // exited: port taken, most likely
            try await Task.sleep(for: .milliseconds(20))
        }
        kill(pid, SIGKILL)
        return nil
    }

    private static func openDescriptors() -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        // Listing the folder opens one more descriptor, closed again by now: skip what is gone.
        return names.compactMap(Int32.init).filter { fcntl($0, F_GETFD) != -1 }
    }

    /// posix_spawn in a new session, output appended to `log`, so it outlives this process and its terminal.
    private func spawnDetached(_ executable: String, _ arguments: [String], log: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        // The log is the learner's alone, like the token and the state.
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // A daemon must hold none of our other descriptors: a parent watching a pipe or socket
        // we inherited (Foundation's Process does, to see its child exit) would wait forever.
        for descriptor in Self.openDescriptors() where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (glibc ≥ 2.26) is hidden behind _GNU_SOURCE in the headers Swift imports.
        posix_spawnattr_setflags(&attributes, Int16(0x80))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard result == 0 else {
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        return pid
    }
}
