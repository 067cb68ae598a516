import Foundation

/// Secrets that grant access (the `/_handson` token, a Lambda environment's Runtime API key,
/// the key that signs `Code.Location` URLs): bytes from the kernel's CSPRNG (`getrandom`, through
/// the standard library's generator), written as lowercase hex.
public enum RandomSecret {
    /// `count` random bytes (keys kept as bytes).
    public static func bytes(_ count: Int = 32) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// `bytes` random bytes as hex: the default, 32, is 256 bits.
    public static func hex(bytes count: Int = 32) -> String {
        bytes(count).hexEncoded
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
