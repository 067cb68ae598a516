import JSON
import Testing
@testable import LabKit

@Suite struct ExpectationTests {
    @Test func eachExpectationHoldsAndFails() {
        let cases: [(LabKit.Expectation, JSONValue, Bool)] = [
            (.equals(1), 1, true), (.equals(1), "1", false), (.equals(.object(["a": 1])), .object(["a": 1.0]), true),
            (.notEquals("x"), "y", true), (.notEquals("x"), "x", false),
            (.oneOf(["a", "b"]), "b", true), (.oneOf(["a", "b"]), "c", false),
            (.contains("b"), ["a", "b"], true), (.contains("rd"), "orders", true), (.contains(1), 1, false),
            (.notContains("b"), ["a"], true), (.notContains("b"), ["b"], false),
            (.length(2), ["a", "b"], true), (.length(3), "キュー", true), (.length(1), 5, false),
            (.matches("^ord"), "orders", true), (.matches("^ord"), 5, false),
            (.atLeast(3), 3, true), (.atLeast(3), 2.5, false), (.atMost(3), "2", false),
            (.exists(true), .null, false), (.exists(false), .null, true), (.exists(true), [], true),
        ]
        for (expectation, value, expected) in cases {
            #expect(expectation.holds(for: value) == expected, "\(expectation) for \(value.jsonText())")
        }
    }
}
