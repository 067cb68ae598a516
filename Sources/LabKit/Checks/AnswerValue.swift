import Foundation
import JSON

/// A quiz answer as typed (`handson answer 10,324,440`) turned into the value its checks test.
public enum AnswerValue {
    /// Numbers may use `,` or `_` between digits; text is trimmed and compared ignoring case.
    public static func parse(_ raw: String, as kind: Subject.AnswerKind) -> JSONValue? {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        switch kind {
        case .number:
            let digits = trimmed.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
            guard let number = Double(digits), number.isFinite else { return nil }
            return .number(number)
        case .text:
            return .string(trimmed.lowercased())
        }
    }

    /// Text expectations compared ignoring case, to match a lowercased text answer.
    public static func caseFolded(_ expectation: Expectation) -> Expectation {
        switch expectation {
        case .equals(let v): return .equals(fold(v))
        case .notEquals(let v): return .notEquals(fold(v))
        case .oneOf(let vs): return .oneOf(vs.map(fold))
        case .contains(let v): return .contains(fold(v))
        case .notContains(let v): return .notContains(fold(v))
        default: return expectation
        }
    }

    /// An answer that satisfies the assertion's expectations, if one can be read off them
    /// (`handson test` answers quizzes with it).
    public static func sample(for assertion: Assertion) -> String? {
        for expectation in assertion.expectations {
            switch expectation {
            case .equals(let v): return text(of: v)
            case .oneOf(let vs): if let first = vs.first { return text(of: first) }
            case .atLeast(let n), .atMost(let n): return text(of: .number(n))
            default: continue
            }
        }
        return nil
    }

    private static func fold(_ value: JSONValue) -> JSONValue {
        if case .string(let s) = value { return .string(s.lowercased()) }
        return value
    }

    private static func text(of value: JSONValue) -> String {
        if case .string(let s) = value { return s }
        return value.jsonText()
    }
}
