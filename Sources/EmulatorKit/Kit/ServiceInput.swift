import Foundation
import JSON

/// Typed access to a request's members, named as in the service's model. The wire layer has
/// already checked types against the model; what remains is reported in the service's own
/// `InputErrorStyle`, and for query-protocol services scalars are accepted as text.
public struct ServiceInput: Sendable {
    public let fields: [String: JSONValue]
    public let style: any InputErrorStyle

    public init(_ value: JSONValue, style: any InputErrorStyle) {
        if case .object(let fields) = value { self.fields = fields } else { self.fields = [:] }
        self.style = style
    }

    /// The member is present and not null.
    public func has(_ name: String) -> Bool {
        if let value = fields[name], value != .null { return true }
        return false
    }

    public func string(_ name: String) throws(AWSError) -> String? {
        guard let value = fields[name], value != .null else { return nil }
        guard let text = text(value) else { throw style.invalid(value, member: name, expected: .string) }
        return text
    }

    /// A string, or where the style accepts text a number or boolean as the query protocol writes it.
    private func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .number(let number) where style.acceptsText: JSONValue.formatNumber(number)
        case .bool(let flag) where style.acceptsText: flag ? "true" : "false"
        default: nil
        }
    }

    public func requiredString(_ name: String) throws(AWSError) -> String {
        guard let value = try string(name) else { throw style.missing(name) }
        return value
    }

    /// A whole number within ±2^63 (a query string's digits, where text is accepted).
    public func int64(_ name: String) throws(AWSError) -> Int64? {
        switch fields[name] {
        case nil, .null?: return nil
        case .number(let value)? where value == value.rounded() && abs(value) < 9.0e18: return Int64(value)
        case .string(let text)? where style.acceptsText:
            guard let value = Int64(text.trimmingCharacters(in: .whitespaces)) else {
                throw style.invalid(.string(text), member: name, expected: .integer)
            }
            return value
        case let other?: throw style.invalid(other, member: name, expected: .integer)
        }
    }

    public func int(_ name: String) throws(AWSError) -> Int? {
        try int64(name).map { Int($0) }
    }

    /// `"true"` (any case) is true where text is accepted; any other text is false.
    public func bool(_ name: String) throws(AWSError) -> Bool? {
        switch fields[name] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        case .string(let text)? where style.acceptsText: return text.lowercased() == "true"
        case let other?: throw style.invalid(other, member: name, expected: .boolean)
        }
    }

    /// A list of strings; where text is accepted, one string stands for a list of one.
    public func stringList(_ name: String) throws(AWSError) -> [String]? {
        switch fields[name] {
        case nil, .null?: return nil
        case .array(let elements)?:
            var result: [String] = []
            for element in elements {
                guard case .string(let value) = element else { throw style.invalid(element, member: name, expected: .string) }
                result.append(value)
            }
            return result
        case .string(let value)? where style.acceptsText: return [value]
        case let other?: throw style.invalid(other, member: name, expected: .list)
        }
    }

    /// A map of strings; where text is accepted, numbers and booleans count as their text.
    public func stringMap(_ name: String) throws(AWSError) -> [String: String]? {
        switch fields[name] {
        case nil, .null?: return nil
        case .object(let members)?:
            var result: [String: String] = [:]
            for (key, value) in members {
                guard let text = text(value) else { throw style.invalid(value, member: "\(name).\(key)", expected: .string) }
                result[key] = text
            }
            return result
        case let other?: throw style.invalid(other, member: name, expected: .map)
        }
    }

    /// A nested structure (Lambda's `Code`, `Environment`).
    public func object(_ name: String) throws(AWSError) -> ServiceInput? {
        switch fields[name] {
        case nil, .null?: return nil
        case .object?: return ServiceInput(fields[name]!, style: style)
        case let other?: throw style.invalid(other, member: name, expected: .structure)
        }
    }

    /// A map of structures (SQS's `MessageAttributes`).
    public func objectMap(_ name: String) throws(AWSError) -> [String: ServiceInput]? {
        switch fields[name] {
        case nil, .null?: return nil
        case .object(let members)?:
            var result: [String: ServiceInput] = [:]
            for (key, value) in members {
                guard case .object = value else { throw style.invalid(value, member: "\(name).\(key)", expected: .structure) }
                result[key] = ServiceInput(value, style: style)
            }
            return result
        case let other?: throw style.invalid(other, member: name, expected: .map)
        }
    }

    /// A list of structures (batch entries).
    public func objectList(_ name: String) throws(AWSError) -> [ServiceInput]? {
        switch fields[name] {
        case nil, .null?: return nil
        case .array(let elements)?:
            var result: [ServiceInput] = []
            for element in elements {
                guard case .object = element else { throw style.invalid(element, member: name, expected: .structure) }
                result.append(ServiceInput(element, style: style))
            }
            return result
        case let other?: throw style.invalid(other, member: name, expected: .list)
        }
    }
}
