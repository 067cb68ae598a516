import EmulatorKit

/// The model constraints CloudWatch Logs checks before it looks at any resource, reported
/// in Coral's words (`2 validation errors detected: …; …`) under InvalidParameterException.
struct LogsValidation {
    private var problems: [String] = []

    static let groupNamePattern = #"[\.\-_/#A-Za-z0-9]+"#
    static let streamNamePattern = "[^:*]*"

    /// 1, 3, 5 … 3653: the only retention periods Logs accepts.
    static let retentionDays: [Int] = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096,
                                       1827, 2192, 2557, 2922, 3288, 3653]

    private mutating func fail(_ value: String?, _ path: String, _ constraint: String) {
        let shown = value.map { "'\($0)'" } ?? "null"
        problems.append("Value \(shown) at '\(path)' failed to satisfy constraint: \(constraint)")
    }

    /// Throws every problem found so far as one error.
    func check() throws(AWSError) {
        guard !problems.isEmpty else { return }
        let count = problems.count == 1 ? "1 validation error" : "\(problems.count) validation errors"
        throw LogsErrors.invalidParameter("\(count) detected: " + problems.joined(separator: "; "))
    }

    mutating func groupName(_ name: String?, at path: String = "logGroupName") {
        guard let name else { return }
        // An empty name breaks both the pattern (`+`) and the minimum length.
        if name.isEmpty || !name.unicodeScalars.allSatisfy(Self.isGroupNameCharacter) {
            fail(name, path, "Member must satisfy regular expression pattern: \(Self.groupNamePattern)")
        }
        if name.isEmpty { fail(name, path, "Member must have length greater than or equal to 1") }
        if name.utf16.count > 512 { fail(name, path, "Member must have length less than or equal to 512") }
    }

    mutating func streamName(_ name: String?, at path: String = "logStreamName") {
        guard let name else { return }
        if name.contains(":") || name.contains("*") {
            fail(name, path, "Member must satisfy regular expression pattern: \(Self.streamNamePattern)")
        }
        if name.isEmpty { fail(name, path, "Member must have length greater than or equal to 1") }
        if name.utf16.count > 512 { fail(name, path, "Member must have length less than or equal to 512") }
    }

    /// `logGroupNamePattern`: like a name, but may be empty.
    mutating func groupNamePattern(_ pattern: String?) {
        guard let pattern else { return }
        if !pattern.unicodeScalars.allSatisfy(Self.isGroupNameCharacter) {
            fail(pattern, "logGroupNamePattern", #"Member must satisfy regular expression pattern: [\.\-_/#A-Za-z0-9]*"#)
        }
        if pattern.utf16.count > 512 { fail(pattern, "logGroupNamePattern", "Member must have length less than or equal to 512") }
    }

    mutating func limit(_ value: Int?, max: Int) {
        guard let value else { return }
        if value < 1 { fail(String(value), "limit", "Member must have value greater than or equal to 1") }
        if value > max { fail(String(value), "limit", "Member must have value less than or equal to \(max)") }
    }

    mutating func timestamp(_ value: Int64?, at path: String) {
        if let value, value < 0 { fail(String(value), path, "Member must have value greater than or equal to 0") }
    }

    mutating func retention(_ days: Int?) {
        guard let days else { return }
        if !Self.retentionDays.contains(days) {
            let set = Self.retentionDays.map(String.init).joined(separator: ", ")
            fail(String(days), "retentionInDays", "Member must satisfy enum value set: [\(set)]")
        }
    }

    mutating func oneOf(_ value: String?, _ allowed: [String], at path: String) {
        guard let value, !allowed.contains(value) else { return }
        fail(value, path, "Member must satisfy enum value set: [\(allowed.joined(separator: ", "))]")
    }

    mutating func filterPattern(_ pattern: String?) {
        if let pattern, pattern.utf16.count > 1024 {
            fail(pattern, "filterPattern", "Member must have length less than or equal to 1024")
        }
    }

    /// Tag keys 1–128 and values up to 256 characters of letters, digits, spaces and `_.:/=+-@`.
    mutating func tags(_ tags: [String: String]?, at path: String = "tags") {
        guard let tags else { return }
        if tags.isEmpty { fail("{}", path, "Member must have length greater than or equal to 1") }
        for key in tags.keys.sorted() {
            let value = tags[key]!
            if key.isEmpty || key.count > 128 {
                fail(key, "\(path).key", "Member must have length less than or equal to 128")
            } else if !key.unicodeScalars.allSatisfy(Self.isTagCharacter) {
                fail(key, "\(path).key", #"Member must satisfy regular expression pattern: ^([\p{L}\p{Z}\p{N}_.:/=+\-@]+)$"#)
            }
            if value.count > 256 {
                fail(value, "\(path).\(key).member", "Member must have length less than or equal to 256")
            } else if !value.unicodeScalars.allSatisfy(Self.isTagCharacter) {
                fail(value, "\(path).\(key).member", #"Member must satisfy regular expression pattern: ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$"#)
            }
        }
    }

    static func isGroupNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_/#".unicodeScalars.contains(scalar))
    }

    static func isTagCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .spaceSeparator, .lineSeparator, .paragraphSeparator,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return "_.:/=+-@".unicodeScalars.contains(scalar)
        }
    }
}
