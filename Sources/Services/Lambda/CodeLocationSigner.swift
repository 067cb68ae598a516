import Crypto
import EmulatorKit
import Foundation

/// Signs `GetFunction`'s `Code.Location` the way AWS presigns its S3 URL: whoever holds the URL
/// may download that package without credentials, nobody can forge one for another function.
/// The signature is an HMAC over account, region, name and the code's hash, with a key drawn
/// from the CSPRNG when the emulator starts: new code or a restart makes old URLs stop working,
/// as AWS's expire after ten minutes.
struct CodeLocationSigner: Sendable {
    static let parameter = "X-Handson-Signature"
    /// 256 random bits; kept as bytes (`SymmetricKey` is not Sendable on this platform).
    private let key = Data(RandomSecret.bytes(32))

    func signature(for function: LambdaFunction) -> String {
        let message = "\(function.account)/\(function.region)/\(function.name)/\(function.codeSha256)"
        let mac = HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: key))
        return mac.hexEncoded
    }

    func isValid(_ presented: String?, for function: LambdaFunction) -> Bool {
        guard let presented else { return false }
        return RandomSecret.matches(presented, signature(for: function))
    }
}
