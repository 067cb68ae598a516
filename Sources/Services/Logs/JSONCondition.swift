import EmulatorKit
import JSON

/// The condition inside a JSON filter pattern's braces, evaluated against a parsed message.
indirect enum JSONCondition: Sendable {
    case and(JSONCondition, JSONCondition)
    case or(JSONCondition, JSONCondition)
    case compare(JSONSelector, ComparisonOperator, FilterValue)
    case isTrue(JSONSelector), isFalse(JSONSelector), isNull(JSONSelector)
    case exists(JSONSelector, Bool)

    func evaluate(_ document: JSONValue) -> Bool {
        switch self {
        case let .and(left, right): return left.evaluate(document) && right.evaluate(document)
        case let .or(left, right): return left.evaluate(document) || right.evaluate(document)
        case let .compare(selector, op, value):
            guard let field = selector.resolve(document) else { return false }
            return op.compare(field, value)
        case .isTrue(let selector): return selector.resolve(document) == .bool(true)
        case .isFalse(let selector): return selector.resolve(document) == .bool(false)
        case .isNull(let selector): return selector.resolve(document) == .null
        case let .exists(selector, expected): return (selector.resolve(document) != nil) == expected
        }
    }
}

/// `$.a.b[0].c`: a path into the message.
struct JSONSelector: Sendable {
    enum Step: Sendable { case key(String), index(Int) }
    var steps: [Step]

    /// Parses the text after `$`; nil if it is not a path.
    init?(_ text: Substring) {
        steps = []
        var rest = text
        while let first = rest.first {
            if first == "." {
                rest = rest.dropFirst()
                let key = rest.prefix { $0 != "." && $0 != "[" }
                guard !key.isEmpty else { return nil }
                steps.append(.key(String(key)))
                rest = rest.dropFirst(key.count)
            } else if first == "[" {
                guard let close = rest.firstIndex(of: "]"), let index = Int(rest[rest.index(after: rest.startIndex)..<close]) else {
                    return nil
                }
                steps.append(.index(index))
                rest = rest[rest.index(after: close)...]
            } else {
                return nil
            }
        }
    }

    func resolve(_ document: JSONValue) -> JSONValue? {
        var current = document
        for step in steps {
            switch (step, current) {
            case let (.key(key), .object(members)):
                guard let next = members[key] else { return nil }
                current = next
            case let (.index(index), .array(elements)):
                guard elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}

/// A literal on the right of a comparison: quoted text, or a bare word that may be a number.
enum FilterValue: Sendable, Equatable {
    case text(String)
    case number(Double)

    init(bare word: String) {
        if let number = Double(word), word.lowercased() != "nan", !word.lowercased().contains("inf") {
            self = .number(number)
        } else {
            self = .text(word)
        }
    }
}

enum ComparisonOperator: String, Sendable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// Text compares with `*` wildcards (`=`/`!=` only); numbers compare numerically.
    func compare(_ field: JSONValue, _ value: FilterValue) -> Bool {
        switch (field, value) {
        case let (.number(actual), .number(expected)):
            return numeric(actual, expected)
        case let (.string(actual), .text(expected)):
            switch self {
            case .equal: return wildcardMatches(expected, actual)
            case .notEqual: return !wildcardMatches(expected, actual)
            default: return false
            }
        case let (.string(actual), .number(expected)):
            guard let number = Double(actual) else { return self == .notEqual }
            return numeric(number, expected)
        case let (.bool(actual), .text(expected)) where self == .equal || self == .notEqual:
            return (String(actual) == expected) == (self == .equal)
        default:
            return self == .notEqual
        }
    }

    func numeric(_ actual: Double, _ expected: Double) -> Bool {
        switch self {
        case .equal: return actual == expected
        case .notEqual: return actual != expected
        case .less: return actual < expected
        case .lessOrEqual: return actual <= expected
        case .greater: return actual > expected
        case .greaterOrEqual: return actual >= expected
        }
    }
}

/// Recursive descent over `cond (&& cond)* (|| …)*` with parentheses; `&&` binds tighter.
struct JSONConditionParser {
    private var tokens: [String]
    private var position = 0

    init(_ text: String) {
        tokens = Self.tokenize(text) ?? ["\u{0}"]
    }

    mutating func parse() -> JSONCondition? {
        guard let condition = parseOr(), position == tokens.count else { return nil }
        return condition
    }

    private var peek: String? { position < tokens.count ? tokens[position] : nil }

    private mutating func next() -> String? {
        defer { position += 1 }
        return peek
    }

    private mutating func parseOr() -> JSONCondition? {
        guard var left = parseAnd() else { return nil }
        while peek == "||" {
            position += 1
            guard let right = parseAnd() else { return nil }
            left = .or(left, right)
        }
        return left
    }

    private mutating func parseAnd() -> JSONCondition? {
        guard var left = parsePrimary() else { return nil }
        while peek == "&&" {
            position += 1
            guard let right = parsePrimary() else { return nil }
            left = .and(left, right)
        }
        return left
    }

    private mutating func parsePrimary() -> JSONCondition? {
        if peek == "(" {
            position += 1
            guard let inner = parseOr(), next() == ")" else { return nil }
            return inner
        }
        guard let path = next(), path.hasPrefix("$"), let selector = JSONSelector(path.dropFirst()) else { return nil }
        guard let word = next() else { return nil }
        switch word.uppercased() {
        case "IS":
            switch next()?.uppercased() {
            case "TRUE": return .isTrue(selector)
            case "FALSE": return .isFalse(selector)
            case "NULL": return .isNull(selector)
            default: return nil
            }
        case "NOT":
            guard next()?.uppercased() == "EXISTS" else { return nil }
            return .exists(selector, false)
        case "EXISTS":
            return .exists(selector, true)
        default:
            guard let op = ComparisonOperator(rawValue: word), let literal = next() else { return nil }
            if literal.hasPrefix("\"") { return .compare(selector, op, .text(String(literal.dropFirst()))) }
            guard !["(", ")", "&&", "||"].contains(literal) else { return nil }
            return .compare(selector, op, FilterValue(bare: literal))
        }
    }

    /// Tokens: `(`, `)`, `&&`, `||`, operators, `"quoted"` (kept with its opening quote to
    /// tell it from a bare word), and bare words.
    private static func tokenize(_ text: String) -> [String]? {
        var tokens: [String] = []
        var rest = Substring(text)
        while true {
            rest = rest.drop(while: \.isWhitespace)
            guard let first = rest.first else { return tokens }
            if first == "(" || first == ")" {
                tokens.append(String(first)); rest = rest.dropFirst()
            } else if rest.hasPrefix("&&") || rest.hasPrefix("||") || rest.hasPrefix("!=") || rest.hasPrefix("<=") || rest.hasPrefix(">=") {
                tokens.append(String(rest.prefix(2))); rest = rest.dropFirst(2)
            } else if first == "=" || first == "<" || first == ">" {
                tokens.append(String(first)); rest = rest.dropFirst()
            } else if first == "\"" {
                rest = rest.dropFirst()
                var value = "\""
                var closed = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if character == "\\", let escaped = rest.first {
                        value.append(escaped); rest = rest.dropFirst()
                    } else if character == "\"" {
                        closed = true; break
                    } else {
                        value.append(character)
                    }
                }
                guard closed else { return nil }
                tokens.append(value)
            } else {
                let word = rest.prefix { !$0.isWhitespace && !"()=<>!\"".contains($0) && $0 != "&" && $0 != "|" }
                guard !word.isEmpty else { return nil }
                tokens.append(String(word)); rest = rest.dropFirst(word.count)
            }
        }
    }
}
