import Foundation
import JSON

/// The restJson1 protocol (Lambda): the operation named by method and path template;
/// members bound to the path, query string and headers by their `location` trait
/// (`HTTPBindings`), the rest in a JSON body under their `locationName` — or the body
/// itself for a `payload` member. Services see one JSON object in the model's member
/// names, as with every protocol; a blob is a base64 string there.
struct RestJSONCodec: WireProtocolCodec {
    var wireProtocol: WireProtocol { .restJSON }

    func route(_ request: WireRequest, in catalog: ServiceCatalog) throws(WireError) -> RoutedRequest? {
        RestRoutes.route(request, in: catalog, protocolName: "rest-json")
    }

    func decodeInput(_ request: WireRequest, routed: RoutedRequest, shape id: ShapeID) throws(WireError) -> JSONValue {
        let model = routed.model
        let shape = model[id]
        let body = JSONBody(model: model, useLocationNames: true)
        var fields: [String: JSONValue] = [:]
        if let payloadName = shape.payload, let member = shape.member(named: payloadName) {
            let target = model[member.shape]
            switch target.type {
            case .blob:
                if !request.body.isEmpty { fields[payloadName] = .string(request.body.base64EncodedString()) }
            case .string:
                if !request.body.isEmpty { fields[payloadName] = .string(String(decoding: request.body, as: UTF8.self)) }
            case _ where target.isDocument:
                if !request.body.isEmpty { fields[payloadName] = try Self.parseDocument(request.body) }
            default:
                let value = try JSONCodec.parseBody(request.body)
                if case .object(let object) = value, !object.isEmpty { fields[payloadName] = body.decode(value, member.shape) }
            }
        } else if case .object(let members) = body.decode(try JSONCodec.parseBody(request.body), id) {
            fields = members
        }
        try HTTPBindings.decode(request, shape: shape, model: model, captures: routed.pathCaptures, into: &fields)
        return .object(fields)
    }

    func encode(output: JSONValue, for request: DecodedRequest, requestId: String) -> WireResponse {
        let model = request.model
        let status = request.operationModel.responseCode
        let base: [(String, String)] = [("x-amzn-RequestId", requestId)]
        guard let outputID = request.operationModel.output, case .object(var fields) = output else {
            return WireResponse(status: status, headers: base + [("Content-Type", "application/json")], body: Data("{}".utf8))
        }
        let shape = model[outputID]
        let bound = HTTPBindings.encode(&fields, shape: shape, model: model)
        var headers = base + bound.headers
        let hasContentType = bound.headers.contains { $0.0.lowercased() == "content-type" }
        func withType(_ type: String) -> [(String, String)] { hasContentType ? headers : headers + [("Content-Type", type)] }
        let finalStatus = bound.status ?? status
        if let payloadName = shape.payload, let member = shape.member(named: payloadName) {
            let target = model[member.shape]
            switch (target.type, fields[payloadName]) {
            case (_, nil), (_, .null?):
                return WireResponse(status: finalStatus, headers: headers, body: Data())
            case (.blob, .string(let base64)?):
                let data = Data(base64Encoded: base64) ?? Data(base64.utf8)
                // Lambda's Invoke payload is JSON by contract, and the real service says so.
                return WireResponse(status: finalStatus, headers: withType(model.name == "lambda" ? "application/json" : "application/octet-stream"), body: data)
            case (.string, .string(let text)?):
                return WireResponse(status: finalStatus, headers: withType("text/plain"), body: Data(text.utf8))
            case (_, let value?):
                let encoded = JSONBody(model: model, useLocationNames: true).encode(value, member.shape)
                return WireResponse(status: finalStatus, headers: withType("application/json"), body: encoded.jsonData())
            }
        }
        headers = withType("application/json")
        let body = JSONBody(model: model, useLocationNames: true).encode(.object(fields), outputID)
        return WireResponse(status: finalStatus, headers: headers, body: body.jsonData())
    }

    /// restJson1: the code in `x-amzn-ErrorType`, the error's members in the body (botocore
    /// reads the header first), header-bound members as headers. Lambda's error shapes have
    /// a `Type` member: `User` or `Service`.
    func encode(error: WireError, model: ServiceModel?, requestId: String) -> WireResponse {
        var fields = ErrorEncoding.fields(error, model: model)
        var headers: [(String, String)] = [("Content-Type", "application/json"), ("x-amzn-RequestId", requestId),
                                           ("x-amzn-ErrorType", error.code)]
        guard let model, let shape = model.errorShape(named: error.code), let id = model.shapeIDs[error.code] else {
            // Unmodeled: both spellings of the message, as Lambda's own bodies carry them.
            fields["Type"] = .string(error.senderFault ? "User" : "Service")
            if !error.message.isEmpty { fields["Message"] = .string(error.message) }
            return WireResponse(status: error.httpStatus, headers: headers, body: JSONValue.object(fields).jsonData())
        }
        if shape.member(named: "Type") != nil, fields["Type"] == nil {
            fields["Type"] = .string(error.senderFault ? "User" : "Service")
        }
        headers += HTTPBindings.encode(&fields, shape: shape, model: model).headers
        let body = JSONBody(model: model, useLocationNames: true).encode(.object(fields), id)
        return WireResponse(status: error.httpStatus, headers: headers, body: body.jsonData())
    }

    /// A document payload: any JSON value.
    private static func parseDocument(_ body: Data) throws(WireError) -> JSONValue {
        do {
            return try JSONValue(jsonData: body)
        } catch {
            throw .serialization("The request body is not valid JSON.")
        }
    }
}
