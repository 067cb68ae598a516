import Foundation

/// Writes CBOR items in their preferred (shortest-argument) form, every container with a
/// definite length: what the Smithy RPC v2 CBOR clients send and read.
public enum CBOREncoder {
    public static func encode(_ value: CBORValue) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out)
        return Data(out)
    }

    static func write(_ value: CBORValue, into out: inout [UInt8]) {
        switch value {
        case .unsigned(let n): head(0, n, into: &out)
        case .negative(let n): head(1, n, into: &out)
        case .bytes(let data):
            head(2, UInt64(data.count), into: &out)
            out += data
        case .text(let text):
            head(3, UInt64(text.utf8.count), into: &out)
            out += text.utf8
        case .array(let items):
            head(4, UInt64(items.count), into: &out)
            for item in items { write(item, into: &out) }
        case .map(let entries):
            head(5, UInt64(entries.count), into: &out)
            for entry in entries {
                write(entry.key, into: &out)
                write(entry.value, into: &out)
            }
        case .tagged(let tag, let item):
            head(6, tag, into: &out)
            write(item, into: &out)
        case .bool(let flag): out.append(flag ? 0xF5 : 0xF4)
        case .null: out.append(0xF6)
        case .undefined: out.append(0xF7)
        case .simple(let n):
            if n < 24 { out.append(0xE0 | n) } else { out += [0xF8, n] }
        case .float(let f):
            out.append(0xFA)
            bigEndian(UInt64(f.bitPattern), bytes: 4, into: &out)
        case .double(let d):
            out.append(0xFB)
            bigEndian(d.bitPattern, bytes: 8, into: &out)
        }
    }

    /// A major type and its argument in the fewest bytes.
    private static func head(_ major: UInt8, _ argument: UInt64, into out: inout [UInt8]) {
        let type = major << 5
        switch argument {
        case 0..<24: out.append(type | UInt8(argument))
        case 24...0xFF: out += [type | 24, UInt8(argument)]
        case 0x100...0xFFFF:
            out.append(type | 25)
            bigEndian(argument, bytes: 2, into: &out)
        case 0x1_0000...0xFFFF_FFFF:
            out.append(type | 26)
            bigEndian(argument, bytes: 4, into: &out)
        default:
            out.append(type | 27)
            bigEndian(argument, bytes: 8, into: &out)
        }
    }

    private static func bigEndian(_ value: UInt64, bytes: Int, into out: inout [UInt8]) {
        for shift in stride(from: (bytes - 1) * 8, through: 0, by: -8) {
            out.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }
}
