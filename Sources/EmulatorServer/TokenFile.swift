import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes the emulator's token where its clients read it: created mode 0600 (never readable
/// by other users, not even for an instant), written whole to a temporary name and renamed,
/// so a client never reads half a token. The folder is created 0700 when missing.
public enum TokenFile {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func write(_ token: String, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        let temporary = path + ".\(getpid()).tmp"
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure(description: "cannot write the token file \(path): \(String(cString: strerror(errno)))") }
        let bytes = Array((token + "\n").utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        // The umask cannot widen 0600, but a stricter one must not leave the owner unable to read.
        fchmod(fd, 0o600)
        close(fd)
        guard written == bytes.count, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(description: "cannot write the token file \(path): \(reason)")
        }
    }

    /// The token in `path`, or nil when it is missing or empty.
    public static func read(_ path: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return token.isEmpty ? nil : token
    }
}
