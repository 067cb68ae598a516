@testable import AWSWire
import Foundation
import Testing

/// The CBOR value codec against RFC 8949's Appendix A examples and the edge cases the
/// Smithy RPC v2 CBOR suites exercise.
@Suite("CBOR")
struct CBORTests {
    private func hex(_ text: String) -> Data {
        var data = Data()
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            data.append(UInt8(text[index..<next], radix: 16)!)
            index = next
        }
        return data
    }

    private func hexString(_ data: Data) -> String { data.map { String(format: "%02x", $0) }.joined() }

    @Test(arguments: [
        ("00", CBORValue.unsigned(0)), ("17", .unsigned(23)), ("1818", .unsigned(24)), ("1903e8", .unsigned(1000)),
        ("1a000f4240", .unsigned(1_000_000)), ("1bffffffffffffffff", .unsigned(UInt64.max)),
        ("20", .negative(0)), ("3903e7", .negative(999)), ("3bffffffffffffffff", .negative(UInt64.max)),
        ("f4", .bool(false)), ("f5", .bool(true)), ("f6", .null), ("f7", .undefined), ("f0", .simple(16)), ("f8ff", .simple(255)),
        ("40", .bytes(Data())), ("4401020304", .bytes(Data([1, 2, 3, 4]))),
        ("60", .text("")), ("6449455446", .text("IETF")), ("62c3bc", .text("ü")), ("64f0908591", .text("𐅑")),
        ("80", .array([])), ("83010203", .array([.unsigned(1), .unsigned(2), .unsigned(3)])),
        ("a201020304", .map([CBORMapEntry(.unsigned(1), .unsigned(2)), CBORMapEntry(.unsigned(3), .unsigned(4))])),
        ("c11a514b67b0", .tagged(1, .unsigned(1_363_896_240))),
        ("fb3ff199999999999a", .double(1.1)), ("fa47c35000", .float(100_000)),
    ])
    func roundTripsRFCExamples(encoded: String, value: CBORValue) throws {
        #expect(try CBORDecoder.decode(hex(encoded)) == value)
        #expect(hexString(CBOREncoder.encode(value)) == encoded)
    }

    @Test(arguments: [
        ("f90000", 0.0), ("f98000", -0.0), ("f93c00", 1.0), ("f93e00", 1.5), ("f97bff", 65504.0),
        ("f90001", 5.960464477539063e-08), ("f90400", 6.103515625e-05), ("f9c400", -4.0), ("f90050", 4.76837158203125e-06),
    ])
    func decodesHalfPrecision(encoded: String, expected: Double) throws {
        let value = try CBORDecoder.decode(hex(encoded))
        #expect(value.double == expected)
        #expect(value.double?.sign == expected.sign)
    }

    @Test func decodesNonFiniteFloatsOfEveryWidth() throws {
        for encoded in ["f97c00", "fa7f800000", "fb7ff0000000000000"] {
            #expect(try CBORDecoder.decode(hex(encoded)).double == .infinity)
        }
        for encoded in ["f9fc00", "faff800000", "fbfff0000000000000"] {
            #expect(try CBORDecoder.decode(hex(encoded)).double == -.infinity)
        }
        for encoded in ["f97e00", "f97c01", "fa7fc00000", "fb7ff8000000000000"] {
            #expect(try CBORDecoder.decode(hex(encoded)).double?.isNaN == true)
        }
    }

    @Test func decodesIndefiniteLengths() throws {
        #expect(try CBORDecoder.decode(hex("5f42010243030405ff")) == .bytes(Data([1, 2, 3, 4, 5])))
        #expect(try CBORDecoder.decode(hex("7f657374726561646d696e67ff")) == .text("streaming"))
        #expect(try CBORDecoder.decode(hex("9f018202039f0405ffff")) ==
            .array([.unsigned(1), .array([.unsigned(2), .unsigned(3)]), .array([.unsigned(4), .unsigned(5)])]))
        #expect(try CBORDecoder.decode(hex("bf61610161629f0203ffff")) ==
            .map([CBORMapEntry(.text("a"), .unsigned(1)), CBORMapEntry(.text("b"), .array([.unsigned(2), .unsigned(3)]))]))
        #expect(try CBORDecoder.decode(hex("bfff")) == .map([]))
    }

    @Test(arguments: [
        "", "18", "1a0000", "62c3", "9f01", "bf6161", "ff", "5f4101ff01", "5f6161ff", "1c", "62c328", "8301",
        "00" + "00",
    ])
    func refusesMalformedInput(encoded: String) {
        #expect(throws: CBORError.self) { try CBORDecoder.decode(hex(encoded)) }
    }

    @Test func refusesHostileNestingAndLengths() {
        #expect(throws: CBORError.self) { try CBORDecoder.decode(Data(repeating: 0x81, count: 10_000) + [0x00]) }
        #expect(throws: CBORError.self) { try CBORDecoder.decode(hex("9bffffffffffffffff")) }
        #expect(throws: CBORError.self) { try CBORDecoder.decode(hex("5bffffffffffffffff")) }
    }

    @Test func integerAccessors() {
        #expect(CBORValue.integer(-1) == .negative(0))
        #expect(CBORValue.integer(Int64.min).int64 == Int64.min)
        #expect(CBORValue.unsigned(UInt64.max).int64 == nil)
        #expect(CBORValue.map([CBORMapEntry(.text("k"), .bool(true))])["k"] == .bool(true))
    }
}
