import Foundation
import JSON

extension WireProtocol {
    /// The operation named by method and path; members in the path, query string, headers
    /// and an XML body (restXml: S3, Route 53).
    public static let restXML = WireProtocol(rawValue: "rest-xml")
}

/// The restXml protocol (S3, Route 53, CloudFront): the operation found by method and path
/// template, members bound to the path, query string and headers by their `location`
/// (`HTTPBindings`), the rest in an XML body whose root element stands for the input — or
/// the body itself for a `payload` member (raw bytes for a blob, text for a string, an
/// element for a structure).
struct RestXMLCodec: WireProtocolCodec {
    static let contentType = "application/xml"

    var wireProtocol: WireProtocol { .restXML }

    func route(_ request: WireRequest, in catalog: ServiceCatalog) throws(WireError) -> RoutedRequest? {
        RestRoutes.route(request, in: catalog, protocolName: wireProtocol.rawValue)
    }

    func decodeInput(_ request: WireRequest, routed: RoutedRequest, shape id: ShapeID) throws(WireError) -> JSONValue {
        let model = routed.model
        let shape = model[id]
        var fields: [String: JSONValue] = [:]
        let decoder = XMLShapeDecoder(model: model)
        if let payloadName = shape.payload, let member = shape.member(named: payloadName) {
            switch model[member.shape].type {
            case .blob:
                if !request.body.isEmpty { fields[payloadName] = .string(request.body.base64EncodedString()) }
            case .string:
                if !request.body.isEmpty { fields[payloadName] = .string(String(decoding: request.body, as: UTF8.self)) }
            default:
                if let root = try Self.document(request.body) { fields[payloadName] = try decoder.value(root, member) }
            }
        } else if shape.members.contains(where: { $0.location == nil }), let root = try Self.document(request.body) {
            fields = try decoder.structure(root, shape)
        }
        try HTTPBindings.decode(request, shape: shape, model: model, captures: routed.pathCaptures, into: &fields)
        Self.removeClaimedQueryKeys(&fields, shape: shape, model: model, requestURI: routed.operation.requestURI)
        return .object(fields)
    }

    /// restXml's query-parameter map holds only the parameters no other member names and
    /// the path template does not require (`?versioning`), as botocore's rest-xml suite has it.
    private static func removeClaimedQueryKeys(_ fields: inout [String: JSONValue], shape: Shape, model: ServiceModel, requestURI: String) {
        guard let mapMember = shape.members.first(where: { $0.location == "querystring" && model[$0.shape].type == .map }),
              case .object(var map)? = fields[mapMember.name] else { return }
        var claimed = Set(shape.members.filter { $0.location == "querystring" && $0.name != mapMember.name }.map { $0.locationName ?? $0.name })
        if let query = requestURI.split(separator: "?", maxSplits: 1).dropFirst().first {
            for pair in query.split(separator: "&") { claimed.insert(String(pair.split(separator: "=", maxSplits: 1)[0])) }
        }
        for key in claimed { map[key] = nil }
        fields[mapMember.name] = map.isEmpty ? nil : .object(map)
    }

    /// The root element of a body; nil for an empty one.
    static func document(_ body: Data) throws(WireError) -> XMLNode? {
        guard body.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else { return nil }
        do {
            return try XMLReader.parse(body)
        } catch {
            throw WireError(code: "MalformedXML", message: "The XML you provided was not well-formed or did not validate against our published schema (\(error.description)).")
        }
    }

