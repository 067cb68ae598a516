import Foundation
import JSON

/// The restJson1 protocol (Lambda): members bound to the path, query string and headers by
/// their `location` trait, the rest in a JSON body — or the body itself for a `payload`
/// member. Services see one JSON object in the model's member names, as with every protocol;
/// a blob is a base64 string there.
enum RestJSONProtocol {
    static func decode(_ request: WireRequest, model: ServiceModel, shape id: ShapeID, captures: [String: String]) throws(WireError) -> JSONValue {
        let shape = model[id]
        var fields: [String: JSONValue] = [:]
        if let payloadName = shape.payload, let member = shape.member(named: payloadName) {
            switch model[member.shape].type {
            case .blob:
                if !request.body.isEmpty { fields[payloadName] = .string(request.body.base64EncodedString()) }
            case .string:
                if !request.body.isEmpty { fields[payloadName] = .string(String(decoding: request.body, as: UTF8.self)) }
            default:
                let body = try JSONProtocol.parseBody(request.body)
                if case .object(let object) = body, !object.isEmpty { fields[payloadName] = body }
            }
        } else if case .object(let body) = try JSONProtocol.parseBody(request.body) {
            fields = body
        }
        for member in shape.members {
            let wireName = member.locationName ?? member.name
            switch member.location {
            case "uri":
                if let text = captures[wireName] { fields[member.name] = try scalar(text, model[member.shape], member: member.name) }
            case "querystring":
                let target = model[member.shape]
                if target.type == .list {
                    let values = request.query.filter { $0.0 == wireName }.map(\.1)
                    if !values.isEmpty, let element = target.member {
                        fields[member.name] = .array(try values.map { value throws(WireError) in try scalar(value, model[element.shape], member: member.name) })
                    }
                } else if target.type == .map {
                    var map: [String: JSONValue] = [:]
                    for (key, value) in request.query where !shape.members.contains(where: { ($0.locationName ?? $0.name) == key && $0.location == "querystring" }) {
                        map[key] = .string(value)
                    }
                    if !map.isEmpty { fields[member.name] = .object(map) }
                } else if let value = request.query.last(where: { $0.0 == wireName })?.1 {
                    fields[member.name] = try scalar(value, target, member: member.name)
                }
            case "header":
                if let value = request.headers[wireName.lowercased()] {
                    fields[member.name] = try scalar(value, model[member.shape], member: member.name)
                }
            case "headers":
                let prefix = wireName.lowercased()
                let map = request.headers.filter { $0.key.hasPrefix(prefix) }
                if !map.isEmpty {
                    fields[member.name] = .object(Dictionary(uniqueKeysWithValues: map.map { (String($0.key.dropFirst(prefix.count)), JSONValue.string($0.value)) }))
                }
            default:
                continue
            }
        }
        return .object(fields)
    }

    /// A path, query or header string as the member's type.
    private static func scalar(_ text: String, _ shape: Shape, member: String) throws(WireError) -> JSONValue {
        switch shape.type {
        case .integer, .long, .float, .double:
            guard let number = Double(text) else {
                throw WireError(code: "SerializationException", message: "The value '\(text)' of \(member) is not a number.")
            }
            return .number(number)
        case .boolean:
            return .bool(text.lowercased() == "true")
        case .timestamp:
            return Timestamp.parseISO8601(text).map(JSONValue.number) ?? Double(text).map(JSONValue.number) ?? .string(text)
        default:
            return .string(text)
        }
    }

    static func response(_ output: JSONValue, for request: DecodedRequest, requestId: String) -> WireResponse {
        var status = request.operationModel.responseCode
        var headers: [(String, String)] = [("x-amzn-RequestId", requestId)]
        guard let outputID = request.operationModel.output, case .object(var fields) = output else {
            return WireResponse(status: status, headers: headers + [("Content-Type", "application/json")], body: Data("{}".utf8))
        }
        let shape = request.model[outputID]
        for member in shape.members {
            guard let location = member.location, let value = fields.removeValue(forKey: member.name) else { continue }
            switch location {
            case "statusCode":
                if case .number(let n) = value { status = Int(n) }
            case "header":
                headers.append((member.locationName ?? member.name, headerText(value)))
            case "headers":
                if case .object(let map) = value {
                    for (key, item) in map { headers.append(((member.locationName ?? "") + key, headerText(item))) }
                }
            default:
                continue
            }
        }
        if let payloadName = shape.payload, let member = shape.member(named: payloadName) {
            let payload = fields[payloadName]
            switch (request.model[member.shape].type, payload) {
            case (.blob, .string(let base64)?):
                let data = Data(base64Encoded: base64) ?? Data(base64.utf8)
                return WireResponse(status: status, headers: headers + [("Content-Type", "application/json")], body: data)
            case (_, nil):
                return WireResponse(status: status, headers: headers, body: Data())
            case (_, let value?):
                return WireResponse(status: status, headers: headers + [("Content-Type", "application/json")], body: value.jsonData())
            }
        }
        let body = JSONProtocol.response(.object(fields), for: request, requestId: requestId).body
        return WireResponse(status: status, headers: headers + [("Content-Type", "application/json")], body: body)
    }

    private static func headerText(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .bool(let b): return b ? "true" : "false"
        default: return value.jsonText()
        }
    }
}
