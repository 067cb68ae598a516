import Foundation
import LabKit

/// A lab's workspace folder: its `{file=…}` blocks are written there for the learner to edit,
/// and commands and `run:` checks run there.
public struct Workspace: Sendable {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    /// Writes the files; with `overwrite: false` a file the learner already has is left alone.
    /// Returns the paths written.
    @discardableResult
    public func write(_ files: [FileBlock], overwrite: Bool) throws -> [String] {
        var written: [String] = []
        for file in files {
            let target = folder.appendingPathComponent(file.path)
            // The parser refuses `..`; this keeps a hand-edited lab from escaping anyway.
            guard target.standardizedFileURL.path.hasPrefix(folder.standardizedFileURL.path + "/") else { continue }
            if !overwrite && FileManager.default.fileExists(atPath: target.path) { continue }
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: target, options: .atomic)
            if file.executable {
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target.path)
            }
            written.append(file.path)
        }
        return written
    }
}