    /// Bound members as status and headers, the rest as the body: the payload member's
    /// value, or an element named for the output shape holding the other members.
    func encode(output: JSONValue, for request: DecodedRequest, requestId: String) -> WireResponse {
        let model = request.model
        var headers: [(String, String)] = [("x-amzn-RequestId", requestId)]
        guard let outputID = request.operationModel.output, case .object(var fields) = output else {
            return WireResponse(status: request.operationModel.responseCode, headers: headers, body: Data())
        }
        let shape = model[outputID]
        let bound = HTTPBindings.encode(&fields, shape: shape, model: model)
        headers += bound.headers
        let status = bound.status ?? request.operationModel.responseCode
        let hasContentType = bound.headers.contains { $0.0.lowercased() == "content-type" }
        func response(_ type: String, _ body: Data) -> WireResponse {
            WireResponse(status: status, headers: hasContentType ? headers : headers + [("Content-Type", type)], body: body)
        }
        let encoder = XMLShapeEncoder(model: model)
        if let payloadName = shape.payload, let member = shape.member(named: payloadName) {
            let target = model[member.shape]
            switch (target.type, fields[payloadName]) {
            case (_, nil), (_, .null?):
                return WireResponse(status: status, headers: headers, body: Data())
            case (.blob, .string(let base64)?):
                return response("application/octet-stream", Data(base64Encoded: base64) ?? Data(base64.utf8))
            case (.string, .string(let text)?):
                return response("text/plain", Data(text.utf8))
            case (_, let value?):
                var xml = XMLWriter()
                // botocore models give every payload member a locationName, its own name unless
                // the member was renamed; only a rename outranks the target's XML name.
                let renamed = member.locationName.flatMap { $0 == member.name ? nil : $0 }
                let name = renamed ?? target.xmlName ?? target.name
                encoder.write(value, member, named: name, namespace: member.xmlNamespace ?? target.xmlNamespace, into: &xml)
                return response(Self.contentType, Data(xml.text.utf8))
            }
        }
        // No body members with values: no body (S3's PutBucketVersioning answers so).
        guard shape.members.contains(where: { XMLShapeEncoder.inResponseBody($0) && fields[$0.name].map { $0 != .null } == true }) else {
            return response(Self.contentType, Data())
        }
        var xml = XMLWriter()
        let namespace = shape.xmlNamespace ?? model.metadata.xmlNamespace.map { XMLNamespace(prefix: nil, uri: $0) }
        encoder.element(shape.xmlName ?? shape.name, fields: fields, shape: shape, namespace: namespace, response: true, into: &xml)
        return response(Self.contentType, Data(xml.text.utf8))
    }

    /// `<ErrorResponse><Error><Type/><Code/><Message/>…</Error><RequestId/></ErrorResponse>`,
    /// or, where the model's overlay says `noErrorWrapping` (S3), `<Error><Code/><Message/>…<RequestId/></Error>`.
    /// The error's header-bound members become headers, its other members elements.
    func encode(error: WireError, model: ServiceModel?, requestId: String) -> WireResponse {
        var headers: [(String, String)] = [("Content-Type", Self.contentType), ("x-amzn-RequestId", requestId)]
        var fields = error.fields
        let shape = model?.errorShape(named: error.code)
        if let model, let shape {
            headers += HTTPBindings.encode(&fields, shape: shape, model: model).headers
        }
        let unwrapped = model?.metadata.noErrorWrapping ?? false
        var xml = XMLWriter(capacity: 256)
        if unwrapped {
            xml.open("Error")
        } else {
            xml.open("ErrorResponse", namespace: model?.metadata.xmlNamespace)
            xml.open("Error")
            xml.element("Type", ErrorEncoding.fault(error))
        }
        xml.element("Code", error.queryCode ?? error.code)
        let messageMember = ErrorEncoding.messageMember(error, model: model)
        let message = error.message.isEmpty ? messageMember.flatMap { fields[$0]?.stringValue } ?? "" : error.message
        xml.element("Message", message)
        if let model, let shape {
            let encoder = XMLShapeEncoder(model: model)
            for member in shape.members where member.location == nil && member.name != messageMember {
                guard let value = fields[member.name], value != .null else { continue }
                encoder.write(value, member, named: member.locationName ?? member.name, namespace: member.xmlNamespace, into: &xml)
            }
        }
        if unwrapped {
            xml.element("RequestId", requestId)
            xml.close("Error")
        } else {
            xml.close("Error")
            xml.element("RequestId", requestId)
            xml.close("ErrorResponse")
        }
        return WireResponse(status: error.httpStatus, headers: headers, body: Data(xml.text.utf8))
    }
}

private extension JSONValue {
    var stringValue: String? { if case .string(let text) = self { text } else { nil } }
}
