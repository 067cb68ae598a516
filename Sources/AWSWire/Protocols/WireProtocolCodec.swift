import Foundation
import JSON

/// One AWS wire protocol: how a request in it is recognised and routed to a model and
/// operation, how its input becomes the JSON form services see, and how an output or an
/// error goes back on the wire. `WireCodec` offers each request to the codecs of
/// `RegisteredCodecs.all` in order; a protocol is one codec file plus one entry there.
///
/// Codecs hold no state: everything they need comes with each call, so one value serves
/// every request concurrently.
protocol WireProtocolCodec: Sendable {
    /// The protocol's name, as model metadata and `DecodedRequest.wireProtocol` say it.
    var wireProtocol: WireProtocol { get }

    /// The model and operation a request is for. Nil when the request is not in this
    /// protocol (the next codec is asked); throws when it is but names no known operation,
    /// so the client gets the error in its own protocol.
    func route(_ request: WireRequest, in catalog: ServiceCatalog) throws(WireError) -> RoutedRequest?

    /// The input in JSON form named as the model's members: timestamps as epoch seconds,
    /// blobs as base64 text. `WireCodec` then runs `InputValidator` over it.
    func decodeInput(_ request: WireRequest, routed: RoutedRequest, shape: ShapeID) throws(WireError) -> JSONValue

    /// A successful response; `output` is in JSON form (`.null` or `{}` for none).
    func encode(output: JSONValue, for request: DecodedRequest, requestId: String) -> WireResponse

    /// An error response; `model` is nil when decoding failed before a service was known.
    /// The error's query code is already resolved from the model (`ErrorEncoding.resolved`).
    func encode(error: WireError, model: ServiceModel?, requestId: String) -> WireResponse
}

/// A request a codec has recognised: the operation, the credential scope, and what the
/// codec read on the way that decoding needs again.
struct RoutedRequest: Sendable {
    let model: ServiceModel
    let operation: OperationModel
    /// From the SigV4 credential scope, when the request was signed.
    var region: String?
    var accessKeyId: String?
    /// REST protocols: the path template's variables (`{FunctionName}` → value), percent-decoded.
    var pathCaptures: [String: String] = [:]
    /// Query protocols: the form and URL parameters, in order.
    var parameters: [(String, String)] = []

    init(model: ServiceModel, operation: OperationModel, scope: SigV4Scope?,
         pathCaptures: [String: String] = [:], parameters: [(String, String)] = []) {
        self.model = model
        self.operation = operation
        region = scope?.region
        accessKeyId = scope?.accessKeyId
        self.pathCaptures = pathCaptures
        self.parameters = parameters
    }
}
