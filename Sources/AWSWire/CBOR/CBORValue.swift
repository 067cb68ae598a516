import Foundation

/// One CBOR data item (RFC 8949), as read from or written to the wire. Integers keep their
/// major type (a negative integer `n` is stored as `-1 - n`, so the full 64-bit range of both
/// fits); floats keep their width so an encoder can choose it; everything else is plain.
public indirect enum CBORValue: Sendable, Equatable {
    /// Major type 0.
    case unsigned(UInt64)
    /// Major type 1: the value is `-1 - n`.
    case negative(UInt64)
    /// Major type 2 (indefinite-length chunks are joined on decode).
    case bytes(Data)
    /// Major type 3.
    case text(String)
    /// Major type 4.
    case array([CBORValue])
    /// Major type 5, in wire order; keys may be any item.
    case map([CBORMapEntry])
    /// Major type 6: tag 1 marks an epoch timestamp.
    case tagged(UInt64, CBORValue)
    case bool(Bool)
    case null
    case undefined
    /// Any other simple value (major type 7, not a float).
    case simple(UInt8)
    /// Half and single precision floats (decoded into `Float`, which holds a half exactly).
    case float(Float)
    case double(Double)

    /// The text key of a map entry, the only key kind AWS protocols use.
    public subscript(key: String) -> CBORValue? {
        guard case .map(let entries) = self else { return nil }
        return entries.last { $0.key == .text(key) }?.value
    }

    /// An integer value as `Int64`, when it fits.
    public var int64: Int64? {
        switch self {
        case .unsigned(let n): n <= UInt64(Int64.max) ? Int64(n) : nil
        case .negative(let n): n <= UInt64(Int64.max) ? -1 - Int64(n) : nil
        default: nil
        }
    }

    /// Any number (integer or float) as a `Double`.
    public var double: Double? {
        switch self {
        case .unsigned(let n): Double(n)
        case .negative(let n): -1 - Double(n)
        case .float(let f): Double(f)
        case .double(let d): d
        default: nil
        }
    }

    /// An integer item for any `Int64`.
    public static func integer(_ value: Int64) -> CBORValue {
        value >= 0 ? .unsigned(UInt64(value)) : .negative(UInt64(-1 - value))
    }
}

/// One key/value pair of a CBOR map (a struct, so maps stay `Equatable`).
public struct CBORMapEntry: Sendable, Equatable {
    public var key: CBORValue
    public var value: CBORValue

    public init(_ key: CBORValue, _ value: CBORValue) {
        self.key = key
        self.value = value
    }
}

/// Why a CBOR body could not be read.
public struct CBORError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
}
