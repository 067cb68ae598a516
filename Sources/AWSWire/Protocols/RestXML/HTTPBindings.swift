import Foundation
import JSON

/// The members a REST protocol carries outside its body, by their `location` trait: `uri`
/// (path labels, `{Key+}` greedy), `querystring` (scalars, repeated lists, a map of every
/// parameter no other member claims), `header` (scalars and comma-separated lists),
/// `headers` (a prefix map) and `statusCode`. Services see them as ordinary members.
enum HTTPBindings {
    /// The bound members of `shape` read from the request.
    static func decode(_ request: WireRequest, model: ServiceModel, shape: Shape, captures: [String: String],
                       literalQuery: Set<String> = []) throws(WireError) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        let claimed = Set(shape.members.filter { $0.location == "querystring" && model[$0.shape].type != .map }
            .map { $0.locationName ?? $0.name }).union(literalQuery)
        for member in shape.members {
            let wireName = member.locationName ?? member.name
            let target = model[member.shape]
            switch member.location {
            case "uri":
                if let text = captures[wireName] {
                    fields[member.name] = try scalar(text, member, target, model: model, defaultTimestamp: "iso8601")
                }
            case "querystring":
                switch target.type {
                case .list:
                    let values = request.query.filter { $0.0 == wireName }.map(\.1)
                    guard !values.isEmpty, let element = target.member else { continue }
                    fields[member.name] = .array(try values.map { value throws(WireError) in
                        try scalar(value, element, model[element.shape], model: model, defaultTimestamp: "iso8601")
                    })
                case .map:
                    let multi = target.value.map { model[$0.shape].type == .list } ?? false
                    var map: [String: JSONValue] = [:]
                    for (key, value) in request.query where !claimed.contains(key) {
                        if multi {
                            if case .array(let items) = map[key] { map[key] = .array(items + [.string(value)]) } else { map[key] = .array([.string(value)]) }
                        } else if map[key] == nil {
                            map[key] = .string(value)
                        }
                    }
                    if !map.isEmpty { fields[member.name] = .object(map) }
                default:
                    if let value = request.query.first(where: { $0.0 == wireName })?.1 {
                        fields[member.name] = try scalar(value, member, target, model: model, defaultTimestamp: "iso8601")
                    }
                }
            case "header":
                guard let value = request.headers[wireName.lowercased()] else { continue }
                if target.type == .list, let element = target.member {
                    let elementShape = model[element.shape]
                    let httpDates = elementShape.type == .timestamp && (element.timestampFormat ?? member.timestampFormat ?? "rfc822") == "rfc822"
                    fields[member.name] = .array(try HeaderList.split(value, httpDates: httpDates).map { item throws(WireError) in
                        try scalar(item, element, elementShape, model: model, defaultTimestamp: "rfc822")
                    })
                } else {
                    fields[member.name] = try scalar(value, member, target, model: model, defaultTimestamp: "rfc822")
                }
            case "headers":
                let prefix = (member.locationName ?? "").lowercased()
                // Always present, if empty, as botocore's parser reports it.
                let map = request.headers.filter { $0.key.hasPrefix(prefix) }
                fields[member.name] = .object(Dictionary(uniqueKeysWithValues: map.map { (String($0.key.dropFirst(prefix.count)), JSONValue.string($0.value)) }))
            default:
                continue
            }
        }
        return fields
    }

    /// A path, query or header string as the member's type. Numbers and booleans must
    /// parse; a float may be `NaN` or `±Infinity` (kept as those strings, as in JSON).
    static func scalar(_ text: String, _ ref: Member, _ shape: Shape, model: ServiceModel, defaultTimestamp: String) throws(WireError) -> JSONValue {
        switch shape.type {
        case .integer, .long:
            guard let number = Int64(text.trimmingCharacters(in: .whitespaces)) else {
                throw .serialization("The value '\(text)' of \(ref.name) is not an integer.")
            }
            return .number(Double(number))
        case .float, .double:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if ["NaN", "Infinity", "-Infinity"].contains(trimmed) { return .string(trimmed) }
            guard let number = Double(trimmed), number.isFinite else {
                throw .serialization("The value '\(text)' of \(ref.name) is not a number.")
            }
            return .number(number)
        case .boolean:
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: throw .serialization("The value '\(text)' of \(ref.name) is not a boolean.")
            }
        case .timestamp:
            guard let seconds = Timestamp.parseAny(text) else {
                throw .serialization("The value '\(text)' of \(ref.name) is not a timestamp.")
            }
            return .number(seconds)
        default:
            return .string(text)
        }
    }

    /// The bound members of an output (or error) written as headers and a status; returns
    /// the fields left for the body.
    static func encode(_ fields: [String: JSONValue], model: ServiceModel, shape: Shape,
                       status: inout Int, headers: inout [(String, String)]) -> [String: JSONValue] {
        var rest = fields
        for member in shape.members {
            guard let location = member.location, let value = rest.removeValue(forKey: member.name), value != .null else { continue }
            let target = model[member.shape]
            switch location {
            case "statusCode":
                if case .number(let n) = value { status = Int(n) }
            case "header":
                let name = member.locationName ?? member.name
                if case .array(let items) = value, let element = target.member {
                    let elementShape = model[element.shape]
                    let texts = items.filter { $0 != .null }.map {
                        headerText($0, elementShape, format: element.timestampFormat ?? member.timestampFormat)
                    }
                    // HTTP-dates hold commas of their own and are never quoted; other items are when they need it.
                    headers.append((name, elementShape.type == .timestamp ? texts.joined(separator: ", ") : HeaderList.join(texts)))
                } else {
                    headers.append((name, headerText(value, target, format: member.timestampFormat)))
                }
            case "headers":
                guard case .object(let map) = value else { continue }
                let prefix = member.locationName ?? ""
                let valueShape = target.value.map { model[$0.shape] } ?? target
                for key in map.keys.sorted() where map[key] != .null {
                    headers.append((prefix + key, headerText(map[key]!, valueShape, format: target.value?.timestampFormat)))
                }
            default:
                continue  // uri and querystring members have no place in a response
            }
        }
        return rest
    }

    /// A scalar as header text: timestamps default to HTTP-date there.
    static func headerText(_ value: JSONValue, _ shape: Shape, format: String?) -> String {
        scalarText(value, shape, format: format, defaultTimestamp: "rfc822")
    }

    /// A scalar as text in the given place's timestamp default.
    static func scalarText(_ value: JSONValue, _ shape: Shape, format: String?, defaultTimestamp: String) -> String {
        switch value {
        case .string(let text):
            if shape.type == .timestamp, let seconds = Timestamp.parseAny(text) {
                return Timestamp.format(seconds, format, default: defaultTimestamp)
            }
            return text
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number):
            if shape.type == .timestamp { return Timestamp.format(number, format, default: defaultTimestamp) }
            return QueryXMLEncoder.formatNumber(number)
        case .null: return ""
        case .array, .object: return value.jsonText()
        }
    }
}

