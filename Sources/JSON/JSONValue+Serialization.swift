import Foundation

extension JSONValue: CustomStringConvertible {
    /// Compact JSON with sorted keys, so logs and test failures read as JSON.
    public var description: String { jsonText() }

    /// Serializes to JSON text.
    ///
    /// Integral numbers print without a fraction (`10324440`, not `10324440.0`); other numbers
    /// use the shortest form that reads back to the same Double. Non-ASCII characters are
    /// written as UTF-8, only what RFC 8259 requires is escaped. `pretty` mirrors the aws CLI's
    /// JSON output (4-space indent, `": "` between key and value). With `sortedKeys: false`
    /// keys come out in Dictionary order, which is unspecified and varies between runs.
    public func jsonText(sortedKeys: Bool = true, pretty: Bool = false) -> String {
        String(decoding: jsonBytes(sortedKeys: sortedKeys, pretty: pretty), as: UTF8.self)
    }

    /// The same JSON as UTF-8 bytes, for response bodies and storage (the emulator's hot path:
    /// every request's output and call-log entry passes through here).
    public func jsonData(sortedKeys: Bool = true, pretty: Bool = false) -> Data {
        Data(jsonBytes(sortedKeys: sortedKeys, pretty: pretty))
    }

    private func jsonBytes(sortedKeys: Bool, pretty: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(128)
        write(to: &output, sortedKeys: sortedKeys, indent: pretty ? 0 : nil)
        return output
    }

    private static let indentUnit = Array("    ".utf8)

    /// `indent` is the current nesting level when pretty-printing, nil for compact output.
    private func write(to output: inout [UInt8], sortedKeys: Bool, indent: Int?) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let value): output.append(contentsOf: Self.formatNumber(value).utf8)
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let elements):
            guard !elements.isEmpty else { output.append(contentsOf: "[]".utf8); return }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(&output, indent.map { $0 + 1 })
                element.write(to: &output, sortedKeys: sortedKeys, indent: indent.map { $0 + 1 })
            }
            Self.newline(&output, indent)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { output.append(contentsOf: "{}".utf8); return }
            let keys = sortedKeys ? members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) } : Array(members.keys)
            output.append(UInt8(ascii: "{"))
            for (index, key) in keys.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(&output, indent.map { $0 + 1 })
                Self.writeString(key, to: &output)
                output.append(contentsOf: (indent == nil ? ":" : ": ").utf8)
                members[key]!.write(to: &output, sortedKeys: sortedKeys, indent: indent.map { $0 + 1 })
            }
            Self.newline(&output, indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ output: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        output.append(UInt8(ascii: "\n"))
        for _ in 0..<indent { output.append(contentsOf: indentUnit) }
    }

    /// Formats a number as JSON. Doubles hold integers exactly up to 2^53; beyond ~1e17 the
    /// exponent form is both shorter and honest about the lost precision.
    public static func formatNumber(_ value: Double) -> String {
        // JSON has no spelling for infinity; arithmetic (sum, avg) can still overflow.
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e17 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// Escapes only what RFC 8259 requires and copies the runs between escapes whole.
    static func writeString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
                case 0x0A: output.append(contentsOf: "\\n".utf8)
                case 0x0D: output.append(contentsOf: "\\r".utf8)
                case 0x09: output.append(contentsOf: "\\t".utf8)
                case 0x08: output.append(contentsOf: "\\b".utf8)
                case 0x0C: output.append(contentsOf: "\\f".utf8)
                default:
                    output.append(contentsOf: "\\u00".utf8)
                    output.append(hexDigits[Int(byte >> 4)])
                    output.append(hexDigits[Int(byte & 0x0F)])
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
