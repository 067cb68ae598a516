import JSON
import Yams

/// YAML embedded in a lab file (front matter, a check block), parsed with Yams and
/// mapped back to file positions for diagnostics.
struct YAMLSource {
    var file: String
    /// File line of the YAML's first line.
    var firstLine: Int
    /// Columns the YAML is indented by in the file (a fenced block inside a list item).
    var columnOffset: Int

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: firstLine + line - 1, column: column + columnOffset)
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return location(line: 1, column: 1) }
        return location(line: mark.line, column: mark.column)
    }

    /// Where a scalar's text starts: after the opening quote of a quoted scalar.
    func contentLocation(of node: Node) -> SourceLocation {
        var loc = location(of: node)
        if case .scalar(let s) = node, s.style == .singleQuoted || s.style == .doubleQuoted {
            loc.column += 1
        }
        return loc
    }

    /// Parses `text`; on a syntax error returns a diagnostic at the problem's position.
    func compose(_ text: String) -> Result<Node?, Diagnostic> {
        do {
            // The basic resolver: the default one compiles seven ICU regular expressions on first
            // use, a tenth of a `handson check`; plain scalars are typed by `PlainScalar` instead.
            return .success(try Yams.compose(yaml: text, .basic))
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _),
                 .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
                return .failure(Diagnostic(.error, location(line: mark.line, column: mark.column), "invalid YAML: \(what)"))
            default:
                return .failure(Diagnostic(.error, location(line: 1, column: 1), "invalid YAML: \(error)"))
            }
        } catch {
            return .failure(Diagnostic(.error, location(line: 1, column: 1), "invalid YAML: \(error)"))
        }
    }
}

extension Node {
    /// The node as a JSON value, with YAML's resolved scalar types (1 is a number, "1" a string).
    var jsonValue: JSONValue {
        switch self {
        case .scalar(let scalar):
            if scalar.style != .plain { return .string(scalar.string) }
            return PlainScalar.value(of: scalar.string)
        case .sequence(let seq): return .array(seq.map(\.jsonValue))
        case .mapping(let map):
            var object: [String: JSONValue] = [:]
            for (key, value) in map { object[key.string ?? "\(key)"] = value.jsonValue }
            return .object(object)
        case .alias: return .null
        }
    }

    var kindName: String {
        switch self {
        case .scalar: return "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }
}
