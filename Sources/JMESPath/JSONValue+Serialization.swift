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
        var output = ""
        write(to: &output, sortedKeys: sortedKeys, indent: pretty ? 0 : nil)
        return output
    }

    private static let indentUnit = "    "

    /// `indent` is the current nesting level when pretty-printing, nil for compact output.
    private func write(to output: inout String, sortedKeys: Bool, indent: Int?) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let value): output += Self.formatNumber(value)
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let elements):
            guard !elements.isEmpty else { output += "[]"; return }
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                Self.newline(&output, indent.map { $0 + 1 })
                element.write(to: &output, sortedKeys: sortedKeys, indent: indent.map { $0 + 1 })
            }
            Self.newline(&output, indent)
            output += "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            let keys = sortedKeys ? members.keys.sorted(by: codePointPrecedes) : Array(members.keys)
            output += "{"
            for (index, key) in keys.enumerated() {
                if index > 0 { output += "," }
                Self.newline(&output, indent.map { $0 + 1 })
                Self.writeString(key, to: &output)
                output += indent == nil ? ":" : ": "
                members[key]!.write(to: &output, sortedKeys: sortedKeys, indent: indent.map { $0 + 1 })
            }
            Self.newline(&output, indent)
            output += "}"
        }
    }

    private static func newline(_ output: inout String, _ indent: Int?) {
        guard let indent else { return }
        output += "\n"
        output += String(repeating: indentUnit, count: indent)
    }

    /// Formats a number as JSON. Doubles hold integers exactly up to 2^53; beyond ~1e17 the
    /// exponent form is both shorter and honest about the lost precision.
    static func formatNumber(_ value: Double) -> String {
        // JSON has no spelling for infinity; arithmetic (sum, avg) can still overflow.
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e17 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    static func writeString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16, uppercase: false)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
