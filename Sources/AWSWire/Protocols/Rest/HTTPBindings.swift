import Foundation
import JSON

/// Members the REST protocols bind to parts of the HTTP message by their `location`: path
/// labels (`uri`), the query string (`querystring`), headers (`header`), prefixed header
/// maps (`headers`) and the status code (`statusCode`). The body is each protocol's own.
///
/// Text forms follow botocore's REST serializers: timestamps ISO 8601 in the path and
/// query, http-date in headers (unless the member says otherwise); header lists joined
/// by ", " with items holding commas or quotes quoted; a `jsonvalue` header is base64 JSON.
enum HTTPBindings {
    // MARK: Requests

    /// Reads every bound member of the input shape from the request into `fields`.
    static func decode(_ request: WireRequest, shape: Shape, model: ServiceModel, captures: [String: String],
                       into fields: inout [String: JSONValue]) throws(WireError) {
        for member in shape.members {
            guard let location = member.location else { continue }
            let wireName = member.locationName ?? member.name
            let target = model[member.shape]
            switch location {
            case "uri":
                if let text = captures[wireName] { fields[member.name] = try scalar(text, member, model: model, location: location) }
            case "querystring":
                if target.type == .map, let valueRef = target.value {
                    // The map (Smithy's httpQueryParams) sees every parameter, those other members take too.
                    var map: [String: JSONValue] = [:]
                    let isList = model[valueRef.shape].type == .list
                    for (key, value) in request.query {
                        if isList {
                            var items: [JSONValue] = []
                            if case .array(let existing)? = map[key] { items = existing }
                            items.append(.string(value))
                            map[key] = .array(items)
                        } else if map[key] == nil {
                            map[key] = .string(value)
                        }
                    }
                    if !map.isEmpty { fields[member.name] = .object(map) }
                } else if target.type == .list, let element = target.member {
                    let values = request.query.filter { $0.0 == wireName }.map(\.1)
                    if !values.isEmpty {
                        fields[member.name] = .array(try values.map { value throws(WireError) in
                            try scalar(value, element, model: model, location: location)
                        })
                    }
                } else if let value = request.query.first(where: { $0.0 == wireName })?.1 {
                    fields[member.name] = try scalar(value, member, model: model, location: location)
                }
            case "header":
                guard let text = request.headers[wireName.lowercased()] else { continue }
                if target.type == .list, let element = target.member {
                    let items = splitHeaderList(text, timestamps: model[element.shape].type == .timestamp
                                                && (element.timestampFormat ?? "rfc822") == "rfc822")
                    fields[member.name] = .array(try items.map { item throws(WireError) in
                        try scalar(item, element, model: model, location: location)
                    })
                } else if member.jsonValue, let data = Data(base64Encoded: text) {
                    fields[member.name] = .string(String(decoding: data, as: UTF8.self))
                } else {
                    fields[member.name] = try scalar(text, member, model: model, location: location)
                }
            case "headers":
                let prefix = wireName.lowercased()
                var map: [String: JSONValue] = [:]
                for (name, value) in request.headers where name.hasPrefix(prefix) {
                    map[String(name.dropFirst(prefix.count))] = .string(value)
                }
                if !map.isEmpty { fields[member.name] = .object(map) }
            default:
                continue
            }
        }
    }

