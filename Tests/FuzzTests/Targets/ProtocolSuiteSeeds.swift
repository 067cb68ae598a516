import Foundation
@testable import AWSWire

/// The serialized requests of AWS's protocol tests (botocore's copy, `../shared/testdata/
/// botocore-protocol-tests/input/*.json`, or `BOTOCORE_PROTOCOL_TESTS_DIR`), each with the
/// small model its case defines: seeds for every protocol, restXml, EC2 and CBOR included.
/// Empty when the suite is absent (the bundled seeds still run).
enum ProtocolSuiteSeeds {
    struct Seed {
        let codec: WireCodec
        let request: WireRequest
    }

    static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["BOTOCORE_PROTOCOL_TESTS_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/testdata/botocore-protocol-tests", isDirectory: true).standardizedFileURL
    }

    /// Seeds by protocol (`json`, `query`, `ec2`, `rest-json`, `rest-xml`, `smithy-rpc-v2-cbor`), loaded once.
    static let byProtocol: [String: [Seed]] = {
        let folder = directory.appendingPathComponent("input")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        var seeds: [String: [Seed]] = [:]
        for file in files {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path),
                  case .array(let suites)? = try? ModelJSON(data: data) else { continue }
            for suite in suites { load(suite, into: &seeds) }
        }
        return seeds
    }()

    private static func load(_ suite: ModelJSON, into seeds: inout [String: [Seed]]) {
        var metadata = suite["metadata"]?.members ?? []
        if !metadata.contains(where: { $0.key == "endpointPrefix" }) { metadata.append(("endpointPrefix", .string("protocoltest"))) }
        let protocolName = suite["metadata"]?["protocol"]?.string ?? ""
        for testCase in suite["cases"]?.array ?? [] {
            guard let given = testCase["given"], let name = given["name"]?.string,
                  let serialized = testCase["serialized"] else { continue }
            let root = ModelJSON.object([("metadata", .object(metadata)), ("shapes", suite["shapes"] ?? .object([])),
                                         ("operations", .object([(name, given)]))])
            guard let model = try? ServiceModel(name: "protocoltest", json: root) else { continue }
            let request = wireRequest(serialized, cbor: protocolName.hasPrefix("smithy-rpc-v2-cbor"))
            seeds[protocolName, default: []].append(Seed(codec: WireCodec(catalog: ServiceCatalog(models: [model])), request: request))
        }
    }

    /// As the server hands a request over: path percent-encoded, query decoded, header names lowercased.
    private static func wireRequest(_ serialized: ModelJSON, cbor: Bool) -> WireRequest {
        let uri = serialized["uri"]?.string ?? "/"
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var query: [(String, String)] = []
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                query.append((String(kv[0]).removingPercentEncoding ?? String(kv[0]),
                              kv.count > 1 ? (String(kv[1]).removingPercentEncoding ?? String(kv[1])) : ""))
            }
        }
        var headers: [String: String] = [:]
        for (name, value) in serialized["headers"]?.members ?? [] { headers[name.lowercased()] = value.string ?? "" }
        let text = serialized["body"]?.string ?? ""
        let body = cbor ? Data(base64Encoded: text) ?? Data(text.utf8) : Data(text.utf8)
        return WireRequest(method: serialized["method"]?.string ?? "POST", path: String(parts[0]), query: query, headers: headers, body: body)
    }
}
