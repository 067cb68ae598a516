import Foundation
import JSON

extension WireProtocol {
    /// `POST …/service/{Service}/operation/{Operation}`, `smithy-protocol: rpc-v2-cbor`, CBOR bodies.
    public static let rpcV2CBOR = WireProtocol(rawValue: "smithy-rpc-v2-cbor")
}

/// Smithy RPC v2 CBOR (CloudWatch lists it first; the Java and Go SDKs speak it):
/// `POST …/service/{ServiceName}/operation/{OperationName}` with `smithy-protocol:
/// rpc-v2-cbor` and a CBOR map body keyed by member name. Answers carry the same header and
/// `Content-Type: application/cbor`; errors name their shape in `__type` (and, for
/// query-compatible services, their query-era code in `x-amzn-query-error`, as awsJson does).
struct RPCv2CBORCodec: WireProtocolCodec {
    static let contentType = "application/cbor"
    static let protocolHeader = ("smithy-protocol", "rpc-v2-cbor")

    var wireProtocol: WireProtocol { .rpcV2CBOR }

    /// Claims requests whose `smithy-protocol` header says rpc-v2-cbor, or (clients that
    /// leave it out) that post CBOR to a path of this protocol's shape.
    func route(_ request: WireRequest, in catalog: ServiceCatalog) throws(WireError) -> RoutedRequest? {
        // Every request passes here first: two header lookups decide, the path is split only after.
        let declared = request.headers[Self.protocolHeader.0]?.lowercased() == Self.protocolHeader.1
        guard declared || request.headers["content-type"]?.lowercased().hasPrefix(Self.contentType) == true else { return nil }
        let names = Self.pathNames(request.path)
        if !declared && names == nil { return nil }
        guard let names else {
            throw WireError.unknownOperation("An RPC v2 request's path is …/service/{ServiceName}/operation/{OperationName}, not \(request.path).")
        }
        // The path names the Smithy service shape, which botocore models keep as `targetPrefix`.
        guard let model = catalog.model(targetPrefix: names.service),
              model.metadata.protocols.contains(wireProtocol.rawValue) || model.metadata.protocolName == wireProtocol.rawValue
        else {
            throw WireError.unknownOperation("No service \(names.service) speaks RPC v2 CBOR here.")
        }
        guard let operation = model.operations[names.operation] else {
            throw WireError.unknownOperation("The operation \(names.operation) is not supported by \(model.name).")
                .from(wireProtocol, service: model.name)
        }
        return RoutedRequest(model: model, operation: operation, scope: SigV4Scope.from(headers: request.headers, parameters: request.query))
    }

    /// The service and operation names of an RPC v2 path; any prefix before `/service/` is allowed.
    static func pathNames(_ path: String) -> (service: String, operation: String)? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count >= 5 else { return nil }
        let tail = segments.suffix(4).map(String.init)
        guard tail[0] == "service", tail[2] == "operation", !tail[1].isEmpty, !tail[3].isEmpty else { return nil }
        return (tail[1].removingPercentEncoding ?? tail[1], tail[3].removingPercentEncoding ?? tail[3])
    }

    /// An empty body is an empty input (clients send none for operations without input).
    func decodeInput(_ request: WireRequest, routed: RoutedRequest, shape: ShapeID) throws(WireError) -> JSONValue {
        guard !request.body.isEmpty else { return .object([:]) }
        let value: CBORValue
        do {
            value = try CBORDecoder.decode(request.body)
        } catch {
            throw .serialization("The request body is not valid CBOR (\(error.description)).")
        }
        return try CBORShapeCoding(model: routed.model).json(value, shape)
    }

    /// The output as a CBOR map; no body for an operation without output.
    func encode(output: JSONValue, for request: DecodedRequest, requestId: String) -> WireResponse {
        let headers = [Self.protocolHeader, ("Content-Type", Self.contentType), ("x-amzn-RequestId", requestId)]
        guard let outputID = request.operationModel.output else { return WireResponse(status: 200, headers: headers, body: Data()) }
        let fields = output == .null ? JSONValue.object([:]) : output
        let body = CBOREncoder.encode(CBORShapeCoding(model: request.model).cbor(fields, outputID))
        return WireResponse(status: 200, headers: headers, body: body)
    }

    /// `{"__type": "namespace#Code", "message": "…", …the error shape's members}`; the
    /// namespace is the model overlay's `errorNamespace` when it names one (clients keep only
    /// what follows `#`).
    func encode(error: WireError, model: ServiceModel?, requestId: String) -> WireResponse {
        let type = model?.metadata.errorNamespace.map { "\($0)#\(error.code)" } ?? error.code
        let fields = ErrorEncoding.fields(error, model: model)
        var body: CBORValue
        if let model, let id = model.shapeIDs[error.code], model[id].isException {
            body = CBORShapeCoding(model: model).cbor(.object(fields), id)
        } else {
            body = CBORShapeCoding.generic(.object(fields))
        }
        if case .map(var entries) = body {
            // An error shape without a message member still has its message told.
            if ErrorEncoding.messageMember(error, model: model) == nil, !error.message.isEmpty,
               !entries.contains(where: { $0.key == .text("message") }) {
                entries.append(CBORMapEntry(.text("message"), .text(error.message)))
            }
            body = .map([CBORMapEntry(.text("__type"), .text(type))] + entries)
        }
        var headers = [Self.protocolHeader, ("Content-Type", Self.contentType), ("x-amzn-RequestId", requestId)]
        if model?.metadata.awsQueryCompatible == true {
            headers.append(("x-amzn-query-error", "\(error.queryCode ?? error.code);\(ErrorEncoding.fault(error))"))
        }
        return WireResponse(status: error.httpStatus, headers: headers, body: CBOREncoder.encode(body))
    }
}
