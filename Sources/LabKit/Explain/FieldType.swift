/// A field type of a record, sized as Go lays it out on a 64-bit machine.
public indirect enum FieldType: Sendable, Hashable, CustomStringConvertible {
    /// A fixed-size value stored inline (int64, bool, …).
    case scalar(name: String, size: Int)
    /// A string: a 16-byte header inline, the bytes out of line.
    case string(averageBytes: Int)
    /// A slice: a 24-byte header inline, the elements out of line.
    case slice(element: FieldType, averageCount: Int)

    static let scalarSizes: [String: Int] = [
        "int64": 8, "uint64": 8, "int": 8, "uint": 8, "float64": 8, "uintptr": 8,
        "pointer": 8, "complex64": 8,
        "int32": 4, "uint32": 4, "float32": 4, "rune": 4,
        "int16": 2, "uint16": 2,
        "int8": 1, "uint8": 1, "byte": 1, "bool": 1,
        "time": 24, "complex128": 16,
    ]

    /// Bytes stored in the struct itself.
    public var inlineSize: Int {
        switch self {
        case .scalar(_, let size): return size
        case .string: return 16
        case .slice: return 24
        }
    }

    /// Go aligns a field to its word-sized parts, at most 8.
    public var alignment: Int {
        switch self {
        case .scalar(let name, let size):
            if name == "time" { return 8 }
            if name == "complex128" || name == "complex64" { return size / 2 }
            return min(size, 8)
        case .string, .slice: return 8
        }
    }

    /// Bytes referenced from the struct and stored elsewhere (string data, slice elements).
    public var outOfLineSize: Int {
        switch self {
        case .scalar: return 0
        case .string(let bytes): return bytes
        case .slice(let element, let count): return count * (element.inlineSize + element.outOfLineSize)
        }
    }

    public var description: String {
        switch self {
        case .scalar(let name, _): return name
        case .string(let bytes): return "string(\(bytes))"
        case .slice(let element, let count): return "[]\(element)*\(count)"
        }
    }

    /// The largest string length or slice count accepted (1 TiB): beyond any container, and
    /// small enough that sizes computed from it cannot overflow before they are checked.
    public static let maximumCount = 1 << 40

    /// Bytes inline plus out of line, or nil when it would overflow `Int`.
    var checkedTotalSize: Int? {
        switch self {
        case .scalar(_, let size): return size
        case .string(let bytes):
            let (total, overflow) = bytes.addingReportingOverflow(16)
            return overflow ? nil : total
        case .slice(let element, let count):
            guard let each = element.checkedTotalSize else { return nil }
            let (elements, overflow) = count.multipliedReportingOverflow(by: each)
            let (total, overflow2) = elements.addingReportingOverflow(24)
            return overflow || overflow2 ? nil : total
        }
    }

    /// Parses `int64`, `string(20)`, `[]int32*4`, `[]string(10)*3`.
    public static func parse(_ text: String) -> Result<FieldType, FieldTypeError> {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("[]") {
            let rest = t.dropFirst(2)
            guard let star = rest.lastIndex(of: "*") else {
                return .failure(.init(message: "a slice needs an average element count, as in '[]\(rest)*10'"))
            }
            guard let count = Int(rest[rest.index(after: star)...]), count >= 0 else {
                return .failure(.init(message: "'\(rest[rest.index(after: star)...])' is not a whole number of elements"))
            }
            guard count <= maximumCount else {
                return .failure(.init(message: "\(count) elements is more than handson models (at most \(maximumCount))"))
            }
            return parse(String(rest[..<star])).map { .slice(element: $0, averageCount: count) }
        }
        if t == "string" {
            return .failure(.init(message: "a string needs its average length in bytes, as in 'string(20)'"))
        }
        if t.hasPrefix("string(") && t.hasSuffix(")") {
            let inner = t.dropFirst("string(".count).dropLast()
            guard let bytes = Int(inner), bytes >= 0 else {
                return .failure(.init(message: "'\(inner)' is not a whole number of bytes"))
            }
            guard bytes <= maximumCount else {
                return .failure(.init(message: "a string of \(bytes) bytes is more than handson models (at most \(maximumCount))"))
            }
            return .success(.string(averageBytes: bytes))
        }
        if let size = scalarSizes[t] { return .success(.scalar(name: t, size: size)) }
        let known = (scalarSizes.keys.sorted() + ["string(N)", "[]T*N"]).joined(separator: ", ")
        return .failure(.init(message: "unknown type '\(t)'; expected one of \(known)"))
    }
}

public struct FieldTypeError: Error, Sendable, Equatable {
    public var message: String
}

import Foundation
