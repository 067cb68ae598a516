import Foundation
import JSON

/// What must hold of an assertion's value. Evaluation is pure so checks never change state.
public enum Expectation: Sendable, Hashable, CustomStringConvertible {
    case equals(JSONValue)
    case notEquals(JSONValue)
    case oneOf([JSONValue])
    case contains(JSONValue)
    case notContains(JSONValue)
    case length(Int)
    case matches(String)
    case atLeast(Double)
    case atMost(Double)
    case exists(Bool)

    /// The YAML keys, in the order the docs list them.
    public static let keys = ["equals", "not-equals", "one-of", "contains", "not-contains",
                              "length", "matches", "at-least", "at-most", "exists"]

    public func holds(for value: JSONValue) -> Bool {
        switch self {
        case .equals(let expected): return Self.equal(value, expected)
        case .notEquals(let expected): return !Self.equal(value, expected)
        case .oneOf(let options): return options.contains { Self.equal(value, $0) }
        case .contains(let needle): return Self.contains(value, needle)
        case .notContains(let needle): return !Self.contains(value, needle)
        case .length(let n): return Self.length(of: value) == n
        case .matches(let pattern):
            guard case .string(let s) = value,
                  let regex = try? NSRegularExpression(pattern: pattern) else { return false }
            return regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
        case .atLeast(let n):
            if case .number(let x) = value { return x >= n }
            return false
        case .atMost(let n):
            if case .number(let x) = value { return x <= n }
            return false
        case .exists(let shouldExist): return (value != .null) == shouldExist
        }
    }

    public var description: String {
        switch self {
        case .equals(let v): return "equals \(v.jsonText())"
        case .notEquals(let v): return "not equal to \(v.jsonText())"
        case .oneOf(let vs): return "one of \(vs.map { $0.jsonText() }.joined(separator: ", "))"
        case .contains(let v): return "contains \(v.jsonText())"
        case .notContains(let v): return "does not contain \(v.jsonText())"
        case .length(let n): return "length \(n)"
        case .matches(let p): return "matches /\(p)/"
        case .atLeast(let n): return "at least \(JSONValue.number(n).jsonText())"
        case .atMost(let n): return "at most \(JSONValue.number(n).jsonText())"
        case .exists(let b): return b ? "exists" : "does not exist"
        }
    }

    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool { a == b }

    static func contains(_ haystack: JSONValue, _ needle: JSONValue) -> Bool {
        switch (haystack, needle) {
        case (.array(let items), _): return items.contains { equal($0, needle) }
        case (.string(let s), .string(let sub)): return s.contains(sub)
        default: return false
        }
    }

    static func length(of value: JSONValue) -> Int? {
        switch value {
        case .array(let a): return a.count
        case .string(let s): return s.unicodeScalars.count
        case .object(let o): return o.count
        default: return nil
        }
    }
}
