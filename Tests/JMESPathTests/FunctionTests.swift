import JMESPath
import JSON
import Testing

/// Behaviour the compliance suite leaves open: Unicode handling, ordering, stability.
@Suite("JMESPath functions")
struct FunctionTests {
    private func search(_ expression: String, _ data: JSONValue = nil) throws -> JSONValue {
        try JMESPathExpression(expression).search(data)
    }

    @Test func lengthCountsCodePoints() throws {
        #expect(try search("length('𝄞')") == 1)
        #expect(try search("length(@)", "e\u{301}") == 2)
        #expect(try search("length('✓foo')") == 4)
    }

    @Test func stringsOrderByCodePoint() throws {
        let words: JSONValue = ["b", "é", "Z", "a", "\u{1D11E}", "\u{FFFD}"]
        #expect(try search("sort(@)", words) == ["Z", "a", "b", "é", "\u{FFFD}", "\u{1D11E}"])
        #expect(try search("max(@)", words) == "\u{1D11E}")
        #expect(try search("min(@)", words) == "Z")
    }

    @Test func sortByIsStable() throws {
        let people: JSONValue = [["k": 1, "id": "a"], ["k": 0, "id": "b"], ["k": 1, "id": "c"], ["k": 0, "id": "d"]]
        #expect(try search("sort_by(@, &k)[].id", people) == ["b", "d", "a", "c"])
        #expect(try search("min_by(@, &k).id", people) == "b")
        #expect(try search("max_by(@, &k).id", people) == "a")
    }

    @Test func sortByRejectsMixedKeys() {
        let error = #expect(throws: JMESPathError.self) { try search("sort_by(@, &k)", [["k": 1], ["k": "1"]]) }
        #expect(error?.kind == .invalidType)
        #expect(error?.message == "sort_by() expects the expression to return only numbers, got string")
    }

    @Test func searchesCompareCodePoints() throws {
        // "é" precomposed is not found in "e" + combining acute, as in every other implementation.
        #expect(try search("contains(@, '\u{E9}')", "e\u{301}") == false)
        #expect(try search("starts_with(@, 'e')", "e\u{301}") == true)
        #expect(try search("ends_with(@, '\u{301}')", "e\u{301}") == true)
        #expect(try search("contains(@, `2`)", [1, 2.0]) == true)
        #expect(try search("contains('abc', `1`)") == false)
    }

    @Test func conversions() throws {
        #expect(try search("to_string(@)", 10324440) == "10324440")
        #expect(try search("to_string(@)", ["b": [1.5, true], "a": nil]) == #"{"a":null,"b":[1.5,true]}"#)
        #expect(try search("to_number('  12')") == 12)
        #expect(try search("to_number('0x10')") == nil)
        #expect(try search("to_number('1_000')") == nil)
        #expect(try search("to_number('-1.5e2')") == -150)
        #expect(try search("to_array(`null`)") == [nil])
        #expect(try search("type(@)", 1.5) == "number")
    }

    @Test func keysAndValuesAreInKeyOrder() throws {
        let data: JSONValue = ["zeta": 1, "alpha": 2, "mid": 3]
        #expect(try search("keys(@)", data) == ["alpha", "mid", "zeta"])
        #expect(try search("values(@)", data) == [2, 3, 1])
        #expect(try search("*", data) == [2, 3, 1])
    }

    @Test func reverseWorksOnCodePoints() throws {
        #expect(try search("reverse('ab✓')") == "✓ba")
        #expect(try search("reverse(@)", [1, "a", nil]) == [nil, "a", 1])
    }

    @Test func arithmetic() throws {
        #expect(try search("avg(@)", [1, 2, 3, 4]) == 2.5)
        #expect(try search("sum(@)", []) == 0)
        #expect(try search("abs(`-3.5`)") == 3.5)
        #expect(try search("[ceil(`-1.5`), floor(`-1.5`)]", [:]) == [-1, -2])
        // A multi-select of null data is null, whatever it selects.
        #expect(try search("[ceil(`-1.5`)]", nil) == nil)
    }

    @Test func mergeAndNotNull() throws {
        #expect(try search("merge(`{\"a\": 1, \"b\": 1}`, `{\"b\": 2}`)") == ["a": 1, "b": 2])
        #expect(try search("not_null(missing, `null`, `false`, 'x')") == false)
    }

    @Test func legacyBacktickStringLiteral() throws {
        #expect(try search("`foo`") == "foo")
        #expect(try search("[?name == `a b`].name", [["name": "a b"], ["name": "c"]]) == ["a b"])
        // Text that starts like JSON is malformed JSON, not a legacy string.
        #expect(throws: JMESPathError.self) { try JMESPathExpression("`[1, 2`") }
        #expect(throws: JMESPathError.self) { try JMESPathExpression("`\"unterminated`") }
    }
}
