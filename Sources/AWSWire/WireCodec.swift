import Foundation
import JSON

/// The wire layer's one entry point: HTTP request → `DecodedRequest` (operation + JSON
/// input in the model's member names), and JSON output or `WireError` → HTTP response in
/// the protocol the client spoke. The protocols themselves are the codecs of
/// `RegisteredCodecs`. Holds only immutable models, so one instance serves every request
/// concurrently.
public struct WireCodec: Sendable {
    public let catalog: ServiceCatalog
    private let codecs: [any WireProtocolCodec]

    public init(catalog: ServiceCatalog) {
        self.init(catalog: catalog, codecs: RegisteredCodecs.all)
    }

    init(catalog: ServiceCatalog, codecs: [any WireProtocolCodec]) {
        self.catalog = catalog
        self.codecs = codecs
    }

    /// The codec of a protocol, if it is registered.
    func codec(for wireProtocol: WireProtocol) -> (any WireProtocolCodec)? {
        codecs.first { $0.wireProtocol == wireProtocol }
    }

    public func decode(_ request: WireRequest) throws(WireError) -> DecodedRequest {
        for codec in codecs {
            let routed: RoutedRequest
            do {
                guard let found = try codec.route(request, in: catalog) else { continue }
                routed = found
            } catch {
                throw error.from(codec.wireProtocol, service: nil)
            }
            return try decode(request, routed: routed, codec: codec)
        }
        // Nothing claimed it: no target header, no `Action`, no REST path. The query
        // protocol's answer is the most telling (and what such requests got before).
        throw WireError.missingAction().from(.query, service: nil)
    }

    /// Decodes a request already routed (the protocol tests route by their own model).
    func decode(_ request: WireRequest, routed: RoutedRequest, codec: any WireProtocolCodec) throws(WireError) -> DecodedRequest {
        let model = routed.model
        do {
            var input: JSONValue = .object([:])
            if let shape = routed.operation.input {
                input = try codec.decodeInput(request, routed: routed, shape: shape)
                input = try InputValidator(model: model, wireProtocol: codec.wireProtocol).validate(input, shape: shape)
            }
            return DecodedRequest(model: model, operation: routed.operation, input: input, wireProtocol: codec.wireProtocol,
                                  region: routed.region, accessKeyId: routed.accessKeyId)
        } catch {
            throw error.from(codec.wireProtocol, service: model.name)
        }
    }

    /// A successful response: `output` is the operation's output in JSON form (member
    /// names as in the model; `.null` or `{}` for none).
    public func encode(output: JSONValue, for request: DecodedRequest, requestId: String) -> WireResponse {
        // A DecodedRequest names a protocol only a registered codec produced, or a caller chose;
        // an unknown one is answered in JSON rather than trapping.
        let codec = codec(for: request.wireProtocol) ?? JSONCodec()
        return codec.encode(output: output, for: request, requestId: requestId)
    }

    /// An error response in the protocol of `request`; without one (decoding failed), in
    /// the protocol and service decoding had identified, else `wireProtocol`, else JSON.
    public func encode(error: WireError, for request: DecodedRequest?, wireProtocol: WireProtocol? = nil, requestId: String) -> WireResponse {
        let model = request?.model ?? (error.service.flatMap(catalog.model(named:)))
        let resolved = ErrorEncoding.resolved(error, model: model)
        let chosen = request?.wireProtocol ?? error.wireProtocol ?? wireProtocol ?? .json
        let codec = codec(for: chosen) ?? JSONCodec()
        return codec.encode(error: resolved, model: model, requestId: requestId)
    }
}
