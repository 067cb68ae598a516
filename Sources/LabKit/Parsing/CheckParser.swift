import Foundation
import JMESPath
import JSON
import Yams

/// A ```` ```yaml {check} ```` block → assertions, reporting every problem in the block.
struct CheckParser {
    var source: YAMLSource
    var diagnostics: [Diagnostic] = []

    static let subjectKeys = ["query", "run", "answer"]
    static let otherKeys = ["name", "hint", "timeout", "exit-code"]

    mutating func parse(_ yaml: String, blockLocation: SourceLocation) -> [Assertion] {
        let root: Node
        switch source.compose(yaml) {
        case .failure(let d):
            diagnostics.append(d)
            return []
        case .success(nil):
            diagnostics.append(Diagnostic(.error, blockLocation, "the check block is empty; expected a list of assertions, each with name, a subject (query, run or answer) and an expectation"))
            return []
        case .success(let node?):
            root = node
        }
        guard case .sequence(let items) = root else {
            diagnostics.append(Diagnostic(.error, source.location(of: root), "a check block must be a YAML list of assertions ('- name: …'), found \(root.kindName)"))
            return []
        }
        return items.compactMap { assertion(from: $0) }
    }

    private mutating func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.error, location, message))
    }

    private mutating func assertion(from node: Node) -> Assertion? {
        let at = source.location(of: node)
        guard case .mapping(let map) = node else {
            error(at, "an assertion must be a mapping with name, a subject and an expectation, found \(node.kindName)")
            return nil
        }
        var fields: [String: Node] = [:]
        var keyNodes: [String: Node] = [:]
        for (key, value) in map {
            let name = key.string ?? ""
            let known = Self.subjectKeys + Self.otherKeys + Expectation.keys
            if !known.contains(name) {
                let suggestion = known.min { editDistance($0, name) < editDistance($1, name) }
                    .flatMap { editDistance($0, name) <= 2 ? " (did you mean '\($0)'?)" : nil } ?? ""
                error(source.location(of: key), "unknown assertion key '\(name)'\(suggestion)")
                continue
            }
            if fields[name] != nil { error(source.location(of: key), "duplicate key '\(name)' in one assertion") }
            fields[name] = value
            keyNodes[name] = key
        }

        var name: String?
        if let n = fields["name"] {
            if let s = n.string, case .scalar = n, !s.trimmingCharacters(in: .whitespaces).isEmpty {
                name = s
            } else {
                error(source.location(of: n), "'name' must be a non-empty text")
            }
        } else {
            error(at, "an assertion needs a 'name' (what the learner sees next to ✓ or ✗)")
        }

        let subjects = Self.subjectKeys.filter { fields[$0] != nil }
        var subject: Subject?
        if subjects.isEmpty {
            error(at, "an assertion needs a subject: 'query' (JMESPath over the emulator's state), 'run' (a shell command) or 'answer' (a quiz)")
        } else if subjects.count > 1 {
            error(source.location(of: keyNodes[subjects[1]]!), "an assertion has one subject, found \(subjects.joined(separator: " and "))")
        } else {
            subject = parseSubject(subjects[0], fields)
        }
        if subject.map({ if case .run = $0 { return false } else { return true } }) ?? false {
            for key in ["timeout", "exit-code"] where fields[key] != nil {
                error(source.location(of: keyNodes[key]!), "'\(key)' applies to 'run' assertions only")
            }
        }

        var expectations: [Expectation] = []
        for key in Expectation.keys {
            guard let value = fields[key] else { continue }
            if let e = expectation(key, value) { expectations.append(e) }
        }
        let hasExitCode = fields["exit-code"] != nil
        if expectations.isEmpty && !hasExitCode && Expectation.keys.allSatisfy({ fields[$0] == nil }) {
            error(at, "an assertion needs an expectation: one of \(Expectation.keys.joined(separator: ", "))")
        }
        let hint = fields["hint"].flatMap { $0.string }
        guard let name, let subject else { return nil }
        if expectations.isEmpty && !hasExitCode { return nil }
        return Assertion(name: name, subject: subject, expectations: expectations, hint: hint, location: at)
    }

    private mutating func parseSubject(_ key: String, _ fields: [String: Node]) -> Subject? {
        let node = fields[key]!
        guard case .scalar(let scalar) = node else {
            error(source.location(of: node), "'\(key)' must be a single value, found \(node.kindName)")
            return nil
        }
        let text = scalar.string
        switch key {
        case "query":
            do {
                _ = try JMESPathExpression(text)
                return .query(text)
            } catch {
                var loc = source.contentLocation(of: node)
                loc.column += error.offset ?? 0
                self.error(loc, "invalid JMESPath query: \(error.message)")
                return nil
            }
        case "run":
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                error(source.location(of: node), "'run' needs a command")
                return nil
            }
            var timeout = 30.0
            if let t = fields["timeout"] {
                if let seconds = Self.seconds(t.string ?? "") { timeout = seconds } else {
                    error(source.location(of: t), "timeout '\(t.string ?? "")' must be a duration such as 500ms, 10s or 2m")
                }
            }
            var exitCode = 0
            if let e = fields["exit-code"] {
                if let n = e.int { exitCode = n } else { error(source.location(of: e), "'exit-code' must be a whole number") }
            }
            return .run(command: text, timeoutSeconds: timeout, exitCode: exitCode)
        default:
            guard let kind = Subject.AnswerKind(rawValue: text) else {
                error(source.location(of: node), "'answer' must be 'number' or 'text' (the kind of answer the learner gives), found '\(text)'")
                return nil
            }
            return .answer(kind)
        }
    }

    private mutating func expectation(_ key: String, _ node: Node) -> Expectation? {
        let value = node.jsonValue
        let loc = source.location(of: node)
        switch key {
        case "equals": return .equals(value)
        case "not-equals": return .notEquals(value)
        case "contains": return .contains(value)
        case "not-contains": return .notContains(value)
        case "one-of":
            guard case .array(let options) = value, !options.isEmpty else {
                error(loc, "'one-of' must be a non-empty list such as [a, b]")
                return nil
            }
            return .oneOf(options)
        case "length":
            guard let n = node.int, n >= 0, case .number = value else {
                error(loc, "'length' must be a whole number ≥ 0")
                return nil
            }
            return .length(n)
        case "matches":
            guard case .string(let pattern) = value else {
                error(loc, "'matches' must be a regular expression in quotes")
                return nil
            }
            do {
                _ = try NSRegularExpression(pattern: pattern)
            } catch {
                self.error(loc, "invalid regular expression '\(pattern)'")
                return nil
            }
            return .matches(pattern)
        case "at-least", "at-most":
            guard case .number(let n) = value else {
                error(loc, "'\(key)' must be a number")
                return nil
            }
            return key == "at-least" ? .atLeast(n) : .atMost(n)
        default:
            guard case .bool(let b) = value else {
                error(loc, "'exists' must be true or false")
                return nil
            }
            return .exists(b)
        }
    }

    /// `500ms`, `10s`, `2m`, `30` (seconds)
    static func seconds(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        for (suffix, factor) in [("ms", 0.001), ("s", 1.0), ("m", 60.0)] where t.hasSuffix(suffix) {
            return Double(t.dropLast(suffix.count)).flatMap { $0 > 0 ? $0 * factor : nil }
        }
        return Double(t).flatMap { $0 > 0 ? $0 : nil }
    }
}
