import Foundation

/// Secrets that grant access (the `/_handson` token, a Lambda environment's Runtime API key,
/// the key that signs `Code.Location` URLs): bytes from the kernel's CSPRNG (`getrandom`, through
/// the standard library's generator), written as lowercase hex.
public enum RandomSecret {
    /// `bytes` random bytes as hex: the default, 32, is 256 bits.
    public static func hex(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes * 2)
        for _ in 0..<bytes {
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Compares a presented secret with the expected one in time that does not depend on where
    /// they first differ (a remote caller cannot guess it byte by byte from response times).
    public static func matches(_ presented: some StringProtocol, _ expected: String) -> Bool {
        let a = Array(presented.utf8), b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
