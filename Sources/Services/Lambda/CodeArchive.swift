import EmulatorKit
import Crypto
import Foundation
import ZIPFoundation

/// A Lambda deployment package: the zip as uploaded, its SHA-256 (what `CodeSha256` reports),
/// and unpacking into a folder, refusing entries that would land outside it ("zip slip").
struct CodeArchive: Sendable {
    let zip: Data

    /// base64 of the SHA-256 of the zip, as Lambda reports it.
    var sha256: String { Data(SHA256.hash(data: zip)).base64EncodedString() }

    /// A name safe for folders (hex of the hash).
    var folderName: String { SHA256.hash(data: zip).hexEncoded }

    /// Lambda's limit on a package's unzipped size (250 MB); unpacking stops at it too, whatever
    /// the zip's headers claim, so a zip bomb cannot fill the disk.
    static let maximumUnzippedBytes: UInt64 = 262_144_000

    static func tooLarge() -> AWSError {
        LambdaErrors.invalidParameter("Unzipped size must be smaller than \(maximumUnzippedBytes) bytes")
    }

    struct TooLarge: Error {}

    /// Checks the package without unpacking it: a readable zip whose entries stay inside.
    func validate() throws(AWSError) {
        let archive: Archive
        do {
            archive = try Archive(data: zip, accessMode: .read)
        } catch {
            throw LambdaErrors.invalidZip("Could not unzip uploaded file. Please check your file, then try to upload again.")
        }
        var declared: UInt64 = 0
        for entry in archive {
            declared += entry.uncompressedSize
            guard declared <= Self.maximumUnzippedBytes else { throw Self.tooLarge() }
            guard Self.isContained(entry.path) else {
                throw LambdaErrors.invalidZip("Could not unzip uploaded file: the entry '\(entry.path)' would be written outside the function's folder.")
            }
            if entry.type == .symlink {
                throw LambdaErrors.invalidZip("Could not unzip uploaded file: the entry '\(entry.path)' is a symbolic link.")
            }
        }
    }

    /// A relative path with no `..` component and no absolute start.
    static func isContained(_ path: String) -> Bool {
        guard !path.hasPrefix("/"), !path.hasPrefix("\\") else { return false }
        return !path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..")
    }

    /// Unpacks into `folder` (created) unless it is already there; returns the folder. A package
    /// that inflates past `maximumUnzippedBytes` leaves nothing behind.
    func unpack(into folder: URL) throws -> URL {
        let marker = folder.appendingPathComponent(".handson-unpacked")
        if FileManager.default.fileExists(atPath: marker.path) { return folder }
        try? FileManager.default.removeItem(at: folder)
        do {
            try extractAll(into: folder)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error is TooLarge ? Self.tooLarge() : error
        }
        try Data().write(to: marker)
        return folder
    }

    private func extractAll(into folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let archive = try Archive(data: zip, accessMode: .read)
        var written: UInt64 = 0
        for entry in archive where Self.isContained(entry.path) && entry.type != .symlink {
            let target = folder.appendingPathComponent(entry.path)
            guard entry.type == .file else {
                try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                continue
            }
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: target.path, contents: nil)
            let file = try FileHandle(forWritingTo: target)
            defer { try? file.close() }
            // Counted as written: a header may understate what an entry inflates to.
            _ = try archive.extract(entry) { chunk in
                written += UInt64(chunk.count)
                guard written <= Self.maximumUnzippedBytes else { throw TooLarge() }
                try file.write(contentsOf: chunk)
            }
            if let permissions = entry.fileAttributes[.posixPermissions] {
                try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: target.path)
            }
        }
        // Permissions from the zip are kept; a bootstrap must be runnable anyway.
        let bootstrap = folder.appendingPathComponent("bootstrap")
        if FileManager.default.fileExists(atPath: bootstrap.path) {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bootstrap.path)
        }
    }
}
