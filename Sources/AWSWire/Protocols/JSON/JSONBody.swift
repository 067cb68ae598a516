import Foundation
import JSON

/// JSON bodies between the wire form and the form services see, walked by shape.
///
/// - Timestamps: services see epoch seconds; the wire carries epoch seconds unless the
///   member or shape says `iso8601` or `rfc822` (http-date). Decoding accepts any form.
/// - Names: restJson1 sends a member under its `locationName` (Smithy's `jsonName`) when
///   it has one; awsJson never renames (`useLocationNames: false`), which also keeps SQS's
///   query-era overlay names out of its JSON.
///
/// Walks only what needs it: a shape without timestamps below it, in a protocol that does
/// not rename, is passed through untouched.
struct JSONBody {
    let model: ServiceModel
    var useLocationNames = false

    /// Wire → service form.
    func decode(_ value: JSONValue, _ id: ShapeID) -> JSONValue {
        let shape = model[id]
        guard useLocationNames || shape.containsTimestamp else { return value }
        switch (shape.type, value) {
        case (.structure, .object(let fields)) where !shape.isDocument:
            var out: [String: JSONValue] = [:]
            for (key, field) in fields {
                if let member = memberNamed(wire: key, in: shape) {
                    out[member.name] = decode(field, member.shape)
                } else {
                    out[key] = field  // unknown: the validator drops it
                }
            }
            return .object(out)
        case (.list, .array(let items)):
            guard let element = shape.member else { return value }
            return .array(items.map { decode($0, element.shape) })
        case (.map, .object(let entries)):
            guard let valueRef = shape.value else { return value }
            return .object(entries.mapValues { decode($0, valueRef.shape) })
        case (.timestamp, .string(let text)):
            return (Timestamp.parseISO8601(text) ?? Timestamp.parseHTTPDate(text)).map(JSONValue.number) ?? value
        default:
            return value
        }
    }

    /// Service → wire form.
    func encode(_ value: JSONValue, _ id: ShapeID, format: String? = nil) -> JSONValue {
        let shape = model[id]
        guard useLocationNames || shape.containsTimestamp else { return value }
        switch (shape.type, value) {
        case (.structure, .object(let fields)) where !shape.isDocument:
            var out: [String: JSONValue] = [:]
            for (key, field) in fields {
                guard let member = shape.member(named: key) else {
                    out[key] = field  // not in the (trimmed) model: passed on as the service wrote it
                    continue
                }
                let name = useLocationNames ? member.locationName ?? member.name : member.name
                out[name] = encode(field, member.shape, format: member.timestampFormat)
            }
            return .object(out)
        case (.list, .array(let items)):
            guard let element = shape.member else { return value }
            return .array(items.map { encode($0, element.shape, format: element.timestampFormat) })
        case (.map, .object(let entries)):
            guard let valueRef = shape.value else { return value }
            return .object(entries.mapValues { encode($0, valueRef.shape, format: valueRef.timestampFormat) })
        case (.timestamp, _):
            guard let seconds = Self.seconds(value) else { return value }
            switch format ?? "unixTimestamp" {
            case "iso8601": return .string(Timestamp.iso8601(seconds))
            case "rfc822": return .string(Timestamp.httpDate(seconds))
            default: return .number(seconds)
            }
        default:
            return value
        }
    }

    /// Epoch seconds from either form a service may hand over.
    static func seconds(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let seconds): seconds
        case .string(let text): Timestamp.parseISO8601(text) ?? Timestamp.parseHTTPDate(text)
        default: nil
        }
    }

    private func memberNamed(wire key: String, in shape: Shape) -> Member? {
        if useLocationNames, let member = shape.members.first(where: { ($0.locationName ?? $0.name) == key && $0.location == nil }) {
            return member
        }
        return shape.member(named: key)
    }
}
