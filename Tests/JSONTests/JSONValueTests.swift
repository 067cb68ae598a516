import JSON
import Testing

@Suite("JSONValue semantics")
struct JSONValueTests {
    @Test(arguments: [
        (JSONValue.null, false), (JSONValue.bool(false), false), (true, true), (0, true), ("", false),
        ("a", true), ([], false), ([nil], true), ([:], false), (["k": nil], true),
    ] as [(JSONValue, Bool)])
    func truthiness(value: JSONValue, truthy: Bool) {
        #expect(value.isTruthy == truthy)
    }

    @Test func equalityIsDeepAndNumeric() {
        #expect(JSONValue.number(1) == 1.0)
        #expect(["a": [1, ["b": nil]]] as JSONValue == ["a": [1.0, ["b": nil]]])
        #expect(["a": 1] as JSONValue != ["a": 1, "b": 2])
        #expect([1, 2] as JSONValue != [2, 1])
    }

    /// JSON compares strings by code point, not by Swift's canonical equivalence.
    @Test func stringsCompareByCodePoint() {
        #expect(JSONValue.string("\u{E9}") != .string("e\u{301}"))
    }

    @Test func hashingAgreesWithEquality() {
        #expect(Set<JSONValue>([0, .number(-0.0), 1, 1.0, "x", "x"]).count == 3)
    }
}
