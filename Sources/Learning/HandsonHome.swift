import Foundation

/// The learner's own folder: progress, the background emulator's state, lab workspaces and
/// the `aws` wrapper. `$HANDSON_HOME`, else `$XDG_DATA_HOME/handson`, else `~/.local/share/handson`.
public struct HandsonHome: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    public static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) -> HandsonHome {
        if let home = environment["HANDSON_HOME"], !home.isEmpty {
            return HandsonHome(root: URL(fileURLWithPath: home))
        }
        let xdg = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".local/share")
        return HandsonHome(root: URL(fileURLWithPath: xdg).appendingPathComponent("handson"))
    }

    public var progressDatabase: URL { root.appendingPathComponent("progress.sqlite") }
    /// The background emulator's `--data-dir` (its snapshots live inside it).
    public var emulatorData: URL { root.appendingPathComponent("emulator") }
    /// The background emulator's token (`--token-file`, mode 0600; a new one each start):
    /// `handson` reads it to call `/_handson/*`. Also where a plain `handson serve` with the
    /// default data folder writes its own.
    public var emulatorToken: URL { emulatorData.appendingPathComponent("token") }
    /// Pid and port of the background emulator (`handson start` writes it, `handson stop` removes it).
    public var daemonRecord: URL { root.appendingPathComponent("emulator.json") }
    public var daemonLog: URL { root.appendingPathComponent("emulator.log") }
    /// Holds the `aws` wrapper and a `handson` link, put first on the learner's PATH.
    public var bin: URL { root.appendingPathComponent("bin") }

    /// Where a lab's `{file=…}` blocks are written and its commands and `run:` checks run.
    public func workspace(lab: String) -> URL {
        root.appendingPathComponent("workspaces").appendingPathComponent(lab)
    }

    public func create() throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }
}
