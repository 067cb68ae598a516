/// A condition operator as written in a policy, e.g. `ForAnyValue:StringLikeIfExists`:
/// a base comparison, an optional set qualifier for multivalued keys, and `IfExists`.
public struct ConditionOperator: Sendable, Equatable, CustomStringConvertible {
    public enum Base: String, Sendable, CaseIterable {
        case stringEquals = "StringEquals"
        case stringNotEquals = "StringNotEquals"
        case stringEqualsIgnoreCase = "StringEqualsIgnoreCase"
        case stringNotEqualsIgnoreCase = "StringNotEqualsIgnoreCase"
        case stringLike = "StringLike"
        case stringNotLike = "StringNotLike"
        case numericEquals = "NumericEquals"
        case numericNotEquals = "NumericNotEquals"
        case numericLessThan = "NumericLessThan"
        case numericLessThanEquals = "NumericLessThanEquals"
        case numericGreaterThan = "NumericGreaterThan"
        case numericGreaterThanEquals = "NumericGreaterThanEquals"
        case dateEquals = "DateEquals"
        case dateNotEquals = "DateNotEquals"
        case dateLessThan = "DateLessThan"
        case dateLessThanEquals = "DateLessThanEquals"
        case dateGreaterThan = "DateGreaterThan"
        case dateGreaterThanEquals = "DateGreaterThanEquals"
        case bool = "Bool"
        case binaryEquals = "BinaryEquals"
        case ipAddress = "IpAddress"
        case notIpAddress = "NotIpAddress"
        case arnEquals = "ArnEquals"
        case arnLike = "ArnLike"
        case arnNotEquals = "ArnNotEquals"
        case arnNotLike = "ArnNotLike"
        case null = "Null"

        /// Negated operators are true when no policy value matches, and when the key is absent.
        var isNegated: Bool {
            switch self {
            case .stringNotEquals, .stringNotEqualsIgnoreCase, .stringNotLike, .numericNotEquals,
                 .dateNotEquals, .notIpAddress, .arnNotEquals, .arnNotLike: true
            default: false
            }
        }
    }

    /// How a multivalued context key is compared (`ForAnyValue:` / `ForAllValues:`).
    public enum SetQualifier: String, Sendable {
        case forAnyValue = "ForAnyValue"
        case forAllValues = "ForAllValues"
    }

    public var base: Base
    public var qualifier: SetQualifier?
    /// `…IfExists`: a missing key makes the condition true.
    public var ifExists: Bool

    /// Parses an operator name; nil when IAM would reject it.
    public init?(_ text: String) {
        var name = Substring(text)
        qualifier = nil
        if let colon = name.firstIndex(of: ":") {
            guard let qualifier = SetQualifier(rawValue: String(name[..<colon])) else { return nil }
            self.qualifier = qualifier
            name = name[name.index(after: colon)...]
        }
        ifExists = name.hasSuffix("IfExists")
        if ifExists { name = name.dropLast("IfExists".count) }
        guard let base = Base(rawValue: String(name)) else { return nil }
        // `Null` checks presence itself, so `NullIfExists` makes no sense.
        if base == .null && ifExists { return nil }
        self.base = base
    }

    public var description: String {
        (qualifier.map { $0.rawValue + ":" } ?? "") + base.rawValue + (ifExists ? "IfExists" : "")
    }
}
