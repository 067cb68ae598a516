import Foundation
import JSON

/// The awsQuery protocol: `Action=` and the input as form (or URL) parameters, answers in
/// XML (`<ActionResponse><ActionResult>…`), errors as `<ErrorResponse>`. Also how older
/// clients reach JSON services that stayed query-compatible (SQS).
struct QueryCodec: WireProtocolCodec {
    var wireProtocol: WireProtocol { .query }

    /// The service is the one the request was signed for; unsigned requests go to the
    /// service that has the action. Where several qualify (elb and elbv2 share a signing
    /// name) the one whose API version the request names wins.
    func route(_ request: WireRequest, in catalog: ServiceCatalog) throws(WireError) -> RoutedRequest? {
        let parameters = Self.parameters(request)
        guard let action = parameters.last(where: { $0.0 == "Action" })?.1 else { return nil }
        let scope = SigV4Scope.from(headers: request.headers, parameters: parameters)
        let candidates = catalog.candidates(signingName: scope?.service, accepts: \.acceptsQuery)
        let version = parameters.last { $0.0 == "Version" }?.1
        let withAction = candidates.filter { $0.operations[action] != nil }
        guard let model = withAction.first(where: { $0.metadata.apiVersion == version }) ?? withAction.first,
              let operation = model.operations[action]
        else {
            throw WireError.invalidAction(action).from(.query, service: candidates.count == 1 ? candidates[0].name : nil)
        }
        return RoutedRequest(model: model, operation: operation, scope: scope, parameters: parameters)
    }

    func decodeInput(_ request: WireRequest, routed: RoutedRequest, shape: ShapeID) throws(WireError) -> JSONValue {
        let input = try QueryInputDecoder(model: routed.model).decode(routed.parameters, shape: shape)
        return Self.addingRequestURL(input, model: routed.model, shape: shape, request: request)
    }

    func encode(output: JSONValue, for request: DecodedRequest, requestId: String) -> WireResponse {
        let body = QueryXMLEncoder(model: request.model).response(request.operationModel, output: output, requestId: requestId)
        return WireResponse(status: 200, headers: [("Content-Type", "text/xml"), ("x-amzn-RequestId", requestId)], body: body)
    }

    /// `<ErrorResponse><Error><Type>Sender</Type><Code>…</Code><Message>…</Message><Detail/></Error><RequestId>…</RequestId></ErrorResponse>`
    func encode(error: WireError, model: ServiceModel?, requestId: String) -> WireResponse {
        var xml = XMLWriter(capacity: 256)
        xml.open("ErrorResponse", namespace: model?.metadata.xmlNamespace)
        xml.open("Error")
        xml.element("Type", ErrorEncoding.fault(error))
        xml.element("Code", error.queryCode ?? error.code)
        Self.errorMembers(error, model: model, into: &xml)
        // SQS's query errors end with an empty `<Detail/>`; other query services send none.
        if model?.metadata.awsQueryCompatible == true { xml.empty("Detail") }
        xml.close("Error")
        xml.element("RequestId", requestId)
        xml.close("ErrorResponse")
        return WireResponse(status: error.httpStatus, headers: [("Content-Type", "text/xml"), ("x-amzn-RequestId", requestId)],
                            body: Data(xml.text.utf8))
    }

    /// `<Message>` (when there is one) and the error shape's other members, as XML elements.
    static func errorMembers(_ error: WireError, model: ServiceModel?, into xml: inout XMLWriter) {
        let messageName = ErrorEncoding.messageMember(error, model: model)
        var fields = error.fields
        let message = messageName.flatMap { fields.removeValue(forKey: $0) }
        if case .string(let text)? = message, error.message.isEmpty {
            xml.element("Message", text)
        } else if !error.message.isEmpty {
            xml.element("Message", error.message)
        }
        if !fields.isEmpty, let model, let shape = model.errorShape(named: error.code) {
            QueryXMLEncoder(model: model).structure(fields, shape, into: &xml)
        }
    }

    /// Form fields and URL query parameters together: a POST form may still carry
    /// presigning parameters in its URL.
    static func parameters(_ request: WireRequest) -> [(String, String)] {
        let contentType = request.headers["content-type"]?.lowercased() ?? ""
        let isForm = contentType.hasPrefix("application/x-www-form-urlencoded")
            || (contentType.isEmpty && request.method == "POST" && !request.body.isEmpty)
        guard isForm else { return request.query }
        return request.query + FormDecoding.decode(request.body)
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
