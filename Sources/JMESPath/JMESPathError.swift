/// A compile-time or evaluation error, classified as the JMESPath compliance suite does.
public struct JMESPathError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case syntax
        case invalidArity = "invalid-arity"
        case invalidType = "invalid-type"
        case invalidValue = "invalid-value"
        case unknownFunction = "unknown-function"
    }

    public let kind: Kind
    /// Human-readable, e.g. "expected an identifier after '.', found ']'".
    public let message: String
    /// 0-based offset in Characters into the expression where the problem is. Always set for
    /// compile-time errors (syntax, unknown-function, invalid-arity); set for runtime errors
    /// raised by a function call (pointing at the function name), nil otherwise.
    public let offset: Int?

    public init(kind: Kind, message: String, offset: Int? = nil) {
        self.kind = kind
        self.message = message
        self.offset = offset
    }

    public var description: String {
        if let offset { "\(kind.rawValue) error at offset \(offset): \(message)" } else { "\(kind.rawValue) error: \(message)" }
    }
}
