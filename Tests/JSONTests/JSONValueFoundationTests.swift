import Foundation
import JSON
import Testing

@Suite("JSONValue from Foundation values")
struct JSONValueFoundationTests {
    /// JSONSerialization returns booleans as NSNumber; `as? Bool` would also accept 0 and 1.
    @Test func jsonSerializationBooleansAreNotNumbers() throws {
        let text = #"[true, false, 1, 0, 1.5, 10324440, null, "s", {"flag": true, "count": 1}]"#
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        let value = try JSONValue(any: object)
        #expect(value == [true, false, 1, 0, 1.5, 10324440, nil, "s", ["flag": true, "count": 1]])
        #expect(value == (try JSONValue(jsonString: text)))
    }

    @Test func nsNumbersByKind() throws {
        #expect(try JSONValue(any: NSNumber(value: true)) == .bool(true))
        #expect(try JSONValue(any: NSNumber(value: false)) == .bool(false))
        #expect(try JSONValue(any: NSNumber(value: 1)) == .number(1))
        #expect(try JSONValue(any: NSNumber(value: Int8(1))) == .number(1))
        #expect(try JSONValue(any: NSNumber(value: 0.25)) == .number(0.25))
    }

    @Test func swiftNativeValues() throws {
        let dictionary: [String: Any] = [
            "bool": true, "int": 42, "uint8": UInt8(7), "double": 2.5, "float": Float(0.5),
            "string": "x", "array": [1, "two", false] as [Any], "null": NSNull(),
        ]
        #expect(try JSONValue(any: dictionary) == [
            "bool": true, "int": 42, "uint8": 7, "double": 2.5, "float": 0.5,
            "string": "x", "array": [1, "two", false], "null": nil,
        ])
    }

    @Test func optionalNoneBecomesNull() throws {
        let dictionary: [String: Any?] = ["missing": nil, "present": 1]
        #expect(try JSONValue(any: dictionary as Any) == ["missing": nil, "present": 1])
    }

    @Test func unsupportedTypeNamesThePath() {
        let error = #expect(throws: JSONValueError.self) { try JSONValue(any: ["when": [Date()]]) }
        #expect(error?.message.contains("$.when[0]") == true)
    }
}
