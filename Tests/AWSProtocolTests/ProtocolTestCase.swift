import Foundation
import JSON
@testable import AWSWire

/// One case of a protocol test file, with the small service model its suite and `given`
/// operation make (botocore's own model format, member order kept: XML follows it).
struct ProtocolTestCase {
    enum Direction: String { case input, output }

    let protocolFile: String
    let direction: Direction
    let suite: String
    let id: String
    let model: ServiceModel
    let operation: OperationModel
    /// The whole case as JSON: `params`/`serialized` or `result`/`error`/`response`.
    let body: [String: JSONValue]

    struct LoadError: Error, CustomStringConvertible {
        let description: String
    }

    /// The cases of `input/NAME.json` or `output/NAME.json`.
    static func load(_ protocolFile: String, _ direction: Direction) throws -> [ProtocolTestCase] {
        let url = ProtocolSuiteLocation.directory.appendingPathComponent("\(direction.rawValue)/\(protocolFile).json")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw LoadError(description: "protocol test file not found: \(url.path) (expected ../shared/testdata/botocore-protocol-tests relative to the repository root, or set BOTOCORE_PROTOCOL_TESTS_DIR)")
        }
        let data = try Data(contentsOf: url)
        guard case .array(let suites) = try ModelJSON(data: data) else {
            throw LoadError(description: "\(url.lastPathComponent): expected a list of suites")
        }
        var cases: [ProtocolTestCase] = []
        for suite in suites {
            let description = suite["description"]?.string ?? ""
            var metadata = suite["metadata"]?.members ?? []
            // The suites leave out what only routing needs; a service needs a name to sign as.
            if !metadata.contains(where: { $0.key == "endpointPrefix" }) {
                metadata.append(("endpointPrefix", .string("protocoltest")))
            }
            let shapes = suite["shapes"] ?? .object([])
            for testCase in suite["cases"]?.array ?? [] {
                guard let given = testCase["given"], let name = given["name"]?.string, let id = testCase["id"]?.string,
                      case .object(let members) = testCase.jsonValue
                else { throw LoadError(description: "\(url.lastPathComponent): a case lacks given, name or id") }
                let root = ModelJSON.object([
                    ("metadata", .object(metadata)),
                    ("shapes", shapes),
                    ("operations", .object([(name, given)])),
                ])
                let model = try ServiceModel(name: "protocoltest", json: root)
                guard let operation = model.operations[name] else { throw LoadError(description: "\(id): no operation") }
                cases.append(ProtocolTestCase(protocolFile: protocolFile, direction: direction, suite: description, id: id,
                                              model: model, operation: operation, body: members))
            }
        }
        return cases
    }
}

extension ModelJSON {
    /// The same value as the JSON data model the rest of the project uses.
    var jsonValue: JSONValue {
        switch self {
        case .null: .null
        case .bool(let value): .bool(value)
        case .number(let value): .number(value)
        case .string(let value): .string(value)
        case .array(let items): .array(items.map(\.jsonValue))
        case .object(let members): .object(Dictionary(members.map { ($0.key, $0.value.jsonValue) }, uniquingKeysWith: { _, last in last }))
        }
    }
}
