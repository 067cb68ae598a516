import Crypto
import JSON

extension CallLog {
    /// The longest string value the call log keeps whole; a longer one (a base64 zip, a big
    /// message body) is kept as its first characters, its size and its SHA-256, so the log stays
    /// small in memory, on disk and in every `/_handson/state` answer.
    public static let maximumValueBytes = 4096
    static let keptPrefix = 256

    /// `parameters` with long strings summarized; nil when nothing needed it (the usual case,
    /// which then costs no copy).
    static func summarized(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .string(let text) where text.utf8.count > maximumValueBytes:
            let digest = SHA256.hash(data: Array(text.utf8)).hexEncoded
            return .string("\(text.prefix(keptPrefix))… [handson kept the first \(keptPrefix) characters of \(text.utf8.count) bytes, sha256 \(digest)]")
        case .array(let elements):
            var changed: [JSONValue]?
            for (index, element) in elements.enumerated() {
                guard let summary = summarized(element) else { continue }
                if changed == nil { changed = elements }
                changed![index] = summary
            }
            return changed.map(JSONValue.array)
        case .object(let members):
            var changed: [String: JSONValue]?
            for (key, member) in members {
                guard let summary = summarized(member) else { continue }
                if changed == nil { changed = members }
                changed![key] = summary
            }
            return changed.map(JSONValue.object)
        default:
            return nil
        }
    }
}

