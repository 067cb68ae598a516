import Foundation
import JSON

/// The wire layer's one entry point: HTTP request → `DecodedRequest` (operation + JSON
/// input in the model's member names), and JSON output or `WireError` → HTTP response in
/// the protocol the client spoke. Holds only immutable models, so one instance serves
/// every request concurrently.
public struct WireCodec: Sendable {
    public let catalog: ServiceCatalog
    private let router: ProtocolRouter

    public init(catalog: ServiceCatalog) {
        self.catalog = catalog
        router = ProtocolRouter(catalog: catalog)
    }

    public func decode(_ request: WireRequest) throws(WireError) -> DecodedRequest {
        switch try router.route(request) {
        case .json(let model, let operation, let scope):
            do {
                var input = try JSONProtocol.parseBody(request.body)
                if let shape = operation.input {
                    input = try InputValidator(model: model, wireProtocol: .json).validate(input, shape: shape)
                }
                return DecodedRequest(model: model, operation: operation, input: input, wireProtocol: .json,
                                      region: scope?.region, accessKeyId: scope?.accessKeyId)
            } catch {
                throw error.from(.json, service: model.name)
            }
        case .query(let model, let operation, let parameters, let scope):
            do {
                var input: JSONValue = .object([:])
                if let shape = operation.input {
                    input = try QueryInputDecoder(model: model).decode(parameters, shape: shape)
                    input = Self.addingRequestURL(input, model: model, shape: shape, request: request)
                    input = try InputValidator(model: model, wireProtocol: .query).validate(input, shape: shape)
                }
                return DecodedRequest(model: model, operation: operation, input: input, wireProtocol: .query,
                                      region: scope?.region, accessKeyId: scope?.accessKeyId)
            } catch {
                throw error.from(.query, service: model.name)
            }
        case .restJSON(let model, let operation, let captures, let scope):
            do {
                var input: JSONValue = .object([:])
                if let shape = operation.input {
                    input = try RestJSONProtocol.decode(request, model: model, shape: shape, captures: captures)
                    input = try InputValidator(model: model, wireProtocol: .restJSON).validate(input, shape: shape)
                }
                return DecodedRequest(model: model, operation: operation, input: input, wireProtocol: .restJSON,
                                      region: scope?.region, accessKeyId: scope?.accessKeyId)
            } catch {
                throw error.from(.restJSON, service: model.name)
            }
        }
    }

    /// A successful response: `output` is the operation's output in JSON form (member
    /// names as in the model; `.null` or `{}` for none).
    public func encode(output: JSONValue, for request: DecodedRequest, requestId: String) -> WireResponse {
        switch request.wireProtocol {
        case .json:
            return JSONProtocol.response(output, for: request, requestId: requestId)
        case .query:
            let body = QueryXMLEncoder(model: request.model).response(request.operationModel, output: output, requestId: requestId)
            return WireResponse(status: 200, headers: [("Content-Type", "text/xml"), ("x-amzn-RequestId", requestId)], body: body)
        case .restJSON:
            return RestJSONProtocol.response(output, for: request, requestId: requestId)
        }
    }

    /// An error response in the protocol of `request`; without one (decoding failed), in
    /// the protocol and service decoding had identified, else `wireProtocol`, else JSON.
    public func encode(error: WireError, for request: DecodedRequest?, wireProtocol: WireProtocol? = nil, requestId: String) -> WireResponse {
        let model = request?.model ?? (error.service.flatMap(catalog.model(named:)))
        let resolved = ErrorEncoding.resolved(error, model: model)
        switch request?.wireProtocol ?? error.wireProtocol ?? wireProtocol ?? .json {
        case .json: return ErrorEncoding.json(resolved, model: model, requestId: requestId)
        case .query: return ErrorEncoding.query(resolved, model: model, requestId: requestId)
        case .restJSON: return ErrorEncoding.restJSON(resolved, model: model, requestId: requestId)
        }
    }

    /// Old SQS clients post to the queue URL and leave `QueueUrl` out; the model's overlay
    /// names the member the request URL stands for.
    private static func addingRequestURL(_ input: JSONValue, model: ServiceModel, shape: ShapeID, request: WireRequest) -> JSONValue {
        guard let member = model.metadata.requestUrlMember, model[shape].member(named: member) != nil,
              request.path != "/", !request.path.isEmpty,
              case .object(var fields) = input, fields[member] == nil
        else { return input }
        let host = request.headers["host"] ?? "localhost"
        let scheme = request.headers["x-forwarded-proto"] ?? "http"
        fields[member] = .string("\(scheme)://\(host)\(request.path)")
        return .object(fields)
    }
}
