import EmulatorKit
import JSON

/// Input constraints IAM checks before anything else, with Coral's wording. The wire layer
/// leaves lengths and patterns to services because their messages are service-specific.
enum IAMValidation {
    /// `[\w+=,.@-]+`: role, user, policy and instance-profile names.
    static func name(_ value: String, member: String, max: Int) throws(AWSError) {
        try length(value, member: member, min: 1, max: max)
        let allowed = value.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_+=,.@-".unicodeScalars.contains(scalar))
        }
        if !allowed {
            throw IAMErrors.validation(value: value, member: member,
                                       constraint: "Member must satisfy regular expression pattern: [\\w+=,.@-]+")
        }
    }

    /// `/` or `/text/` of printable ASCII.
    static func path(_ value: String, member: String = "path") throws(AWSError) {
        try length(value, member: member, min: 1, max: 512)
        let printable = value.unicodeScalars.allSatisfy { $0.value >= 0x21 && $0.value <= 0x7E }
        if !(value == "/" || (value.count >= 3 && value.hasPrefix("/") && value.hasSuffix("/") && printable)) {
            throw IAMErrors.validation(value: value, member: member,
                                       constraint: "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)")
        }
    }

    static func pathPrefix(_ value: String, member: String = "pathPrefix") throws(AWSError) {
        try length(value, member: member, min: 1, max: 512)
        if !value.hasPrefix("/") {
            throw IAMErrors.validation(value: value, member: member,
                                       constraint: "Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*")
        }
    }

    static func length(_ value: String, member: String, min: Int, max: Int) throws(AWSError) {
        if value.count < min {
            throw IAMErrors.validation(value: value, member: member, constraint: "Member must have length greater than or equal to \(min)")
        }
        if value.count > max {
            throw IAMErrors.validation(value: value, member: member, constraint: "Member must have length less than or equal to \(max)")
        }
    }

    static func range(_ value: Int, member: String, min: Int, max: Int) throws(AWSError) {
        if value < min {
            throw IAMErrors.validation(value: String(value), member: member, constraint: "Member must have value greater than or equal to \(min)")
        }
        if value > max {
            throw IAMErrors.validation(value: String(value), member: member, constraint: "Member must have value less than or equal to \(max)")
        }
    }

    /// Tags from `Tags.member.N.Key/Value`; keys unique (case-insensitively, as IAM treats them).
    static func tags(_ input: ServiceInput, member: String = "Tags") throws(AWSError) -> [IAMTag] {
        var tags: [IAMTag] = []
        for entry in try input.objectList(member) ?? [] {
            let key = try entry.requiredString("Key")
            let value = try entry.string("Value") ?? ""
            try length(key, member: "tags.member.key", min: 1, max: 128)
            try length(value, member: "tags.member.value", min: 0, max: 256)
            if tags.contains(where: { $0.key.lowercased() == key.lowercased() }) {
                throw IAMErrors.invalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.")
            }
            tags.append(IAMTag(key: key, value: value))
        }
        if tags.count > 50 {
            throw IAMErrors.validation(value: "\(tags.count) tags", member: "tags", constraint: "Member must have length less than or equal to 50")
        }
        return tags
    }

    /// Merges new tags over existing ones (same key, case-insensitively, is replaced).
    static func merge(_ existing: [IAMTag], _ new: [IAMTag], entity: String) throws(AWSError) -> [IAMTag] {
        var result = existing
        for tag in new {
            if let index = result.firstIndex(where: { $0.key.lowercased() == tag.key.lowercased() }) {
                result[index] = tag
            } else {
                result.append(tag)
            }
        }
        if result.count > 50 { throw IAMErrors.limitExceeded("The number of tags has reached the maximum limit.") }
        return result
    }
}

/// IAM's `Marker`/`MaxItems` paging over a sorted list: the marker is the key of the first
/// item of the next page, opaque to clients.
struct IAMPage<Item> {
    var items: [Item]
    var marker: String?

    init(_ all: [Item], key: (Item) -> String, input: ServiceInput) throws(AWSError) {
        let maxItems = try input.int("MaxItems") ?? 100
        try IAMValidation.range(maxItems, member: "maxItems", min: 1, max: 1000)
        var start = 0
        if let marker = try input.string("Marker") {
            start = all.firstIndex { key($0) == marker } ?? all.firstIndex { key($0) >= marker } ?? all.count
        }
        let end = min(all.count, start + maxItems)
        items = Array(all[start..<end])
        marker = end < all.count ? key(all[end]) : nil
    }

    /// Adds `IsTruncated` (always) and `Marker` (when truncated) to an output.
    func output(_ fields: [String: JSONValue]) -> JSONValue {
        var fields = fields
        fields["IsTruncated"] = .bool(marker != nil)
        if let marker { fields["Marker"] = .string(marker) }
        return .object(fields)
    }
}
