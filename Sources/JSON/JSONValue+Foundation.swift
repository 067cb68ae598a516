import Foundation

// JSONSerialization hands booleans back as NSNumber, and `NSNumber as? Bool` succeeds for
// any 0 or 1, so a type check is the only reliable test. Both Darwin and swift-corelibs
// vend booleans as a private NSNumber subclass (__NSCFBoolean); compare against its class.
private let booleanNumberClass = ObjectIdentifier(type(of: NSNumber(value: true)))

extension JSONValue {
    /// Converts a JSONSerialization-style value: NSNull, NSNumber (booleans recognised by
    /// class, not value), String, arrays and `[String: Any]` dictionaries, plus Swift's own
    /// Bool, integer and floating-point types, Optional.none, and JSONValue itself.
    /// Throws `JSONValueError` for anything else.
    public init(any: Any) throws {
        self = try Self.convert(any, path: "$")
    }

    private static func convert(_ any: Any, path: String) throws(JSONValueError) -> JSONValue {
        // Swift's Bool first: it would otherwise bridge to NSNumber and look like 0/1.
        if type(of: any) == Bool.self, let value = any as? Bool { return .bool(value) }
        switch any {
        case let value as JSONValue:
            return value
        case is NSNull:
            return .null
        case let number as NSNumber:
            if ObjectIdentifier(type(of: number)) == booleanNumberClass { return .bool(number.boolValue) }
            return try finite(number.doubleValue, path: path)
        case let value as any BinaryInteger:
            return .number(Double(value))
        case let value as any BinaryFloatingPoint:
            return try finite(Double(value), path: path)
        case let value as String:
            return .string(value)
        case let values as [Any]:
            var elements: [JSONValue] = []
            elements.reserveCapacity(values.count)
            for (index, element) in values.enumerated() {
                elements.append(try convert(element, path: "\(path)[\(index)]"))
            }
            return .array(elements)
        case let members as [String: Any]:
            var object: [String: JSONValue] = [:]
            object.reserveCapacity(members.count)
            for (key, member) in members {
                object[key] = try convert(member, path: "\(path).\(key)")
            }
            return .object(object)
        default:
            if isNone(any) { return .null }
            throw JSONValueError(message: "\(path): \(type(of: any)) is not a JSON value")
        }
    }

    private static func finite(_ value: Double, path: String) throws(JSONValueError) -> JSONValue {
        guard value.isFinite else { throw JSONValueError(message: "\(path): \(value) is not a JSON number") }
        return .number(value)
    }

    /// `Optional<T>.none` boxed in `Any` (e.g. from `[String: Any?]`) matches no pattern above.
    private static func isNone(_ any: Any) -> Bool {
        let mirror = Mirror(reflecting: any)
        return mirror.displayStyle == .optional && mirror.children.isEmpty
    }
}
