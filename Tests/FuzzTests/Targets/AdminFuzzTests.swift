import AWSWire
import EmulatorServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JSON
import Testing

/// The emulator's own endpoints in-process (`/_handson/state?query=…`, `/_handson/clock`,
/// `/_handson/snapshots/NAME`), interleaved with mutated AWS calls so the state they read and
/// save is not empty. Every request must get an answer; a 5xx must say why in its body.
@Suite("Fuzz: admin endpoints")
struct AdminFuzzTests {
    struct Call: CustomStringConvertible {
        var method: HTTPRequest.Method
        var uri: String
        var headers: HTTPFields
        var body: [UInt8]
        var description: String { "\(method) \(uri) headers=\(headers) body=\(String(decoding: body, as: UTF8.self).debugDescription)" }
    }

    static let snapshotNames = ["step-1", "step-2", "a", "x_y.z", "ok-name"]
    static let advances = ["5m", "1h30m", "90s", "1d", "0", "-1", "1e17", "1e17s", "9999999999999d", "1e400", "NaN", "inf", "soon", "", "5x", "1..2m",
                           "٣s", "1h-30m", "0.0000001s", "18446744073709551616", String(repeating: "9", count: 400) + "s"]

    /// What the AWS calls start from: not Lambda's function or invoke calls (those run code; Lambda has its own tests).
    static let awsSeeds = BundledWireSeeds.sqsJSON + BundledWireSeeds.sqsQuery + BundledWireSeeds.iamSTSQuery + BundledWireSeeds.logsJSON
        + BundledWireSeeds.lambdaREST.filter { $0.method == "GET" }

    @Test func adminEndpoints() async throws {
        let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("handson-fuzz-admin-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        // Port 80: HummingbirdTesting's router client sends `Host: localhost`, which means port 80.
        let configuration = ServerConfiguration(port: 80, dataDirectory: dataDirectory, token: Self.token)
        let app = try await buildApplication(configuration, version: "fuzz")
        _ = try await app.test(.router) { client in
            await Fuzz.runAsync("admin.endpoints", ciInputs: 1_500) { rng in
                var call = Self.call(&rng)
                Self.addAccessHeaders(&call, rng: &rng)
                return call
            } check: { call in
                try await client.execute(uri: call.uri, method: call.method, headers: call.headers, body: ByteBuffer(bytes: call.body)) { response in
                    if response.status.code >= 500, response.body.readableBytes == 0 {
                        Issue.record("\(call): \(response.status) with an empty body")
                    }
                    return response.status.code < 400 ? .value : .error
                }
            }
        }
    }

    static let token = "fuzz-admin-token"

    /// The token on most calls (a missing or wrong one now and then, so the refusal is fuzzed
    /// too), and now and then what a browser would add (docs/security.md).
    static func addAccessHeaders(_ call: inout Call, rng: inout FuzzRNG) {
        let tokenHeader = HTTPField.Name("X-Handson-Token")!
        switch rng.below(12) {
        case 0: call.headers[tokenHeader] = nil
        case 1: call.headers[tokenHeader] = rng.pick(["", "wrong", token + "x", String(token.dropLast()), token.uppercased()])
        default: call.headers[tokenHeader] = token
        }
        if rng.oneIn(12) { call.headers[.origin] = rng.pick(["http://evil.example", "null", "http://localhost:3000", "", "HTTP://LOCALHOST"]) }
        if rng.oneIn(12) { call.headers[HTTPField.Name("Sec-Fetch-Site")!] = rng.pick(["cross-site", "same-site", "none", "same-origin", "x"]) }
    }

    static func call(_ rng: inout FuzzRNG) -> Call {
        switch rng.below(10) {
        case 0, 1, 2:  // a state query: random or mutated JMESPath, percent-encoded or raw
            let expression = rng.oneIn(2) ? JMESPathFuzzTests.randomExpression(&rng, depth: 1)
                : JMESPathFuzzTests.tokens.mutate(rng.pick(["sqs.queues[].name", "calls[-1].[operation,outcome]", "iam.roles[?name=='r1']", "logs", "clock.offsetSeconds", "@"]), rng: &rng)
            let encoded = rng.oneIn(4) ? expression.replacingOccurrences(of: " ", with: "+")
                : expression.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let uri = rng.oneIn(10) ? "/_handson/state" : "/_handson/state?\(rng.pick(["query", "query", "q", ""]))=\(encoded)\(rng.oneIn(8) ? "&query=@" : "")"
            return Call(method: .get, uri: uri, headers: [:], body: [])
        case 3:  // the clock
            if rng.oneIn(4) { return Call(method: .get, uri: "/_handson/clock", headers: [:], body: []) }
            let body: String
            switch rng.below(4) {
            case 0: body = #"{"advance":"\#(rng.pick(advances))"}"#
            case 1: body = #"{"advance":\#(rng.pick(Mutator.numbers))}"#
            case 2: body = JSONValue.object(["advance": RandomJSON.value(&rng)]).jsonText()
            default: body = Mutator(dictionary: ["{", "}", "\"advance\"", ":", "\""]).mutate(#"{"advance":"5m"}"#, rng: &rng)
            }
            return Call(method: .post, uri: "/_handson/clock", headers: [.contentType: "application/json"], body: Array(body.utf8))
        case 4:  // snapshots: save, restore, list, with names good and bad
            let name = rng.oneIn(2) ? rng.pick(snapshotNames)
                : (RandomJSON.string(&rng).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "").prefix(300) + rng.pick(["", "%2F..", "%00", "..", "%2e%2e"])
            switch rng.below(3) {
            case 0: return Call(method: .post, uri: "/_handson/snapshots/\(name)", headers: [:], body: [])
            case 1: return Call(method: .post, uri: "/_handson/snapshots/\(name)/restore", headers: [:], body: [])
            default: return Call(method: .get, uri: "/_handson/snapshots", headers: [:], body: [])
            }
        case 5 where rng.oneIn(10):
            return Call(method: .post, uri: rng.pick(["/_handson/reset", "/moto-api/reset"]), headers: [:], body: [])
        case 5:
            return Call(method: rng.pick([.get, .post, .put, .delete]), uri: "/_handson/" + rng.pick(["health", "nope", "state/", "clock/x", "snapshots/", "snapshots//restore", "lambda-code/1/2/3", "lambda-runtime/x/2018-06-01/runtime/invocation/next"]),
                        headers: [:], body: [])
        default:  // an AWS call, mutated, so there is state to query and save
            var request = WireRequestMutator.mutate(rng.pick(awsSeeds), other: rng.pick(awsSeeds), rng: &rng)
            if request.path.contains("2015-03-31") || request.path.hasPrefix("/_handson") { request.path = "/"; request.method = "POST" }
            var headers = HTTPFields()
            for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
                // Values a real HTTP parser would have refused never reach the router.
                if let field = HTTPField.Name(name), !value.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F }) { headers[field] = value }
            }
            var uri = request.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.union(["%"])) ?? "/"
            if !uri.hasPrefix("/") { uri = "/" + uri }
            if !request.query.isEmpty {
                uri += "?" + request.query.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
            }
            let method = HTTPRequest.Method(request.method) ?? .post
            return Call(method: method, uri: uri, headers: headers, body: Array(request.body))
        }
    }
}
