import EmulatorKit
import Foundation
import JSON

/// A CloudWatch Logs filter pattern, parsed once per request and matched against each event.
///
/// Supported, as the Logs user guide describes them (all case-sensitive):
/// - empty: every event;
/// - terms: `ERROR Exception` (all must appear), `"Out of memory"` (a phrase),
///   `?ERROR ?WARN` (any of them), `-DEBUG` (must not appear), combinable;
/// - `%regex%`: a regular expression found anywhere in the message;
/// - JSON: `{ $.level = "error" }`, `{ $.latency > 100 }`, `=`/`!=` with `*` wildcards,
///   `<`, `<=`, `>`, `>=`, `IS TRUE|FALSE|NULL`, `NOT EXISTS`, `&&`, `||`, parentheses;
///   events whose message is not JSON never match;
/// - space-delimited: `[ip, user, ..., status = 404, bytes > 1000]`.
enum FilterPattern: Sendable {
    case all
    case terms(required: [String], anyOf: [String], excluded: [String])
    case regex(CompiledRegex)
    case json(JSONCondition)
    case delimited(DelimitedPattern)

    init(_ text: String?) throws(AWSError) {
        let pattern = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if pattern.isEmpty {
            self = .all
        } else if pattern.hasPrefix("{") {
            guard pattern.hasSuffix("}") else { throw Self.invalid(pattern) }
            let inner = String(pattern.dropFirst().dropLast())
            var parser = JSONConditionParser(inner)
            guard let condition = parser.parse() else { throw Self.invalid(pattern) }
            self = .json(condition)
        } else if pattern.hasPrefix("["), pattern.hasSuffix("]") {
            guard let delimited = DelimitedPattern(String(pattern.dropFirst().dropLast())) else { throw Self.invalid(pattern) }
            self = .delimited(delimited)
        } else if pattern.count >= 2, pattern.hasPrefix("%"), pattern.hasSuffix("%") {
            guard let regex = CompiledRegex(String(pattern.dropFirst().dropLast())) else { throw Self.invalid(pattern) }
            self = .regex(regex)
        } else {
            guard let terms = Self.terms(pattern) else { throw Self.invalid(pattern) }
            self = .terms(required: terms.required, anyOf: terms.anyOf, excluded: terms.excluded)
        }
    }

    static func invalid(_ pattern: String) -> AWSError {
        LogsErrors.invalidParameter("Invalid filter pattern: \(pattern)")
    }

    func matches(_ message: String) -> Bool {
        switch self {
        case .all:
            return true
        case let .terms(required, anyOf, excluded):
            return required.allSatisfy { message.contains($0) }
                && (anyOf.isEmpty || anyOf.contains { message.contains($0) })
                && !excluded.contains { message.contains($0) }
        case .regex(let regex):
            return regex.matches(message)
        case .json(let condition):
            guard let document = try? JSONValue(jsonString: message) else { return false }
            return condition.evaluate(document)
        case .delimited(let pattern):
            return pattern.matches(message)
        }
    }

    /// Splits `ERROR ?WARN -"not found"` into words and quoted phrases with their prefixes.
    private static func terms(_ pattern: String) -> (required: [String], anyOf: [String], excluded: [String])? {
        var required: [String] = [], anyOf: [String] = [], excluded: [String] = []
        var rest = Substring(pattern)
        while true {
            rest = rest.drop(while: \.isWhitespace)
            guard let first = rest.first else { break }
            var prefix: Character?
            if first == "?" || first == "-" {
                prefix = first
                rest = rest.dropFirst()
            }
            let term: String
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var text = ""
                var closed = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if character == "\\", let next = rest.first {
                        text.append(next)
                        rest = rest.dropFirst()
                    } else if character == "\"" {
                        closed = true
                        break
                    } else {
                        text.append(character)
                    }
                }
                guard closed else { return nil }
                term = text
            } else {
                let word = rest.prefix { !$0.isWhitespace }
                rest = rest.dropFirst(word.count)
                term = String(word)
            }
            guard !term.isEmpty else {
                if prefix == nil { return nil }
                continue
            }
            switch prefix {
            case "?": anyOf.append(term)
            case "-": excluded.append(term)
            default: required.append(term)
            }
        }
        return (required, anyOf, excluded)
    }
}

/// A compiled `%regex%`. NSRegularExpression is immutable and safe to share once built.
final class CompiledRegex: @unchecked Sendable {
    private let expression: NSRegularExpression

    init?(_ pattern: String) {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return nil }
        self.expression = expression
    }

    func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

/// `*` as "any characters", everything else literal: the wildcard of JSON and
/// space-delimited comparisons.
func wildcardMatches(_ pattern: String, _ text: String) -> Bool {
    guard pattern.contains("*") else { return pattern == text }
    let parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
    var rest = Substring(text)
    for (index, part) in parts.enumerated() {
        if index == 0 {
            guard rest.hasPrefix(part) else { return false }
            rest = rest.dropFirst(part.count)
        } else if index == parts.count - 1 {
            return part.isEmpty || rest.hasSuffix(part)
        } else if !part.isEmpty {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
    }
    return true
}
