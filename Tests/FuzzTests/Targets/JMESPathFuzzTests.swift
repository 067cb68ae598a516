import Foundation
import JMESPath
import JSON
import Testing

/// JMESPath (the language of `aws --query`, lab checks and `/_handson/state?query=`): random
/// and mutated expressions, compiled and run on random documents.
@Suite("Fuzz: JMESPath")
struct JMESPathFuzzTests {
    /// Expressions of the official compliance suite, when `../shared` has it.
    static let suiteExpressions: [String] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("../shared/testdata/jmespath-compliance").standardizedFileURL
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") && $0 != "schema.json" }.sorted()
        var expressions: [String] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path),
                  case .array(let suites)? = try? JSONValue(jsonData: data) else { continue }
            for suite in suites {
                for testCase in suite["cases"]?.arrayValue ?? [] {
                    if let expression = testCase["expression"]?.stringValue { expressions.append(expression) }
                }
            }
        }
        return expressions
    }()

    static let seeds = suiteExpressions + ["sqs.queues[?name=='a'].attributes.VisibilityTimeout", "calls[-1].[operation,outcome]",
                                           "length(@)", "sort_by(items, &age)[0]", "a.b | c[*].d", "{x: a, y: b[1:2]}"]
    static let tokens = Mutator(dictionary: ["[", "]", "{", "}", "(", ")", ".", "*", "[*]", "[]", "[?", "==", "!=", "<=", "&&", "||", "!", "|", "@",
                                             "`", "'", "\"", ":", "::", "-", "&", "$", "abs(", "length(", "sort_by(", "max_by(", "to_number(",
                                             "join(", "reverse(", "merge(", "not_null(", "`{}`", "`[]`", "`1e400`", "[-1]", "[::-1]", "[0:9223372036854775807:-9223372036854775808]"])
    static let functions = ["abs", "avg", "contains", "ceil", "ends_with", "floor", "join", "keys", "length", "map", "max", "max_by", "merge",
                            "min", "min_by", "not_null", "reverse", "sort", "sort_by", "starts_with", "sum", "to_array", "to_string", "to_number",
                            "type", "values", "nope"]

    @Test func expressions() async {
        await FuzzLane.run { Fuzz.run("jmespath", ciInputs: 6_000) { rng -> (String, JSONValue) in
            let expression: String
            switch rng.below(3) {
            case 0: expression = Self.randomExpression(&rng, depth: 0)
            default: expression = Self.tokens.mutate(rng.pick(Self.seeds), rng: &rng, splice: rng.pick(Self.seeds))
            }
            return (expression, RandomJSON.value(&rng))
        } describe: { "\($0.0.debugDescription) on \($0.1.jsonText())" } check: { expression, document in
            let compiled = try JMESPathExpression(expression)
            _ = try compiled.search(document)
            return .value
        } }
    }

    static func randomExpression(_ rng: inout FuzzRNG, depth: Int) -> String {
        let leaf = ["a", "b", "@", "`1`", "'x'", "`null`", "`[1,2,3]`", "`{\"a\":{\"b\":1}}`", "\"quoted id\"", "items", "`-9.3e18`", "`1e308`", "*"]
        if depth > 4 || rng.oneIn(4) { return rng.pick(leaf) }
        let a = randomExpression(&rng, depth: depth + 1)
        let b = randomExpression(&rng, depth: depth + 1)
        switch rng.below(14) {
        case 0: return "\(a).\(rng.pick(["a", "b", "*", "[a,b]", "{k: a}"]))"
        case 1: return "\(a)[\(rng.pick(["0", "-1", "*", "", "?\(b)", "1:2", "::-1", "9223372036854775807", "-9223372036854775808", "0:0:0"]))]"
        case 2: return "\(a) | \(b)"
        case 3: return "\(a) \(rng.pick(["==", "!=", "<", "<=", ">", ">=", "&&", "||"])) \(b)"
        case 4: return "!\(a)"
        case 5: return "(\(a))"
        case 6: return "{x: \(a), y: \(b)}"
        case 7: return "[\(a), \(b)]"
        case 8: return "&\(a)"
        case 9: return "\(rng.pick(functions))(\((0..<rng.below(4)).map { _ in rng.oneIn(3) ? "&\(a)" : b }.joined(separator: ", ")))"
        case 10: return "\(a)[]"
        case 11: return "\(a)[*].\(b)"
        case 12: return String(repeating: "(", count: rng.pick([100, 1_000, 10_000])) + a + String(repeating: ")", count: rng.pick([100, 1_000, 10_000]))
        default: return String(repeating: "!", count: rng.pick([100, 5_000])) + a
        }
    }
}
