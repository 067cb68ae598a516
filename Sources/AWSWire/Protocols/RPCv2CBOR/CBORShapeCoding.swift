import Foundation
import JSON

/// CBOR to and from the JSON form of a shape, as Smithy's RPC v2 CBOR protocol maps them:
/// structures and maps are maps keyed by member name, blobs byte strings (base64 text in
/// JSON form), timestamps tag 1 around epoch seconds, floats NaN/±Infinity as themselves
/// (`"NaN"`, `"Infinity"`, `"-Infinity"` in JSON form, as the JSON protocols have them).
struct CBORShapeCoding {
    let model: ServiceModel

    // MARK: Decoding (requests)

    /// `value` read as the shape `id`; nulls and unknown members dropped.
    func json(_ value: CBORValue, _ id: ShapeID, path: String = "") throws(WireError) -> JSONValue {
        let shape = model[id]
        if case .tagged(let tag, let inner) = value, shape.type != .timestamp || tag != 1 {
            return try json(inner, id, path: path)  // tags other than a timestamp's add nothing a shape needs
        }
        switch shape.type {
        case .structure:
            if shape.isDocument { return Self.document(value) }
            guard case .map(let entries) = value else { throw mismatch(value, "a structure", path) }
            var fields: [String: JSONValue] = [:]
            for entry in entries {
                guard case .text(let key) = entry.key else { throw mismatch(entry.key, "a text key", path) }
                guard let member = shape.member(named: key), !Self.isNull(entry.value) else { continue }
                fields[key] = try json(entry.value, member.shape, path: join(path, key))
            }
            return .object(fields)
        case .list:
            guard case .array(let items) = value else { throw mismatch(value, "a list", path) }
            guard let element = shape.member else { return .array([]) }
            var result: [JSONValue] = []
            result.reserveCapacity(items.count)
            for (index, item) in items.enumerated() where !Self.isNull(item) {
                result.append(try json(item, element.shape, path: join(path, String(index))))
            }
            return .array(result)
        case .map:
            guard case .map(let entries) = value else { throw mismatch(value, "a map", path) }
            guard let valueRef = shape.value else { return .object([:]) }
            var result: [String: JSONValue] = [:]
            for entry in entries {
                guard case .text(let key) = entry.key else { throw mismatch(entry.key, "a text key", path) }
                if Self.isNull(entry.value) { continue }
                result[key] = try json(entry.value, valueRef.shape, path: join(path, key))
            }
            return .object(result)
        case .string:
            guard case .text(let text) = value else { throw mismatch(value, "a text string", path) }
            return .string(text)
        case .blob:
            switch value {
            case .bytes(let data): return .string(data.base64EncodedString())
            default: throw mismatch(value, "a byte string", path)
            }
        case .boolean:
            guard case .bool(let flag) = value else { throw mismatch(value, "a boolean", path) }
            return .bool(flag)
        case .integer, .long:
            guard let number = value.double, number == number.rounded() else { throw mismatch(value, "an integer", path) }
            return .number(number)
        case .float, .double:
            guard let number = value.double else { throw mismatch(value, "a number", path) }
            return Self.jsonNumber(number)
        case .timestamp:
            let inner: CBORValue
            if case .tagged(1, let tagged) = value { inner = tagged } else { inner = value }
            guard let seconds = inner.double, seconds.isFinite else { throw mismatch(value, "a timestamp", path) }
            return .number(seconds)
        }
    }

    private static func isNull(_ value: CBORValue) -> Bool { value == .null || value == .undefined }

    private func join(_ path: String, _ component: String) -> String { path.isEmpty ? component : path + "." + component }

    private func mismatch(_ value: CBORValue, _ expected: String, _ path: String) -> WireError {
        .serialization("Expected \(expected) for \(path.isEmpty ? "the request body" : path), found \(Self.kind(value)).")
    }

