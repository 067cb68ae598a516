import EmulatorKit

/// A space-delimited filter pattern, `[ip, user, ..., status = 4*, bytes > 1000]`: the message
/// is split at spaces (text in `"…"` or `[…]` is one field), each named field may carry
/// conditions joined by `&&`/`||`, and `...` stands for any number of fields.
struct DelimitedPattern: Sendable {
    enum Field: Sendable {
        case ellipsis
        /// Conditions in disjunctive form: any group whose conditions all hold.
        case named(String, [[Condition]])
    }

    struct Condition: Sendable {
        var op: ComparisonOperator
        var value: FilterValue

        func holds(_ text: String) -> Bool {
            switch value {
            case .number(let expected):
                if let actual = Double(text) { return op.numeric(actual, expected) }
                return op == .notEqual
            case .text(let expected):
                let equal = wildcardMatches(expected, text)
                switch op {
                case .equal: return equal
                case .notEqual: return !equal
                default: return false
                }
            }
        }
    }

    var fields: [Field]

    init?(_ body: String) {
        fields = []
        for part in Self.splitOutsideQuotes(body, separator: ",") {
            let text = part.trimmingCharacters(in: .whitespaces)
            if text == "..." {
                fields.append(.ellipsis)
                continue
            }
            var name: String?
            var groups: [[Condition]] = []
            for alternative in text.components(separatedBy: "||") {
                var group: [Condition] = []
                for piece in alternative.components(separatedBy: "&&") {
                    guard let (fieldName, condition) = Self.condition(piece.trimmingCharacters(in: .whitespaces)) else {
                        return nil
                    }
                    if name == nil { name = fieldName }
                    if let condition { group.append(condition) }
                }
                if !group.isEmpty { groups.append(group) }
            }
            guard let name, !name.isEmpty else { return nil }
            fields.append(.named(name, groups))
        }
        guard !fields.isEmpty else { return nil }
    }

    /// `name`, or `name OP value` with a quoted or bare value.
    private static func condition(_ text: String) -> (String, Condition?)? {
        for op in [ComparisonOperator.notEqual, .lessOrEqual, .greaterOrEqual, .equal, .less, .greater] {
            guard let range = text.range(of: op.rawValue) else { continue }
            let name = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            var value = text[range.upperBound...].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !value.isEmpty else { return nil }
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
                return (name, Condition(op: op, value: .text(value)))
            }
            return (name, Condition(op: op, value: FilterValue(bare: value)))
        }
        guard !text.isEmpty, text.allSatisfy({ !$0.isWhitespace }) else { return nil }
        return (text, nil)
    }

    func matches(_ message: String) -> Bool {
        Self.match(fields[...], Self.words(message)[...])
    }

    private static func match(_ fields: ArraySlice<Field>, _ words: ArraySlice<String>) -> Bool {
        guard let field = fields.first else { return words.isEmpty }
        switch field {
        case .ellipsis:
            var rest = words
            while true {
                if match(fields.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        case .named(_, let groups):
            guard let word = words.first else { return false }
            let holds = groups.isEmpty || groups.contains { $0.allSatisfy { $0.holds(word) } }
            return holds && match(fields.dropFirst(), words.dropFirst())
        }
    }

    /// The message's fields: runs of non-space characters, or the contents of `"…"` / `[…]`.
    static func words(_ message: String) -> [String] {
        var words: [String] = []
        var rest = Substring(message)
        while true {
            rest = rest.drop(while: \.isWhitespace)
            guard let first = rest.first else { return words }
            if first == "\"" || first == "[" {
                let close: Character = first == "\"" ? "\"" : "]"
                let body = rest.dropFirst()
                if let end = body.firstIndex(of: close) {
                    words.append(String(body[..<end]))
                    rest = body[body.index(after: end)...]
                    continue
                }
            }
            let word = rest.prefix { !$0.isWhitespace }
            words.append(String(word))
            rest = rest.dropFirst(word.count)
        }
    }

    private static func splitOutsideQuotes(_ text: String, separator: Character) -> [String] {
        var parts: [String] = [], current = "", quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if character == separator, !quoted {
                parts.append(current); current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }
}
