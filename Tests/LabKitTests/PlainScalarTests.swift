import JSON
@testable import LabKit
import Testing

/// Unquoted YAML scalars get the types Yams' default (regular-expression) resolver gives them.
@Suite struct PlainScalarTests {
    @Test(arguments: [
        ("", JSONValue.null), ("~", .null), ("null", .null), ("NULL", .null),
        ("true", .bool(true)), ("Yes", .bool(true)), ("ON", .bool(true)),
        ("false", .bool(false)), ("no", .bool(false)), ("Off", .bool(false)),
        ("0", .number(0)), ("42", .number(42)), ("-7", .number(-7)), ("+3", .number(3)), ("1_000", .number(1000)),
        ("0x1F", .number(31)), ("0o17", .number(15)), ("017", .number(15)), ("0b101", .number(5)),
        ("1.5", .number(1.5)), ("-2e3", .number(-2000)), (".5", .number(0.5)), ("09", .number(9)),
        ("orders", .string("orders")), ("1.2.3", .string("1.2.3")), ("nan", .string("nan")),
        ("0x", .string("0x")), ("12abc", .string("12abc")), ("yes please", .string("yes please")),
        ("512 MiB", .string("512 MiB")), ("1_", .number(1)),
    ])
    func typesLikeTheDefaultResolver(text: String, expected: JSONValue) {
        #expect(PlainScalar.value(of: text) == expected)
    }

    @Test func infinitiesAndNotANumber() {
        #expect(PlainScalar.value(of: ".inf") == .number(.infinity))
        #expect(PlainScalar.value(of: "-.inf") == .number(-.infinity))
        guard case .number(let value) = PlainScalar.value(of: ".nan") else {
            Issue.record("'.nan' should be a number")
            return
        }
        #expect(value.isNaN)
    }
}
