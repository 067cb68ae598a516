import Foundation

/// Reads one CBOR data item (RFC 8949) from bytes: every major type, definite and
/// indefinite lengths, half/single/double floats. Strict where a lenient reader could be
/// made to misread a body (truncation, trailing bytes, misplaced breaks, chunks of the
/// wrong type, invalid UTF-8); nesting is capped so a hostile body cannot exhaust the stack.
public struct CBORDecoder {
    /// Deeper than any AWS shape; deep enough never to refuse a real request.
    public static let maximumDepth = 256

    private let bytes: [UInt8]
    private var index = 0

    private init(_ data: Data) {
        bytes = [UInt8](data)
    }

    /// The single item `data` holds.
    public static func decode(_ data: Data) throws(CBORError) -> CBORValue {
        var decoder = CBORDecoder(data)
        let value = try decoder.item(depth: 0)
        guard decoder.index == decoder.bytes.count else {
            throw CBORError(description: "\(decoder.bytes.count - decoder.index) bytes follow the CBOR item")
        }
        return value
    }

    private mutating func byte() throws(CBORError) -> UInt8 {
        guard index < bytes.count else { throw CBORError(description: "the CBOR item ends early") }
        defer { index += 1 }
        return bytes[index]
    }

    private mutating func take(_ count: UInt64) throws(CBORError) -> ArraySlice<UInt8> {
        guard count <= UInt64(bytes.count - index) else { throw CBORError(description: "the CBOR item ends early") }
        let end = index + Int(count)
        defer { index = end }
        return bytes[index..<end]
    }

    /// The big-endian unsigned integer of `count` bytes.
    private mutating func uint(_ count: Int) throws(CBORError) -> UInt64 {
        var value: UInt64 = 0
        for byte in try take(UInt64(count)) { value = value << 8 | UInt64(byte) }
        return value
    }

    /// The argument of an initial byte's additional information; nil means indefinite length.
    private mutating func argument(_ info: UInt8) throws(CBORError) -> UInt64? {
        switch info {
        case 0..<24: return UInt64(info)
        case 24: return try uint(1)
        case 25: return try uint(2)
        case 26: return try uint(4)
        case 27: return try uint(8)
        case 31: return nil
        default: throw CBORError(description: "reserved additional information \(info)")
        }
    }

    private var atBreak: Bool { index < bytes.count && bytes[index] == 0xFF }

    private mutating func item(depth: Int) throws(CBORError) -> CBORValue {
        guard depth < Self.maximumDepth else { throw CBORError(description: "CBOR nested deeper than \(Self.maximumDepth)") }
        let initial = try byte()
        let major = initial >> 5
        let info = initial & 0x1F
        switch major {
        case 0, 1:
            guard let n = try argument(info) else { throw CBORError(description: "an integer cannot have indefinite length") }
            return major == 0 ? .unsigned(n) : .negative(n)
        case 2, 3:
            let content: [UInt8]
            if let length = try argument(info) {
                content = Array(try take(length))
            } else {
                content = try chunks(major: major)
            }
            if major == 2 { return .bytes(Data(content)) }
            guard let text = String(validating: content, as: UTF8.self) else {
                throw CBORError(description: "a CBOR text string is not valid UTF-8")
            }
            return .text(text)
        case 4:
            var items: [CBORValue] = []
            if let count = try argument(info) {
                guard count <= UInt64(bytes.count - index) else { throw CBORError(description: "the CBOR item ends early") }
                items.reserveCapacity(Int(count))
                for _ in 0..<count { items.append(try item(depth: depth + 1)) }
            } else {
                while !atBreak { items.append(try item(depth: depth + 1)) }
                index += 1
            }
            return .array(items)
        case 5:
            var entries: [CBORMapEntry] = []
            if let count = try argument(info) {
                guard count <= UInt64(bytes.count - index) else { throw CBORError(description: "the CBOR item ends early") }
                entries.reserveCapacity(Int(count))
                for _ in 0..<count { entries.append(CBORMapEntry(try item(depth: depth + 1), try item(depth: depth + 1))) }
            } else {
                while !atBreak { entries.append(CBORMapEntry(try item(depth: depth + 1), try item(depth: depth + 1))) }
                index += 1
            }
            return .map(entries)
        case 6:
            guard let tag = try argument(info) else { throw CBORError(description: "a tag cannot have indefinite length") }
            return .tagged(tag, try item(depth: depth + 1))
        default:
            return try simpleOrFloat(info)
        }
    }

    /// The definite-length chunks of an indefinite byte or text string, joined.
    private mutating func chunks(major: UInt8) throws(CBORError) -> [UInt8] {
        var content: [UInt8] = []
        while true {
            let initial = try byte()
            if initial == 0xFF { return content }
            guard initial >> 5 == major, let length = try argument(initial & 0x1F) else {
                throw CBORError(description: "an indefinite-length string holds a chunk of another kind")
            }
            content += try take(length)
        }
    }

    private mutating func simpleOrFloat(_ info: UInt8) throws(CBORError) -> CBORValue {
        switch info {
        case 20: return .bool(false)
        case 21: return .bool(true)
        case 22: return .null
        case 23: return .undefined
        case 24:
            let value = try byte()
            guard value >= 32 else { throw CBORError(description: "simple value \(value) in two bytes") }
            return .simple(value)
        case 25: return .float(Self.half(UInt16(try uint(2))))
        case 26: return .float(Float(bitPattern: UInt32(try uint(4))))
        case 27: return .double(Double(bitPattern: try uint(8)))
        case 31: throw CBORError(description: "a break outside an indefinite-length item")
        case 28, 29, 30: throw CBORError(description: "reserved additional information \(info)")
        default: return .simple(info)
        }
    }

    /// IEEE 754 half precision widened to single (exact: every half is a float).
    static func half(_ bits: UInt16) -> Float {
        let sign: Float = bits & 0x8000 != 0 ? -1 : 1
        let exponent = Int(bits >> 10 & 0x1F)
        let fraction = Float(bits & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24  // subnormal
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Float(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }
}