    private static func kind(_ value: CBORValue) -> String {
        switch value {
        case .unsigned, .negative: "an integer"
        case .bytes: "a byte string"
        case .text: "a text string"
        case .array: "an array"
        case .map: "a map"
        case .tagged(let tag, _): "a value tagged \(tag)"
        case .bool: "a boolean"
        case .null, .undefined: "null"
        case .simple(let n): "simple value \(n)"
        case .float, .double: "a float"
        }
    }

    /// Non-finite floats travel in JSON form as their names.
    static func jsonNumber(_ number: Double) -> JSONValue {
        if number.isNaN { return .string("NaN") }
        if number.isInfinite { return .string(number < 0 ? "-Infinity" : "Infinity") }
        return .number(number)
    }

    /// A document (untyped) value: CBOR's JSON-like subset mapped across.
    static func document(_ value: CBORValue) -> JSONValue {
        switch value {
        case .unsigned, .negative, .float, .double: return jsonNumber(value.double ?? 0)
        case .bytes(let data): return .string(data.base64EncodedString())
        case .text(let text): return .string(text)
        case .array(let items): return .array(items.map(document))
        case .map(let entries):
            var object: [String: JSONValue] = [:]
            for entry in entries {
                let key: String
                if case .text(let text) = entry.key { key = text } else { key = "\(document(entry.key).jsonText())" }
                object[key] = document(entry.value)
            }
            return .object(object)
        case .tagged(_, let inner): return document(inner)
        case .bool(let flag): return .bool(flag)
        case .null, .undefined, .simple: return .null
        }
    }

    // MARK: Encoding (responses)

    /// `value` in JSON form written as the shape `ref` points to; values that do not fit
    /// the shape are written as their JSON form would be, never dropped.
    func cbor(_ value: JSONValue, _ id: ShapeID) -> CBORValue {
        let shape = model[id]
        switch (shape.type, value) {
        case (.structure, .object(let fields)) where !shape.isDocument:
            var entries: [CBORMapEntry] = []
            for member in shape.members {
                guard let field = fields[member.name], field != .null else { continue }
                entries.append(CBORMapEntry(.text(member.name), cbor(field, member.shape)))
            }
            return .map(entries)
        case (.list, .array(let items)):
            guard let element = shape.member else { return Self.generic(value) }
            return .array(items.filter { $0 != .null }.map { cbor($0, element.shape) })
        case (.map, .object(let entries)):
            guard let valueRef = shape.value else { return Self.generic(value) }
            return .map(entries.keys.sorted().compactMap { key in
                entries[key] == .null ? nil : CBORMapEntry(.text(key), cbor(entries[key]!, valueRef.shape))
            })
        case (.blob, .string(let base64)):
            return .bytes(Data(base64Encoded: base64) ?? Data(base64.utf8))
        case (.timestamp, .number(let seconds)):
            return .tagged(1, .double(seconds))
        case (.timestamp, .string(let text)):
            return Timestamp.parseAny(text).map { .tagged(1, .double($0)) } ?? .text(text)
        case (.integer, .number(let n)), (.long, .number(let n)):
            return n == n.rounded() && abs(n) < 0x1p63 ? .integer(Int64(n)) : .double(n)
        case (.float, _), (.double, _):
            guard let number = Self.double(value) else { return Self.generic(value) }
            // A float shape in single precision when that is exact, as Smithy's clients write it.
            if shape.type == .float, number.isNaN || Double(Float(number)) == number { return .float(Float(number)) }
            return .double(number)
        default:
            return Self.generic(value)
        }
    }

    /// A number from its JSON form, the names of the non-finite ones included.
    private static func double(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let n): n
        case .string("NaN"): .nan
        case .string("Infinity"): .infinity
        case .string("-Infinity"): -.infinity
        default: nil
        }
    }

    /// A JSON value with no shape to follow (documents, or a value that fits none).
    static func generic(_ value: JSONValue) -> CBORValue {
        switch value {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let n): n == n.rounded() && abs(n) < 0x1p63 ? .integer(Int64(n)) : .double(n)
        case .string(let text): .text(text)
        case .array(let items): .array(items.map(generic))
        case .object(let fields): .map(fields.keys.sorted().map { CBORMapEntry(.text($0), generic(fields[$0]!)) })
        }
    }
}
