import Foundation
import JSON
import Testing

@Suite("JSONValue parsing")
struct JSONValueParsingTests {
    @Test func booleansStayBooleansAndNumbersStayNumbers() throws {
        let value = try JSONValue(jsonString: "[true, false, 1, 0, 1.0, -2.5e3]")
        #expect(value == [true, false, 1, 0, 1.0, -2500])
        guard case .array(let elements) = value else { Issue.record("not an array"); return }
        #expect(elements[0] == .bool(true))
        #expect(elements[2] == .number(1))
        #expect(elements[0] != elements[2], "true must not equal 1")
        #expect(elements[1] != elements[3], "false must not equal 0")
    }

    @Test(arguments: [
        ("true", JSONValue.bool(true)),
        ("false", .bool(false)),
        ("null", .null),
        ("1", .number(1)),
        ("1.0", .number(1)),
        ("-0.5", .number(-0.5)),
        ("1E2", .number(100)),
        ("\"text\"", .string("text")),
        ("  [ ]  ", .array([])),
        ("{}", .object([:])),
    ])
    func scalarsAndEmptyContainers(text: String, expected: JSONValue) throws {
        #expect(try JSONValue(jsonString: text) == expected)
    }

    @Test func nestedDocument() throws {
        let value = try JSONValue(jsonString: """
            {"a": {"b": [1, {"c": null}]}, "d": "e", "a2": []}
            """)
        #expect(value == ["a": ["b": [1, ["c": nil]]], "d": "e", "a2": []])
    }

    @Test func unicodeEscapesAndRawUTF8() throws {
        let value = try JSONValue(jsonString: #"["\u00e9", "\ud834\udd1e", "✓", "\"\\\/\b\f\n\r\t"]"#)
        #expect(value == ["é", "𝄞", "✓", "\"\\/\u{08}\u{0C}\n\r\t"])
    }

    @Test func fromDataWithByteOrderMark() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array(#"{"k": 10324440}"#.utf8))
        #expect(try JSONValue(jsonData: data) == ["k": 10324440])
    }

    @Test func repeatedKeyKeepsLastValue() throws {
        #expect(try JSONValue(jsonString: #"{"a": 1, "a": 2}"#) == ["a": 2])
    }

    @Test(arguments: [
        "", "[1,]", "{\"a\" 1}", "01", "1.", ".5", "+1", "-", "tru", "nul", "[1] 2",
        "\"unterminated", "\"\\x\"", "\"\\ud800\"", "\"tab\there\"", "NaN", "1e400", "{'a': 1}",
    ])
    func rejectsInvalidJSON(text: String) {
        #expect(throws: JSONValueError.self) { try JSONValue(jsonString: text) }
    }

    @Test func errorReportsByteOffset() {
        #expect(throws: JSONValueError(message: "unexpected ']', expected a value", offset: 3)) {
            try JSONValue(jsonString: "[1,]")
        }
    }

    @Test func rejectsInvalidUTF8() {
        let data = Data([0x22, 0xFF, 0x22])
        #expect(throws: JSONValueError.self) { try JSONValue(jsonData: data) }
    }

    @Test func deepNestingFailsInsteadOfCrashing() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONValueError.self) { try JSONValue(jsonString: deep) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: Never.self) { try JSONValue(jsonString: fine) }
    }
}
