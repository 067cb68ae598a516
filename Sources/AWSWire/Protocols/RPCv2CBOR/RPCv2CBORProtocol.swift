import Foundation
import JSON

/// Smithy RPC v2 CBOR (CloudWatch lists it first; the Java and Go SDKs speak it):
/// `POST …/service/{ServiceName}/operation/{OperationName}` with `smithy-protocol:
/// rpc-v2-cbor` and a CBOR map body keyed by member name. Answers carry the same header,
/// `Content-Type: application/cbor`, and errors name their shape in `__type` (plus
/// `x-amzn-query-error` for query-compatible services, as the JSON protocol does).
enum RPCv2CBORProtocol {
    static let protocolName = "smithy-rpc-v2-cbor"
    static let contentType = "application/cbor"
    static let headerName = "smithy-protocol"
    static let headerValue = "rpc-v2-cbor"

    /// The service and operation names of an RPC v2 path; any prefix before `/service/` is allowed.
    static func pathNames(_ path: String) -> (service: String, operation: String)? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count >= 5 else { return nil }
        let tail = segments.suffix(4).map(String.init)
        guard tail[0] == "service", tail[2] == "operation", !tail[1].isEmpty, !tail[3].isEmpty else { return nil }
        return (tail[1].removingPercentEncoding ?? tail[1], tail[3].removingPercentEncoding ?? tail[3])
    }

    /// Whether a request is in this protocol: the header says so, or (a client that omits
    /// it) the path has the protocol's shape and the body is CBOR.
    static func claims(_ request: WireRequest) -> Bool {
        if request.headers[headerName]?.lowercased() == headerValue { return true }
        return request.headers["content-type"]?.lowercased().hasPrefix(contentType) == true && pathNames(request.path) != nil
    }

    /// The service shape's name is what the path names; botocore models keep it as `targetPrefix`.
    static func model(serviceName: String, in catalog: ServiceCatalog) -> ServiceModel? {
        guard let model = catalog.model(targetPrefix: serviceName), model.metadata.protocols.contains(protocolName) else {
            return nil
        }
        return model
    }

    /// The input in JSON form; an empty body is an empty input.
    static func decode(_ body: Data, model: ServiceModel, shape: ShapeID) throws(WireError) -> JSONValue {
        guard !body.isEmpty else { return .object([:]) }
        let value: CBORValue
        do {
            value = try CBORDecoder.decode(body)
        } catch {
            throw .serialization("The request body is not valid CBOR (\(error.description)).")
        }
        return try CBORShapeCoding(model: model).json(value, shape)
    }

    static func response(_ output: JSONValue, model: ServiceModel, operation: OperationModel, requestId: String) -> WireResponse {
        var headers = [(headerName, headerValue), ("x-amzn-RequestId", requestId)]
        guard let outputID = operation.output else { return WireResponse(status: 200, headers: headers, body: Data()) }
        headers.append(("Content-Type", contentType))
        let fields = output == .null ? JSONValue.object([:]) : output
        return WireResponse(status: 200, headers: headers, body: CBOREncoder.encode(CBORShapeCoding(model: model).cbor(fields, outputID)))
    }

    /// `{"__type": "namespace#Code", "message": "…", …the error shape's members}`.
    static func error(_ error: WireError, fields: [String: JSONValue] = [:], model: ServiceModel?, requestId: String) -> WireResponse {
        let type = model?.metadata.errorNamespace.map { "\($0)#\(error.code)" } ?? error.code
        var entries = [CBORMapEntry(.text("__type"), .text(type))]
        let shape = model?.errorShape(named: error.code)
        // The message goes under the member name the error shape uses for it, else `message`.
        let messageKey = shape?.members.first { $0.name.lowercased() == "message" }?.name ?? "message"
        entries.append(CBORMapEntry(.text(messageKey), .text(error.message)))
        if let model, let shape {
            let coding = CBORShapeCoding(model: model)
            for member in shape.members where member.name != messageKey {
                guard let value = fields[member.name], value != .null else { continue }
                entries.append(CBORMapEntry(.text(member.name), coding.cbor(value, member.shape)))
            }
        }
        var headers = [(headerName, headerValue), ("Content-Type", contentType), ("x-amzn-RequestId", requestId)]
        if model?.metadata.awsQueryCompatible == true {
            headers.append(("x-amzn-query-error", "\(error.queryCode ?? error.code);\(error.senderFault ? "Sender" : "Receiver")"))
        }
        return WireResponse(status: error.httpStatus, headers: headers, body: CBOREncoder.encode(.map(entries)))
    }
}
