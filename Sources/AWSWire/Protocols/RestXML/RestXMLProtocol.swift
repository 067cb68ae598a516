import Foundation
import JSON

/// The restXml protocol (S3, Route 53, CloudFront): the operation found by method and path
/// template, members bound to the path, query string and headers by their `location`, the
/// rest in an XML body whose root element names the input — or the body itself for a
/// `payload` member (raw bytes for a blob, text for a string, an element for a structure).
enum RestXMLProtocol {
    static let contentType = "application/xml"

    /// The input of `operation` in JSON form.
    static func decode(_ request: WireRequest, model: ServiceModel, operation: OperationModel, captures: [String: String]) throws(WireError) -> JSONValue {
        guard let inputID = operation.input else { return .object([:]) }
        let shape = model[inputID]
        var fields = try HTTPBindings.decode(request, model: model, shape: shape, captures: captures,
                                             literalQuery: literalQueryNames(operation.requestURI))
        let decoder = XMLShapeDecoder(model: model)
        if let payloadName = shape.payload, let member = shape.member(named: payloadName) {
            let target = model[member.shape]
            switch target.type {
            case .blob:
                if !request.body.isEmpty { fields[payloadName] = .string(request.body.base64EncodedString()) }
            case .string:
                if !request.body.isEmpty { fields[payloadName] = .string(String(decoding: request.body, as: UTF8.self)) }
            default:
                if let root = try document(request.body) { fields[payloadName] = try decoder.value(root, member) }
            }
        } else if shape.members.contains(where: { $0.location == nil }), let root = try document(request.body) {
            fields.merge(try decoder.structure(root, shape)) { bound, _ in bound }
        }
        return .object(fields)
    }

    /// The root element of a body; nil for an empty one.
    private static func document(_ body: Data) throws(WireError) -> XMLNode? {
        guard body.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else { return nil }
        do {
            return try XMLReader.parse(body)
        } catch {
            throw WireError(code: "MalformedXML", message: "The XML you provided was not well-formed or did not validate against our published schema (\(error.description)).")
        }
    }

    /// The parameter names a template's query requires (`versioning` in `/{Bucket}?versioning`):
    /// they select the operation and are no member's value.
    static func literalQueryNames(_ uri: String) -> Set<String> {
        guard let query = uri.split(separator: "?", maxSplits: 1).dropFirst().first else { return [] }
        return Set(query.split(separator: "&").map { String($0.split(separator: "=", maxSplits: 1)[0]) })
    }

    /// A successful response: bound members as status and headers, the rest as the body.
    static func response(_ output: JSONValue, model: ServiceModel, operation: OperationModel, requestId: String) -> WireResponse {
        var status = operation.responseCode
        var headers: [(String, String)] = [("x-amzn-RequestId", requestId)]
        guard let outputID = operation.output, case .object(let all) = output else {
            return WireResponse(status: status, headers: headers, body: Data())
        }
        let shape = model[outputID]
        let fields = HTTPBindings.encode(all, model: model, shape: shape, status: &status, headers: &headers)
        let encoder = XMLShapeEncoder(model: model)
        if let payloadName = shape.payload, let member = shape.member(named: payloadName) {
            let target = model[member.shape]
            switch (target.type, fields[payloadName]) {
            case (_, nil), (_, .null?):
                return WireResponse(status: status, headers: headers, body: Data())
            case (.blob, .string(let base64)?):
                let data = Data(base64Encoded: base64) ?? Data(base64.utf8)
                return WireResponse(status: status, headers: headers + [("Content-Type", "application/octet-stream")], body: data)
            case (.string, .string(let text)?):
                return WireResponse(status: status, headers: headers + [("Content-Type", "text/plain")], body: Data(text.utf8))
            case (_, let value?):
                var xml = XMLWriter()
                let name = member.locationName ?? target.xmlName ?? target.name
                encoder.write(value, member, named: name, namespace: member.xmlNamespace ?? target.xmlNamespace, into: &xml)
                return WireResponse(status: status, headers: headers + [("Content-Type", contentType)], body: Data(xml.text.utf8))
            }
        }
        guard shape.members.contains(where: { $0.location == nil && fields[$0.name] != nil && fields[$0.name] != .null }) else {
            return WireResponse(status: status, headers: headers, body: Data())
        }
        var xml = XMLWriter()
        let namespace = shape.xmlNamespace ?? model.metadata.xmlNamespace.map { XMLNamespace(prefix: nil, uri: $0) }
        encoder.element(shape.xmlName ?? shape.name, fields: fields, shape: shape, namespace: namespace, into: &xml)
        return WireResponse(status: status, headers: headers + [("Content-Type", contentType)], body: Data(xml.text.utf8))
    }

    /// `<ErrorResponse><Error><Type/><Code/><Message/>…</Error><RequestId/></ErrorResponse>`,
    /// or S3's unwrapped `<Error><Code/><Message/>…<RequestId/></Error>`. `fields` are the
    /// error shape's own members: header-bound ones become headers, the rest elements.
    static func error(_ error: WireError, fields: [String: JSONValue] = [:], model: ServiceModel?, requestId: String) -> WireResponse {
        var status = error.httpStatus
        var headers: [(String, String)] = [("Content-Type", contentType), ("x-amzn-RequestId", requestId)]
        var body = fields
        let shape = model?.errorShape(named: error.code)
        if let model, let shape {
            body = HTTPBindings.encode(fields, model: model, shape: shape, status: &status, headers: &headers)
        }
        let unwrapped = model?.metadata.noErrorWrapping ?? false
        var xml = XMLWriter(capacity: 256)
        if unwrapped {
            xml.open("Error")
        } else {
            xml.open("ErrorResponse", namespace: model?.metadata.xmlNamespace)
            xml.open("Error")
            xml.element("Type", error.senderFault ? "Sender" : "Receiver")
        }
        xml.element("Code", error.queryCode ?? error.code)
        xml.element("Message", error.message)
        if let model, let shape {
            let encoder = XMLShapeEncoder(model: model)
            for member in shape.members where member.location == nil {
                let name = member.locationName ?? member.name
                guard name != "Message", name != "message", name != "Code", let value = body[member.name], value != .null else { continue }
                encoder.write(value, member, named: name, namespace: member.xmlNamespace, into: &xml)
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
        return WireResponse(status: status, headers: headers, body: Data(xml.text.utf8))
    }
}
