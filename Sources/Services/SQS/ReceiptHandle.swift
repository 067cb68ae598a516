import EmulatorKit
import Foundation

/// A receipt handle names one *receive* of one message: the queue, the message and which
/// receive it was. So a handle from an earlier receive is still recognised (standard queues
/// let it delete the message, FIFO queues call it expired), and anything else is rejected
/// as not a receipt handle at all. The checksum keeps random base64 from decoding into one.
struct ReceiptHandle: Equatable {
    var account: String
    var region: String
    var queueName: String
    var messageId: String
    /// The message's key in its queue.
    var seq: Int64
    var receiveCount: Int

    /// Real handles start with "AQEB"; clients treat them as opaque strings.
    private static let prefix = "AQEB"

    var encoded: String {
        let content = [account, region, queueName, messageId, String(seq), String(receiveCount)].joined(separator: "\n")
        let payload = content + "\n" + Self.checksum(content.utf8)
        return Self.prefix + Data(payload.utf8).base64EncodedString()
    }

    init(account: String, region: String, queueName: String, messageId: String, seq: Int64, receiveCount: Int) {
        self.account = account
        self.region = region
        self.queueName = queueName
        self.messageId = messageId
        self.seq = seq
        self.receiveCount = receiveCount
    }

    init?(decoding handle: String) {
        guard handle.hasPrefix(Self.prefix),
              let data = Data(base64Encoded: String(handle.dropFirst(Self.prefix.count))) else { return nil }
        let bytes = [UInt8](data)
        // content = six fields joined by newlines; then a newline and the checksum of content.
        guard let split = bytes.lastIndex(of: 0x0A),
              Self.checksum(bytes[..<split]) == String(decoding: bytes[(split + 1)...], as: UTF8.self) else { return nil }
        let parts = bytes[..<split].split(separator: 0x0A, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard parts.count == 6, let seq = Int64(parts[4]), let count = Int(parts[5]), count > 0 else { return nil }
        self.init(account: parts[0], region: parts[1], queueName: parts[2], messageId: parts[3], seq: seq, receiveCount: count)
    }

    /// FNV-1a: cheap, and only has to catch corruption, not forgery.
    private static func checksum<Bytes: Sequence>(_ content: Bytes) -> String where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in content {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let text = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
