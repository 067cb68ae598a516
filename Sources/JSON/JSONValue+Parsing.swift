import Foundation

extension JSONValue {
    /// Parses UTF-8 JSON text (RFC 8259; any value may be the top level). Throws `JSONValueError`.
    public init(jsonData: Data) throws {
        self = try JSONParser.parse([UInt8](jsonData))
    }

    /// Parses JSON text. Throws `JSONValueError`.
    public init(jsonString: String) throws {
        self = try JSONParser.parse(Array(jsonString.utf8))
    }
}
