import EmulatorKit
import Crypto
import Foundation

/// The digests SQS returns so clients can check what arrived (SDKs verify them and fail on a
/// mismatch). The attribute digest is SQS's own encoding, not MD5 of some JSON: attributes
/// sorted by name, each as length-prefixed name, length-prefixed data type, one transport
/// byte (1 for String and Number, 2 for Binary) and the length-prefixed value; every length
/// is 4 bytes, big-endian.
enum MessageAttributesMD5 {
    static func body(_ body: String) -> String {
        hex(Insecure.MD5.hash(data: Data(body.utf8)))
    }

    /// nil when there are no attributes (SQS then omits the digest).
    static func attributes(_ attributes: [MessageAttribute]) -> String? {
        guard !attributes.isEmpty else { return nil }
        var md5 = Insecure.MD5()
        for attribute in attributes.sorted(by: { Array($0.name.utf8).lexicographicallyPrecedes($1.name.utf8) }) {
            appendLengthPrefixed(Array(attribute.name.utf8), to: &md5)
            appendLengthPrefixed(Array(attribute.value.dataType.utf8), to: &md5)
            switch attribute.value.content {
            case .string(let text):
                md5.update(data: [1])
                appendLengthPrefixed(Array(text.utf8), to: &md5)
            case .binary(let bytes):
                md5.update(data: [2])
                appendLengthPrefixed(bytes, to: &md5)
            }
        }
        return hex(md5.finalize())
    }

    private static func appendLengthPrefixed(_ bytes: [UInt8], to md5: inout Insecure.MD5) {
        let length = UInt32(bytes.count)
        md5.update(data: [UInt8(length >> 24), UInt8((length >> 16) & 0xFF), UInt8((length >> 8) & 0xFF), UInt8(length & 0xFF)])
        md5.update(data: bytes)
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// SHA-256 of the body: the deduplication ID of content-based deduplication.
    static func sha256(_ body: String) -> String {
        hex(SHA256.hash(data: Data(body.utf8)))
    }
}