/// Comma-separated header lists (RFC 7230): items holding a comma or a quote travel quoted,
/// with `\"` and `\\` escapes; HTTP-dates, which hold a comma each, are never quoted.
enum HeaderList {
    static func join(_ items: [String]) -> String {
        items.map { item in
            guard item.contains(",") || item.contains("\"") || item.first == " " || item.last == " " else { return item }
            return "\"" + item.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }.joined(separator: ", ")
    }

    static func split(_ value: String, httpDates: Bool) -> [String] {
        var items: [String] = []
        var current = ""
        var quoted = false
        var wasQuoted = false
        var iterator = value.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\\" {
                    if let next = iterator.next() { current.append(next) }
                } else if character == "\"" {
                    quoted = false
                } else {
                    current.append(character)
                }
            } else if character == "\"" && current.allSatisfy(\.isWhitespace) {
                current = ""
                quoted = true
                wasQuoted = true
            } else if character == "," {
                items.append(wasQuoted ? current : current.trimmingCharacters(in: .whitespaces))
                current = ""
                wasQuoted = false
            } else if !(wasQuoted && character.isWhitespace) {
                current.append(character)
            }
        }
        items.append(wasQuoted ? current : current.trimmingCharacters(in: .whitespaces))
        guard httpDates else { return items }
        // `Mon, 16 Dec 2019 23:48:18 GMT` splits in two: join the pairs back.
        return stride(from: 0, to: items.count, by: 2).map { index in
            index + 1 < items.count ? items[index] + ", " + items[index + 1] : items[index]
        }
    }
}
