/// Why JSON text or a Foundation value could not be turned into a `JSONValue`.
public struct JSONValueError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// 0-based byte offset into the UTF-8 JSON text, when the error came from parsing text.
    public let offset: Int?

    public init(message: String, offset: Int? = nil) {
        self.message = message
        self.offset = offset
    }

    public var description: String {
        if let offset { "invalid JSON at byte \(offset): \(message)" } else { "invalid JSON: \(message)" }
    }
}
