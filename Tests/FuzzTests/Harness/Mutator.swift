/// Byte-level havoc in the manner of AFL: a few stacked edits per input — bit flips,
/// interesting bytes, inserted tokens, deleted, duplicated or repeated ranges, truncation,
/// splices with another seed — capped in size so memory stays bounded.
struct Mutator {
    /// Tokens worth inserting for the format at hand (`"<"`, `"{"`, a CBOR head…).
    var dictionary: [[UInt8]]
    var maximumSize = 16 * 1024  // enough for nesting past every depth cap; larger only slows a debug build

    static let interestingBytes: [UInt8] = [0, 1, 0x7F, 0x80, 0xFF, 0xC0, 0xE0, 0xF0, 0xF8, 0x20, 0x0A, 0x0D, 0x09,
                                            0x22, 0x27, 0x5C, 0x3C, 0x3E, 0x26, 0x25, 0x2B, 0x3D, 0x7B, 0x5B, 0x2E, 0x2D]
    static let numbers = ["0", "-1", "-0", "1e400", "-1e400", "1e-400", "9223372036854775807", "9223372036854775808",
                          "-9223372036854775809", "18446744073709551616", "4294967296", "99999999999999999999999999",
                          "NaN", "Infinity", "0.0000001", "1.5", "0x10", "1_000", "١٢"]

    init(dictionary: [String] = []) {
        self.dictionary = dictionary.map { Array($0.utf8) }
    }

    func mutate(_ input: [UInt8], rng: inout FuzzRNG, splice: [UInt8]? = nil) -> [UInt8] {
        var bytes = input
        for _ in 0..<rng.int(in: 1...4) { edit(&bytes, rng: &rng, splice: splice) }
        if bytes.count > maximumSize { bytes.removeLast(bytes.count - maximumSize) }
        return bytes
    }

    func mutate(_ text: String, rng: inout FuzzRNG, splice: String? = nil) -> String {
        String(decoding: mutate(Array(text.utf8), rng: &rng, splice: splice.map { Array($0.utf8) }), as: UTF8.self)
    }

    private func edit(_ bytes: inout [UInt8], rng: inout FuzzRNG, splice: [UInt8]?) {
        let position = bytes.isEmpty ? 0 : rng.below(bytes.count + 1)
        switch rng.below(11) {
        case 0 where !bytes.isEmpty:  // flip one bit
            let at = rng.below(bytes.count)
            bytes[at] ^= 1 << UInt8(rng.below(8))
        case 1 where !bytes.isEmpty:  // an interesting byte
            bytes[rng.below(bytes.count)] = rng.pick(Self.interestingBytes)
        case 2:  // random bytes
            bytes.insert(contentsOf: (0..<rng.int(in: 1...8)).map { _ in UInt8.random(in: 0...255, using: &rng) }, at: position)
        case 3 where !dictionary.isEmpty:  // a token of the format
            bytes.insert(contentsOf: rng.pick(dictionary), at: position)
        case 4 where !bytes.isEmpty:  // delete a range
            let start = rng.below(bytes.count)
            bytes.removeSubrange(start..<min(bytes.count, start + rng.int(in: 1...16)))
        case 5 where !bytes.isEmpty:  // duplicate a range somewhere
            let start = rng.below(bytes.count)
            let range = Array(bytes[start..<min(bytes.count, start + rng.int(in: 1...64))])
            bytes.insert(contentsOf: range, at: rng.below(bytes.count + 1))
        case 6:  // truncate
            bytes.removeSubrange(position...)
        case 7 where splice != nil:  // this one's start, another's end
            let other = splice!
            bytes = Array(bytes[..<position]) + Array(other[(other.isEmpty ? 0 : rng.below(other.count))...])
        case 8:  // an edge number in place of a digit run, or inserted
            let replacement = Array(rng.pick(Self.numbers).utf8)
            if let digit = (position..<bytes.count).first(where: { (0x30...0x39).contains(bytes[$0]) }) {
                var end = digit
                while end < bytes.count, (0x30...0x39).contains(bytes[end]) || bytes[end] == 0x2E { end += 1 }
                bytes.replaceSubrange(digit..<end, with: replacement)
            } else {
                bytes.insert(contentsOf: replacement, at: position)
            }
        case 9:  // one token repeated many times: deep nesting, long runs
            let token = dictionary.isEmpty || rng.oneIn(3) ? [rng.pick(Self.interestingBytes)] : rng.pick(dictionary)
            let times = rng.pick([16, 300, 1_000, 5_000])
            bytes.insert(contentsOf: Array([[UInt8]](repeating: token, count: times).joined().prefix(maximumSize)), at: position)
        default:  // overwrite a range with random bytes
            guard !bytes.isEmpty else { return }
            let start = rng.below(bytes.count)
            for i in start..<min(bytes.count, start + rng.int(in: 1...8)) { bytes[i] = UInt8.random(in: 0...255, using: &rng) }
        }
    }
}
