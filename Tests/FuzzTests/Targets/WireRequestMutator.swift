import Foundation
import JSON
@testable import AWSWire

/// Mutates a whole HTTP request the way a broken or hostile client could: its body (bytes, or
/// structure-aware for JSON, form and CBOR bodies), headers (content types and protocol
/// headers swapped between protocols, values garbled), path, query string and method.
enum WireRequestMutator {
    static let bodyTokens = Mutator(dictionary: [
        "{", "}", "[", "]", "\"", ":", ",", "null", "true", "\\u0000", "\\ud800", "<", ">", "</", "/>", "<?xml version=\"1.0\"?>",
        "<!DOCTYPE x [<!ENTITY a \"b\">]>", "&amp;", "&#0;", "&#x110000;", "<![CDATA[", "]]>", "xmlns=\"", "&", "=", "%", "%zz", "%00",
        "Action=", ".member.", ".1.", ".0.", "\u{9f}", "\u{bf}", "\u{ff}", "\u{fa}", "\u{7f}", "\u{1b}", "\u{5f}", "\u{c1}",
    ])
    static let contentTypes = ["application/x-amz-json-1.0", "application/x-amz-json-1.1", "application/json", "application/x-www-form-urlencoded",
                               "application/x-www-form-urlencoded; charset=utf-8", "application/cbor", "text/xml", "application/xml", "text/plain",
                               "multipart/form-data; boundary=x", "", ";;", "application/x-amz-json-9.9", "APPLICATION/JSON"]
    static let targets = ["AmazonSQS.SendMessage", "AmazonSQS.CreateQueue", "Logs_20140328.PutLogEvents", "AmazonSQS.", ".", "AmazonSQS",
                          "Nope.Nope", "GraniteServiceVersion20100801.ListMetrics", "AmazonSQS.SendMessage.Extra", "JsonProtocol.OperationWithOptionalInputOutput",
                          "logs_20140328.putlogevents", String(repeating: "A", count: 5000)]
    static let headerNames = ["content-type", "x-amz-target", "smithy-protocol", "authorization", "host", "x-amz-date", "x-amz-invocation-type",
                              "x-amz-log-type", "x-amz-client-context", "content-length", "x-amz-security-token", "x-amz-content-sha256",
                              "x-amz-meta-a", "x-amzn-query-mode", "accept", "content-md5"]
    static let methods = ["GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS", "", "get", "BREW"]
    static let pathPieces = ["/", "//", "%", "%2", "%zz", "%2F", "%00", "..", "/../", "{", "}", "?", "#", ";", "/2015-03-31/functions/",
                             "/service/x/operation/y", "/service//operation/", "/123456789012/q", "~", "%C3%A9", "%FF", "%ED%A0%80"]

    static func mutate(_ seed: WireRequest, other: WireRequest, rng: inout FuzzRNG) -> WireRequest {
        var request = seed
        for _ in 0..<rng.int(in: 1...3) {
            switch rng.below(10) {
            case 0, 1, 2, 3: request.body = mutateBody(request, other: other, rng: &rng)
            case 4:
                request.headers[rng.pick(["content-type", "x-amz-target", "smithy-protocol"])] = rng.oneIn(4) ? nil : headerValue(&rng)
            case 5:
                let name = rng.oneIn(2) ? rng.pick(Array(request.headers.keys.sorted()) + headerNames) : rng.pick(headerNames)
                switch rng.below(3) {
                case 0: request.headers[name] = nil
                case 1: request.headers[name] = headerValue(&rng)
                default: request.headers[name] = bodyTokens.mutate(request.headers[name] ?? "", rng: &rng)
                }
            case 6: request.path = mutatePath(request.path, other: other.path, rng: &rng)
            case 7: request.query = mutateQuery(request.query, other: other.query, rng: &rng)
            case 8: request.method = rng.pick(methods + [other.method])
            default:  // the other request's headers or body with this one's routing: protocols swapped
                if rng.oneIn(2) { request.headers = other.headers } else { request.body = other.body }
            }
        }
        return request
    }

