import Foundation
import Hummingbird

/// Reads a request body without holding a large one on the heap: up to `memoryLimit` bytes
/// stay in memory, a larger body is written to a temporary file as it arrives and handed on
/// mapped from it (S3 objects are next; Lambda packages arrive this way today). Bodies above
/// `maximum` are refused.
struct RequestBodySpool: Sendable {
    let memoryLimit: Int
    let maximum: Int

    struct TooLarge: Error {}

    /// The body, and the file behind it when it was spooled (remove it once answered).
    func read(_ body: RequestBody) async throws -> (data: Data, file: URL?) {
        var buffer = ByteBuffer()
        var file: FileHandle?
        var url: URL?
        var size = 0
        do {
            for try await chunk in body {
                size += chunk.readableBytes
                guard size <= maximum else { throw TooLarge() }
                if let file {
                    try file.write(contentsOf: chunk.readableBytesView)
                    continue
                }
                buffer.writeImmutableBuffer(chunk)
                if buffer.readableBytes > memoryLimit {
                    let spooled = FileManager.default.temporaryDirectory
                        .appendingPathComponent("handson-body-\(UUID.random().lowercasedString)")
                    FileManager.default.createFile(atPath: spooled.path, contents: nil, attributes: [.posixPermissions: 0o600])
                    let handle = try FileHandle(forWritingTo: spooled)
                    url = spooled
                    file = handle
                    try handle.write(contentsOf: buffer.readableBytesView)
                    buffer = ByteBuffer()
                }
            }
        } catch {
            try? file?.close()
            if let url { try? FileManager.default.removeItem(at: url) }
            throw error
        }
        guard let file, let url else { return (Data(buffer: buffer), nil) }
        try file.close()
        return (try Data(contentsOf: url, options: .alwaysMapped), url)
    }
}
