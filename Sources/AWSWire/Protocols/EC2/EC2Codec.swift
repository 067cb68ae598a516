import Foundation
import JSON

/// The EC2 protocol: awsQuery's `Action=` form with its own naming rules (`queryName`, else
/// the `locationName` capitalised) and lists always flat (`Name.N`); answers are
/// `<OperationResponse>` without a result wrapper, errors
/// `<Response><Errors><Error>…</Error></Errors><RequestID>…</RequestID></Response>`.
struct EC2Codec: WireProtocolCodec {
    var wireProtocol: WireProtocol { .ec2 }

    /// Claims an `Action=` request only when an EC2-protocol model has that action, so the
    /// query codec after it still answers every other one.
    func route(_ request: WireRequest, in catalog: ServiceCatalog) throws(WireError) -> RoutedRequest? {
        let parameters = QueryCodec.parameters(request)
        guard let action = parameters.last(where: { $0.0 == "Action" })?.1 else { return nil }
        let scope = SigV4Scope.from(headers: request.headers, parameters: parameters)
        let candidates = catalog.candidates(signingName: scope?.service) { $0.protocolName == "ec2" }
        guard let model = candidates.first(where: { $0.operations[action] != nil }),
              let operation = model.operations[action]
        else { return nil }
        return RoutedRequest(model: model, operation: operation, scope: scope, parameters: parameters)
    }

    func decodeInput(_ request: WireRequest, routed: RoutedRequest, shape: ShapeID) throws(WireError) -> JSONValue {
        try QueryInputDecoder(model: routed.model, dialect: .ec2).decode(routed.parameters, shape: shape)
    }

    func encode(output: JSONValue, for request: DecodedRequest, requestId: String) -> WireResponse {
        let body = QueryXMLEncoder(model: request.model, dialect: .ec2).response(request.operationModel, output: output, requestId: requestId)
        return WireResponse(status: 200, headers: [("Content-Type", "text/xml;charset=UTF-8"), ("x-amzn-RequestId", requestId)], body: body)
    }

    /// EC2 says `RequestID`, where query says `RequestId`.
    func encode(error: WireError, model: ServiceModel?, requestId: String) -> WireResponse {
        var xml = XMLWriter(capacity: 256)
        xml.open("Response")
        xml.open("Errors")
        xml.open("Error")
        xml.element("Code", error.queryCode ?? error.code)
        QueryCodec.errorMembers(error, model: model, into: &xml)
        xml.close("Error")
        xml.close("Errors")
        xml.element("RequestID", requestId)
        xml.close("Response")
        return WireResponse(status: error.httpStatus, headers: [("Content-Type", "text/xml;charset=UTF-8"), ("x-amzn-RequestId", requestId)],
                            body: Data(xml.text.utf8))
    }
}
