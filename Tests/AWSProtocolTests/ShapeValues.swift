import Foundation
import JSON
@testable import AWSWire

/// Values as botocore's tests write them (blobs as their text, timestamps as epoch
/// seconds, special floats as "NaN"/"Infinity") against values as services see them
/// (blobs as base64), walked by shape.
struct ShapeValues {
    let model: ServiceModel

    /// Where `actual` (service form) differs from `expected` (botocore form); nil when equal.
    func difference(_ expected: JSONValue, _ actual: JSONValue?, _ id: ShapeID, path: String = "") -> String? {
        let shape = model[id]
        let here = path.isEmpty ? "(input)" : path
        guard let actual, actual != .null else {
            return expected == .null ? nil : "\(here): missing, expected \(expected.jsonText())"
        }
        func differs() -> String { "\(here): expected \(expected.jsonText()), got \(actual.jsonText())" }
        switch shape.type {
        case .structure where shape.isDocument:
            return Self.sameDocument(expected, actual) ? nil : differs()
        case .structure:
            guard case .object(let want) = expected, case .object(let got) = actual else { return differs() }
            for (key, value) in want where value != .null {
                guard let member = shape.member(named: key) else { return "\(here).\(key): not in the shape" }
                if let difference = difference(value, got[key], member.shape, path: join(path, key)) { return difference }
            }
            for (key, value) in got where value != .null && (want[key] == nil || want[key] == .null) {
                return "\(join(path, key)): unexpected \(value.jsonText())"
            }
            return nil
        case .list:
            guard case .array(let want) = expected, case .array(let got) = actual, let element = shape.member else { return differs() }
            guard want.count == got.count else { return "\(here): expected \(want.count) items \(expected.jsonText()), got \(got.count) \(actual.jsonText())" }
            for index in want.indices {
                if let difference = difference(want[index], got[index], element.shape, path: "\(here)[\(index)]") { return difference }
            }
            return nil
        case .map:
            guard case .object(let want) = expected, case .object(let got) = actual, let value = shape.value else { return differs() }
            guard Set(want.keys) == Set(got.keys) else { return differs() }
            for (key, item) in want {
                if let difference = difference(item, got[key], value.shape, path: "\(here){\(key)}") { return difference }
            }
            return nil
        case .blob:
            guard case .string(let text) = expected, case .string(let base64) = actual else { return differs() }
            return Data(base64Encoded: base64) == Data(text.utf8) ? nil : "\(here): expected bytes \(text.debugDescription), got base64 \(base64)"
        case .timestamp:
            guard let want = Self.number(expected), let got = Self.number(actual) else { return differs() }
            return abs(want - got) < 0.0005 ? nil : differs()
        case .float, .double:
            guard let want = Self.number(expected), let got = Self.number(actual) else { return differs() }
            return want == got || (want.isNaN && got.isNaN) ? nil : differs()
        case .integer, .long:
            guard let want = Self.number(expected), let got = Self.number(actual) else { return differs() }
            return want == got ? nil : differs()
        case .string, .boolean:
            return expected == actual ? nil : differs()
        }
    }

    /// A botocore-form value in service form: blobs base64-encoded.
    func serviceForm(_ value: JSONValue, _ id: ShapeID) -> JSONValue {
        let shape = model[id]
        switch (shape.type, value) {
        case (.structure, .object(let fields)) where !shape.isDocument:
            var out: [String: JSONValue] = [:]
            for (key, field) in fields {
                out[key] = shape.member(named: key).map { serviceForm(field, $0.shape) } ?? field
            }
            return .object(out)
        case (.list, .array(let items)):
            guard let element = shape.member else { return value }
            return .array(items.map { serviceForm($0, element.shape) })
        case (.map, .object(let entries)):
            guard let valueRef = shape.value else { return value }
            return .object(entries.mapValues { serviceForm($0, valueRef.shape) })
        case (.blob, .string(let text)):
            return .string(Data(text.utf8).base64EncodedString())
        default:
            return value
        }
    }

    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let number): number
        case .string("NaN"): .nan
        case .string("Infinity"): .infinity
        case .string("-Infinity"): -.infinity
        default: nil
        }
    }

    /// Documents compare as JSON values (numbers by value).
    static func sameDocument(_ a: JSONValue, _ b: JSONValue) -> Bool { a == b }

    private func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }
}
