import Foundation
@testable import AWSWire

/// RPC v2 CBOR bodies compared as documents: the test files hold them base64-encoded.
/// Maps by key in any order (null entries count as absent, as clients read them), numbers
/// by value whatever their width or major type (NaN equals NaN), tag 1 timestamps by
/// instant, and an error's `__type` by what follows `#`, the only part clients keep.
extension BodyComparison {
    static let cbor: BodyComparator = { expected, actual in
        let base64 = String(decoding: expected, as: UTF8.self).filter { !$0.isWhitespace }
        guard let wantBytes = Data(base64Encoded: base64) else { return "expected body is not base64: \(text(expected))" }
        let want: CBORValue?
        let got: CBORValue?
        do {
            want = wantBytes.isEmpty ? nil : try CBORDecoder.decode(wantBytes)
        } catch {
            return "expected body is not CBOR: \(error)"
        }
        do {
            got = actual.isEmpty ? nil : try CBORDecoder.decode(actual)
        } catch {
            return "body is not CBOR (\(error)): \(actual.map { String(format: "%02x", $0) }.joined())"
        }
        // No body and an empty map say the same: nothing.
        let empty = CBORValue.map([])
        if sameCBOR(want ?? empty, got ?? empty) { return nil }
        return "expected body \(String(describing: want)), got \(String(describing: got))"
    }

    static func sameCBOR(_ a: CBORValue, _ b: CBORValue, key: String? = nil) -> Bool {
        switch (a, b) {
        case (.map(let x), .map(let y)):
            let left = present(x)
            let right = present(y)
            guard Set(left.keys) == Set(right.keys) else { return false }
            return left.allSatisfy { name, value in sameCBOR(value, right[name]!, key: name) }
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { sameCBOR($0, $1) }
        case (.tagged(let t, let x), .tagged(let u, let y)):
            return t == u && sameCBOR(x, y)
        case (.text(let x), .text(let y)) where key == "__type":
            return x.split(separator: "#").last == y.split(separator: "#").last
        default:
            if let x = a.double, let y = b.double { return x == y || (x.isNaN && y.isNaN) }
            return a == b
        }
    }

    /// A map's non-null entries by text key (other keys rendered, so they still compare).
    private static func present(_ entries: [CBORMapEntry]) -> [String: CBORValue] {
        var result: [String: CBORValue] = [:]
        for entry in entries where entry.value != .null && entry.value != .undefined {
            let name: String
            if case .text(let text) = entry.key { name = text } else { name = "\(entry.key)" }
            result[name] = entry.value
        }
        return result
    }
}