    /// A path, query or header string as the member's type.
    static func scalar(_ text: String, _ ref: Member, model: ServiceModel, location: String) throws(WireError) -> JSONValue {
        let shape = model[ref.shape]
        switch shape.type {
        case .integer, .long:
            guard let number = Double(text.trimmingCharacters(in: .whitespaces)), number == number.rounded() else {
                throw WireError.serialization("The value '\(text)' of \(ref.name) is not an integer.")
            }
            return .number(number)
        case .float, .double:
            switch text {
            case "NaN", "Infinity", "-Infinity": return .string(text)
            default:
                guard let number = Double(text.trimmingCharacters(in: .whitespaces)) else {
                    throw WireError.serialization("The value '\(text)' of \(ref.name) is not a number.")
                }
                return .number(number)
            }
        case .boolean:
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: throw WireError.serialization("The value '\(text)' of \(ref.name) is not a boolean.")
            }
        case .timestamp:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let seconds = Timestamp.parseISO8601(trimmed) ?? Timestamp.parseHTTPDate(trimmed) ?? Double(trimmed) else {
                throw WireError.serialization("The value '\(text)' of \(ref.name) is not a timestamp.")
            }
            return .number(seconds)
        default:
            return .string(text)
        }
    }

    /// `a, "b,c", "\"q\""` → `a`, `b,c`, `"q"`. An http-date holds a comma itself, so a list
    /// of them is split at every other comma.
    static func splitHeaderList(_ text: String, timestamps: Bool) -> [String] {
        if timestamps {
            let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return stride(from: 0, to: parts.count, by: 2).map { i in
                i + 1 < parts.count ? parts[i] + ", " + parts[i + 1] : parts[i]
            }
        }
        var items: [String] = []
        var current = ""
        var quoted = false
        var wasQuoted = false
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            switch character {
            case "\"" where quoted:
                quoted = false
            case "\"" where current.trimmingCharacters(in: .whitespaces).isEmpty:
                quoted = true
                wasQuoted = true
                current = ""
            case "\\" where quoted:
                if let next = iterator.next() { current.append(next) }
            case "," where !quoted:
                items.append(wasQuoted ? current : current.trimmingCharacters(in: .whitespaces))
                current = ""
                wasQuoted = false
            default:
                if !(wasQuoted && !quoted) { current.append(character) }
            }
        }
        items.append(wasQuoted ? current : current.trimmingCharacters(in: .whitespaces))
        return items
    }

    // MARK: Responses

    /// Takes the bound members out of `fields` and returns the status and headers they make.
    static func encode(_ fields: inout [String: JSONValue], shape: Shape, model: ServiceModel) -> (status: Int?, headers: [(String, String)]) {
        var status: Int?
        var headers: [(String, String)] = []
        for member in shape.members {
            guard let location = member.location, let value = fields.removeValue(forKey: member.name), value != .null else { continue }
            let wireName = member.locationName ?? member.name
            switch location {
            case "statusCode":
                if case .number(let n) = value { status = Int(n) }
            case "header":
                let target = model[member.shape]
                if target.type == .list, let element = target.member, case .array(let items) = value {
                    let texts = items.map { headerText($0, element, model: model) }
                    let quote = model[element.shape].type == .string
                    headers.append((wireName, texts.map { quote ? quoteIfNeeded($0) : $0 }.joined(separator: ", ")))
                } else if member.jsonValue, case .string(let text) = value {
                    headers.append((wireName, Data(text.utf8).base64EncodedString()))
                } else {
                    headers.append((wireName, headerText(value, member, model: model)))
                }
            case "headers":
                if case .object(let map) = value {
                    for key in map.keys.sorted() {
                        headers.append((wireName + key, map[key].map { headerText($0, member, model: model) } ?? ""))
                    }
                }
            default:
                fields[member.name] = value  // not a header thing: leave it to the body
            }
        }
        return (status, headers)
    }

    /// A scalar as header text; timestamps as http-date unless the member says otherwise.
    static func headerText(_ value: JSONValue, _ ref: Member, model: ServiceModel) -> String {
        if model[ref.shape].type == .timestamp, let seconds = JSONBody.seconds(value) {
            switch ref.timestampFormat ?? "rfc822" {
            case "iso8601": return Timestamp.iso8601(seconds)
            case "unixTimestamp": return QueryXMLEncoder.formatNumber(seconds)
            default: return Timestamp.httpDate(seconds)
            }
        }
        switch value {
        case .string(let text): return text
        case .number(let n): return QueryXMLEncoder.formatNumber(n)
        case .bool(let b): return b ? "true" : "false"
        default: return value.jsonText()
        }
    }

    private static func quoteIfNeeded(_ text: String) -> String {
        guard text.contains(",") || text.contains("\"") else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
