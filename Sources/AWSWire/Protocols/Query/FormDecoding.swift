import Foundation

/// `application/x-www-form-urlencoded` decoding: `a=1&b=x+y%21` → `[("a","1"), ("b","x y!")]`.
enum FormDecoding {
    static func decode(_ body: Data) -> [(String, String)] {
        decode(bytes: [UInt8](body))
    }

    static func decode(bytes: [UInt8]) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for field in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            if let equals = field.firstIndex(of: UInt8(ascii: "=")) {
                pairs.append((unescape(field[field.startIndex..<equals]), unescape(field[(equals + 1)...])))
            } else {
                pairs.append((unescape(field), ""))
            }
        }
        return pairs
    }

    /// Percent-decoding with `+` as space. A `%` not followed by two hex digits is kept
    /// literally, as lenient servers do; invalid UTF-8 is repaired, never fatal.
    static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                      let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
