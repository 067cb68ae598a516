import Foundation
import JSON

/// botocore's `protocol-tests-ignore-list.json`: suites skipped for every protocol (by
/// description) and cases skipped per protocol file (by id) — client-side features.
struct IgnoreList {
    private let suites: [String: Set<String>]
    private let cases: [String: [String: Set<String>]]

    static func load() throws -> IgnoreList {
        let url = ProtocolSuiteLocation.directory.appendingPathComponent("protocol-tests-ignore-list.json")
        let root = try JSONValue(jsonData: Data(contentsOf: url))
        var suites: [String: Set<String>] = [:]
        for direction in ["input", "output"] {
            suites[direction] = Set(Self.strings(root["general"]?[direction]?["suites"]))
        }
        var cases: [String: [String: Set<String>]] = [:]
        if case .object(let protocols)? = root["protocols"] {
            for (name, entry) in protocols {
                for direction in ["input", "output"] {
                    cases[name, default: [:]][direction] = Set(Self.strings(entry[direction]?["cases"]))
                }
            }
        }
        return IgnoreList(suites: suites, cases: cases)
    }

    func ignores(_ testCase: ProtocolTestCase) -> Bool {
        let direction = testCase.direction.rawValue
        return suites[direction]?.contains(testCase.suite) == true
            || cases[testCase.protocolFile]?[direction]?.contains(testCase.id) == true
    }

    private static func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }
}

private extension JSONValue {
    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { members[key] } else { nil }
    }
}
