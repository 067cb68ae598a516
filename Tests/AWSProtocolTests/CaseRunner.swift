import Foundation
import JSON
@testable import AWSWire

/// Runs one case against the codecs: nil when it passes, else what went wrong.
enum CaseRunner {
    static func failure(of testCase: ProtocolTestCase) -> String? {
        switch testCase.direction {
        case .input: inputFailure(testCase)
        case .output: outputFailure(testCase)
        }
    }

    // MARK: Input: the serialized request decodes back into the params.

    static func inputFailure(_ testCase: ProtocolTestCase) -> String? {
        guard case .object(let serialized)? = testCase.body["serialized"] else { return "case has no serialized request" }
        let request = wireRequest(serialized, protocolName: testCase.model.metadata.protocolName)
        let codec = WireCodec(catalog: ServiceCatalog(models: [testCase.model]))
        let decoded: DecodedRequest
        do {
            decoded = try codec.decode(request)
        } catch {
            return "decoding failed: \(error)"
        }
        guard decoded.operation == testCase.operation.name else { return "routed to \(decoded.operation)" }
        let params = testCase.body["params"] ?? .object([:])
        guard let input = testCase.operation.input else {
            return params == .object([:]) ? nil : "operation has no input but params \(params.jsonText())"
        }
        return ShapeValues(model: testCase.model).difference(params, decoded.input, input)
    }

    /// The request as the server hands it over: path still percent-encoded, query
    /// parameters decoded, header names lowercased; binary (CBOR) bodies are base64 in the files.
    static func wireRequest(_ serialized: [String: JSONValue], protocolName: String = "") -> WireRequest {
        let uri = serialized["uri"]?.stringValue ?? "/"
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var query: [(String, String)] = []
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = String(kv[0]).removingPercentEncoding ?? String(kv[0])
                let value = kv.count > 1 ? (String(kv[1]).removingPercentEncoding ?? String(kv[1])) : ""
                query.append((key, value))
            }
        }
        var headers: [String: String] = [:]
        if case .object(let fields)? = serialized["headers"] {
            for (name, value) in fields { headers[name.lowercased()] = value.stringValue ?? "" }
        }
        let text = serialized["body"]?.stringValue ?? ""
        let body = protocolName == "smithy-rpc-v2-cbor" ? Data(base64Encoded: text) ?? Data(text.utf8) : Data(text.utf8)
        return WireRequest(method: serialized["method"]?.stringValue ?? "POST", path: String(parts[0]), query: query,
                           headers: headers, body: body)
    }

    // MARK: Output: the result (or error) encodes into the response.

    static func outputFailure(_ testCase: ProtocolTestCase) -> String? {
        guard case .object(let expected)? = testCase.body["response"] else { return "case has no response" }
        let model = testCase.model
        let codec = WireCodec(catalog: ServiceCatalog(models: [model]))
        let wireProtocol = WireProtocol(rawValue: model.metadata.protocolName)
        guard codec.codec(for: wireProtocol) != nil else { return "no codec for protocol \(wireProtocol)" }
        let request = DecodedRequest(model: model, operation: testCase.operation, input: [:], wireProtocol: wireProtocol)
        let values = ShapeValues(model: model)
        let response: WireResponse
        if case .string(let code)? = testCase.body["errorCode"] {
            guard let shapeID = testCase.operation.errors.first(where: { (model[$0].error?.code ?? model[$0].name) == code }) else {
                return "no error shape for code \(code)"
            }
            let shape = model[shapeID]
            var error = WireError.modeled(shape.name, message: testCase.body["errorMessage"]?.stringValue ?? "", in: model)
            if case .object(let fields) = values.serviceForm(testCase.body["error"] ?? .object([:]), shapeID) {
                error.fields = fields
            }
            response = codec.encode(error: error, for: request, requestId: "requestid")
        } else {
            var output: JSONValue = testCase.body["result"] ?? .object([:])
            if let outputID = testCase.operation.output { output = values.serviceForm(output, outputID) }
            response = codec.encode(output: output, for: request, requestId: "requestid")
        }
        var problems: [String] = []
        if case .number(let status)? = expected["status_code"], Int(status) != response.status {
            problems.append("status \(response.status), expected \(Int(status))")
        }
        if case .object(let headers)? = expected["headers"] {
            for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
                let want = value.stringValue ?? ""
                guard let got = response.header(name) else {
                    problems.append("header \(name) missing, expected \(want.debugDescription)")
                    continue
                }
                if !sameHeader(name, want, got) { problems.append("header \(name): \(got.debugDescription), expected \(want.debugDescription)") }
            }
        }
        let body = Data((expected["body"]?.stringValue ?? "").utf8)
        if let difference = BodyComparison.compare(body, response.body, protocolName: model.metadata.protocolName) {
            problems.append(difference)
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    /// Header values as clients read them: comma lists item by item, dates by instant; a
    /// content type by its media type; a request id only by being there (each response has its own).
    static func sameHeader(_ name: String, _ want: String, _ got: String) -> Bool {
        if want == got { return true }
        switch name.lowercased() {
        case "x-amzn-requestid", "x-amz-request-id": return !got.isEmpty
        case "content-type":
            let mediaType = { (text: String) in text.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } }
            return mediaType(want) == mediaType(got)
        default: break
        }
        let split = { (text: String) in text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        if split(want) == split(got) { return true }
        return BodyComparison.sameLeaf(want, got)
    }
}

extension JSONValue {
    var stringValue: String? { if case .string(let text) = self { text } else { nil } }
}
