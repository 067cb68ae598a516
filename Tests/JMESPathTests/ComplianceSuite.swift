import Foundation
import JMESPath
import JSON

/// Loads the official JMESPath compliance suite (github.com/jmespath/jmespath.test),
/// which lives outside the repository at `../shared/testdata/jmespath-compliance`.
enum ComplianceSuite {
    /// Every suite file of the pinned commit. Listed explicitly rather than discovered so
    /// that a missing folder fails each file's test instead of silently running nothing.
    static let fileNames = [
        "basic.json", "benchmarks.json", "boolean.json", "current.json", "escape.json",
        "filters.json", "functions.json", "identifiers.json", "indices.json", "literal.json",
        "multiselect.json", "pipe.json", "slice.json", "syntax.json", "unicode.json",
        "wildcard.json",
    ]
    /// Files in the folder that hold no cases.
    static let nonSuiteFiles: Set = ["schema.json", "README.md"]
    static let expectedCaseCount = 908

    static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["JMESPATH_COMPLIANCE_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true).standardizedFileURL
        }
        let repositoryRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // JMESPathTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        return repositoryRoot
            .appendingPathComponent("../shared/testdata/jmespath-compliance", isDirectory: true)
            .standardizedFileURL
    }

    /// Whether the suite's tests run: when the suite is there, and under `CI=true` even
    /// when it is not (they then fail: CI must not pass by running nothing). Elsewhere a
    /// clone without `../shared` skips them with one line saying so.
    static let shouldRun: Bool = {
        if FileManager.default.fileExists(atPath: directory.path) { return true }
        if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
        print("JMESPath compliance tests skipped: \(directory.path) not found (set JMESPATH_COMPLIANCE_DIR; CI=true makes this a failure)")
        return false
    }()

    struct Case: Sendable {
        enum Expectation: Sendable {
            case result(JSONValue)
            case error(String)
            /// Benchmark cases state no outcome; they pass when evaluation succeeds.
            case evaluatesWithoutError
        }

        let file: String
        let given: JSONValue
        let expression: String
        let expectation: Expectation
    }

    struct LoadError: Error, CustomStringConvertible {
        let description: String
    }

    static func load(_ fileName: String) throws -> [Case] {
        let url = directory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw LoadError(description: """
                JMESPath compliance file not found: \(url.path). The suite is expected at \
                ../shared/testdata/jmespath-compliance relative to the repository root \
                (override with JMESPATH_COMPLIANCE_DIR).
                """)
        }
        guard case .array(let suites) = try JSONValue(jsonData: Data(contentsOf: url)) else {
            throw LoadError(description: "\(fileName): expected a list of suites")
        }
        var cases: [Case] = []
        for suite in suites {
            guard case .object(let suiteMembers) = suite, let given = suiteMembers["given"],
                  case .array(let caseValues)? = suiteMembers["cases"]
            else { throw LoadError(description: "\(fileName): a suite lacks 'given' or 'cases'") }
            for caseValue in caseValues {
                guard case .object(let members) = caseValue, case .string(let expression)? = members["expression"] else {
                    throw LoadError(description: "\(fileName): a case lacks 'expression'")
                }
                let expectation: Case.Expectation
                if let result = members["result"] {
                    expectation = .result(result)
                } else if case .string(let kind)? = members["error"] {
                    expectation = .error(kind)
                } else {
                    expectation = .evaluatesWithoutError
                }
                cases.append(Case(file: fileName, given: given, expression: expression, expectation: expectation))
            }
        }
        return cases
    }

    /// Runs one case; nil when it passes, otherwise what went wrong.
    static func failure(of testCase: Case) -> String? {
        let outcome: Result<JSONValue, JMESPathError>
        do {
            let expression = try JMESPathExpression(testCase.expression)
            outcome = .success(try expression.search(testCase.given))
        } catch {
            outcome = .failure(error)
        }
        let expected: String
        switch testCase.expectation {
        case .result(let value):
            if case .success(value) = outcome { return nil }
            expected = value.jsonText()
        case .error(let kind):
            if case .failure(let error) = outcome, error.kind.rawValue == kind { return nil }
            expected = "\(kind) error"
        case .evaluatesWithoutError:
            if case .success = outcome { return nil }
            expected = "any result"
        }
        let actual = switch outcome {
        case .success(let value): value.jsonText()
        case .failure(let error): error.description
        }
        return """
            \(testCase.file): \(testCase.expression)
              given:    \(testCase.given.jsonText())
              expected: \(expected)
              actual:   \(actual)
            """
    }
}
