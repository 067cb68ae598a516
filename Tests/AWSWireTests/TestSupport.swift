import AWSWire
import Foundation
import JSON
import Testing

/// Loaded once: model parsing is startup work, not per-test work.
let sqsCatalog: ServiceCatalog = {
    do { return try ServiceCatalog.bundled(["sqs"]) } catch { fatalError("\(error)") }
}()
let codec = WireCodec(catalog: sqsCatalog)
var sqsModel: ServiceModel { sqsCatalog.model(named: "sqs")! }

let sqsNamespace = "http://queue.amazonaws.com/doc/2012-11-05/"
let signed = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/eu-west-1/sqs/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc"

/// A request as botocore sends a JSON-protocol SQS call.
func jsonRequest(_ operation: String, _ body: String, target: String? = nil) -> WireRequest {
    WireRequest(method: "POST", path: "/", headers: [
        "content-type": "application/x-amz-json-1.0",
        "x-amz-target": target ?? "AmazonSQS.\(operation)",
        "authorization": signed,
        "host": "localhost:4566",
    ], body: Data(body.utf8))
}

/// A form POST as query-protocol SDKs send it.
func queryRequest(_ form: String, path: String = "/", authorization: String? = signed) -> WireRequest {
    var headers = ["content-type": "application/x-www-form-urlencoded; charset=utf-8", "host": "localhost:4566"]
    headers["authorization"] = authorization
    return WireRequest(method: "POST", path: path, headers: headers, body: Data(form.utf8))
}

func decode(_ request: WireRequest) throws -> DecodedRequest {
    try codec.decode(request)
}

/// The error `decode` throws, or nil when it succeeds.
func decodeError(_ request: WireRequest) -> WireError? {
    do {
        _ = try codec.decode(request)
        return nil
    } catch {
        return error
    }
}

func json(_ text: String) -> JSONValue {
    do { return try JSONValue(jsonString: text) } catch { fatalError("bad test JSON: \(error)") }
}

extension WireResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}