    static func headerValue(_ rng: inout FuzzRNG) -> String {
        switch rng.below(5) {
        case 0: return rng.pick(contentTypes)
        case 1: return rng.pick(targets)
        case 2: return rng.pick(["rpc-v2-cbor", "RPC-V2-CBOR", "rpc-v2-json", ""])
        case 3: return rng.pick(["AWS4-HMAC-SHA256 Credential=", "AWS4-HMAC-SHA256 Credential=a/b/c/d/e/f/g, Signature=x",
                                 "AWS4-HMAC-SHA256 Credential=AKID/20260101//sqs/aws4_request", "AWS4-HMAC-SHA256 Credential=AKID/////",
                                 "Bearer x", "AWS AKID:sig", "AWS4-HMAC-SHA256 Credential=ASIA" + String(repeating: "A", count: 300) + "/x/y/z/aws4_request"])
        default: return RandomJSON.string(&rng)
        }
    }

    static func mutatePath(_ path: String, other: String, rng: inout FuzzRNG) -> String {
        switch rng.below(4) {
        case 0: return path + rng.pick(pathPieces)
        case 1:
            var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if !segments.isEmpty { segments[rng.below(segments.count)] = rng.pick(pathPieces + [RandomJSON.string(&rng)]) }
            return segments.joined(separator: "/")
        case 2: return other
        default: return bodyTokens.mutate(path, rng: &rng)
        }
    }

    static func mutateQuery(_ query: [(String, String)], other: [(String, String)], rng: inout FuzzRNG) -> [(String, String)] {
        var pairs = query
        switch rng.below(4) {
        case 0 where !pairs.isEmpty: pairs.remove(at: rng.below(pairs.count))
        case 1 where !pairs.isEmpty: pairs.append(pairs[rng.below(pairs.count)])
        case 2 where !pairs.isEmpty:
            let index = rng.below(pairs.count)
            pairs[index].1 = rng.oneIn(2) ? RandomJSON.string(&rng) : rng.pick(Mutator.numbers)
        default: pairs.append(rng.oneIn(2) && !other.isEmpty ? rng.pick(other) : (rng.pick(["Action", "Version", "MaxItems", "x-id", "list-type", ""]), RandomJSON.string(&rng)))
        }
        return pairs
    }

    static func mutateBody(_ request: WireRequest, other: WireRequest, rng: inout FuzzRNG) -> Data {
        let body = request.body
        if rng.oneIn(3) {  // structure-aware, when the body has a structure we can read
            if let document = try? JSONValue(jsonData: body) {
                return RandomJSON.mutate(document, &rng).jsonData()
            }
            if let value = try? CBORDecoder.decode(body) {
                return CBOREncoder.encode(RandomCBOR.mutate(value, &rng))
            }
            if let form = String(data: body, encoding: .utf8), form.contains("=") {
                return Data(FormMutator.mutate(form, rng: &rng).utf8)
            }
        }
        return Data(bodyTokens.mutate(Array(body), rng: &rng, splice: Array(other.body)))
    }
}

/// Edits of `a=b&c=d` bodies by pair: the query protocols' list indices and names at their edges.
enum FormMutator {
    static let indices = ["0", "-1", "1", "2", "100", "1001", "999999999999999999999", "1.5", "", "01", " 1", "a"]

    static func mutate(_ form: String, rng: inout FuzzRNG) -> String {
        var pairs = form.split(separator: "&", omittingEmptySubsequences: false).map { pair -> (String, String) in
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(kv[0]), kv.count > 1 ? String(kv[1]) : "")
        }
        guard !pairs.isEmpty else { return form }
        let index = rng.below(pairs.count)
        switch rng.below(6) {
        case 0: pairs.remove(at: index)
        case 1: pairs.append(pairs[index])
        case 2: pairs[index].1 = (rng.oneIn(2) ? RandomJSON.string(&rng) : rng.pick(Mutator.numbers))
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        case 3:  // a list index at its edge
            var parts = pairs[index].0.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if let number = parts.indices.filter({ Int(parts[$0]) != nil }).randomElement(using: &rng) {
                parts[number] = rng.pick(indices)
            } else {
                parts.append(rng.pick(["member", "entry", "1", "Name", "Value"]))
            }
            pairs[index].0 = parts.joined(separator: ".")
        case 4: pairs.insert((rng.pick(["Attribute.1.Name", "Tags.member.1.Key", "MessageAttribute.1.Value.BinaryValue", "Action", "Version",
                                        "Entries.member.1.Id", "x.entry.1.key", "ActionNames.member.3"]), RandomJSON.string(&rng)), at: index)
        default: pairs[index].0 = "\(pairs[index].0).\(rng.pick(indices))"
        }
        return pairs.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }
}
