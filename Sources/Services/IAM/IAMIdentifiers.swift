import EmulatorKit
import Crypto
import Foundation

/// Unique ids, credentials and ARNs in IAM's formats: ids are a four-letter type prefix
/// (`AROA` role, `ANPA` policy, `AIPA` instance profile, `AIDA` user) and 17 base-32
/// characters; temporary access keys are `ASIA` and 16.
enum IAMIdentifiers {
    private static let base32 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    private static let base64 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    static func uniqueId(prefix: String) -> String {
        prefix + String((0..<17).map { _ in base32.randomElement()! })
    }

    /// The same id every time for the same seed (AWS managed policies must keep theirs across restarts).
    static func stableId(prefix: String, seed: String) -> String {
        let digest = Array(SHA256.hash(data: Data(seed.utf8)))
        return prefix + String((0..<17).map { base32[Int(digest[$0]) % 32] })
    }

    static func temporaryAccessKeyId() -> String {
        "ASIA" + String((0..<16).map { _ in base32.randomElement()! })
    }

    static func secretAccessKey() -> String {
        String((0..<40).map { _ in base64.randomElement()! })
    }

    static func sessionToken() -> String {
        "IQoJb3JpZ2luX2VjE" + String((0..<340).map { _ in base64.randomElement()! })
    }

    static func arn(account: String, type: String, path: String, name: String) -> String {
        "arn:aws:iam::\(account):\(type)\(path)\(name)"
    }
}

/// An IAM ARN's resource taken apart: `arn:aws:iam::ACCOUNT:TYPE/PATH/NAME` (`root` has no name).
struct IAMArn: Equatable {
    var account: String
    /// `role`, `user`, `policy`, `instance-profile`, `group` or `root`.
    var type: String
    var path: String
    var name: String

    init?(_ text: String) {
        guard let arn = ARN(text), arn.service == "iam" else { return nil }
        account = arn.account
        let resource = arn.resource
        if resource == "root" {
            type = "root"
            path = "/"
            name = ""
            return
        }
        guard let slash = resource.firstIndex(of: "/"), let last = resource.lastIndex(of: "/") else { return nil }
        type = String(resource[..<slash])
        path = String(resource[slash...last])
        name = String(resource[resource.index(after: last)...])
        guard !type.isEmpty, !name.isEmpty else { return nil }
    }
}
