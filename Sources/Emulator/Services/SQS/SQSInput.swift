import Foundation
import JSON

/// Typed access to a request's members, named as in the SQS model. Lenient about numbers
/// sent as strings (the query protocol carries everything as text) but strict about shape.
struct SQSInput {
    let fields: [String: JSONValue]

    init(_ value: JSONValue) {
        if case .object(let fields) = value { self.fields = fields } else { self.fields = [:] }
    }

    func has(_ name: String) -> Bool {
        if let value = fields[name], value != .null { return true }
        return false
    }

    func string(_ name: String) throws(AWSError) -> String? {
        switch fields[name] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        case .number(let value)?: return JSONValue.number(value).jsonText()
        case .bool(let value)?: return value ? "true" : "false"
        case let other?: throw Self.invalid(other, name)
        }
    }

    func requiredString(_ name: String) throws(AWSError) -> String {
        guard let value = try string(name) else { throw SQSErrors.missingParameter(name) }
        return value
    }

    func int(_ name: String) throws(AWSError) -> Int? {
        switch fields[name] {
        case nil, .null?: return nil
        case .number(let value)?:
            guard value == value.rounded(), abs(value) < 9.0e15 else { throw Self.invalid(.number(value), name) }
            return Int(value)
        case .string(let text)?:
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else { throw Self.invalid(.string(text), name) }
            return value
        case let other?: throw Self.invalid(other, name)
        }
    }

    func stringList(_ name: String) throws(AWSError) -> [String]? {
        switch fields[name] {
        case nil, .null?: return nil
        case .array(let elements)?:
            var result: [String] = []
            for element in elements {
                guard case .string(let value) = element else { throw Self.invalid(element, name) }
                result.append(value)
            }
            return result
        case .string(let value)?: return [value]
        case let other?: throw Self.invalid(other, name)
        }
    }

    /// A map of strings; numbers and booleans are accepted as their text.
    func stringMap(_ name: String) throws(AWSError) -> [String: String]? {
        switch fields[name] {
        case nil, .null?: return nil
        case .object(let members)?:
            var result: [String: String] = [:]
            for (key, value) in members {
                switch value {
                case .string(let text): result[key] = text
                case .number, .bool: result[key] = SQSInput(.object(["v": value])).stringOrNil("v")
                default: throw Self.invalid(value, "\(name).\(key)")
                }
            }
            return result
        case let other?: throw Self.invalid(other, name)
        }
    }

    func objectMap(_ name: String) throws(AWSError) -> [String: SQSInput]? {
        switch fields[name] {
        case nil, .null?: return nil
        case .object(let members)?:
            var result: [String: SQSInput] = [:]
            for (key, value) in members {
                guard case .object = value else { throw Self.invalid(value, "\(name).\(key)") }
                result[key] = SQSInput(value)
            }
            return result
        case let other?: throw Self.invalid(other, name)
        }
    }

    func objectList(_ name: String) throws(AWSError) -> [SQSInput]? {
        switch fields[name] {
        case nil, .null?: return nil
        case .array(let elements)?:
            var result: [SQSInput] = []
            for element in elements {
                guard case .object = element else { throw Self.invalid(element, name) }
                result.append(SQSInput(element))
            }
            return result
        case let other?: throw Self.invalid(other, name)
        }
    }

    /// A nested object (Lambda's `Code`, `Environment`).
    func object(_ name: String) throws(AWSError) -> SQSInput? {
        switch fields[name] {
        case nil, .null?: return nil
        case .object?: return SQSInput(fields[name]!)
        case let other?: throw Self.invalid(other, name)
        }
    }

    func bool(_ name: String) throws(AWSError) -> Bool? {
        switch fields[name] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        case .string(let text)?: return text.lowercased() == "true"
        case let other?: throw Self.invalid(other, name)
        }
    }

    private func stringOrNil(_ name: String) -> String? { try? string(name) }

    private static func invalid(_ value: JSONValue, _ name: String) -> AWSError {
        let text: String
        if case .string(let string) = value { text = string } else { text = value.jsonText() }
        return SQSErrors.invalidParameterValue("Value \(text) for parameter \(name) is invalid.")
    }
}
