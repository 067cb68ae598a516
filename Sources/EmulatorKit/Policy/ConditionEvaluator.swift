import Foundation

/// Evaluates one condition against the request context, as IAM documents it: a condition
/// holds when any of its policy values matches (negated operators: when none does); a
/// missing key fails positive operators and satisfies negated ones, `…IfExists` and
/// `ForAllValues`; `ForAnyValue`/`ForAllValues` compare every value of a multivalued key.
public enum ConditionEvaluator {
    struct Outcome {
        var holds: Bool
        /// The key was absent from the context (the simulator lists such keys).
        var missingKey: Bool
    }

    static func evaluate(_ condition: PolicyCondition, _ context: PolicyContext, substituteVariables: Bool) -> Outcome {
        let op = condition.conditionOperator
        let present = context[condition.key].flatMap { $0.isEmpty ? nil : $0 }
        if op.base == .null {
            let absent = present == nil
            return Outcome(holds: condition.values.contains { ($0.lowercased() == "true") == absent }, missingKey: false)
        }
        guard let values = present else {
            let holds: Bool
            if op.ifExists {
                holds = true
            } else {
                switch op.qualifier {
                case .forAllValues: holds = true
                case .forAnyValue: holds = false
                case nil: holds = op.base.isNegated
                }
            }
            return Outcome(holds: holds, missingKey: true)
        }
        let policyValues = substituteVariables ? condition.values.compactMap { context.substitute($0) } : condition.values
        func matchesAny(_ value: String) -> Bool {
            policyValues.contains { compare(op.base, policy: $0, request: value) }
        }
        let negated = op.base.isNegated
        let holds: Bool
        switch op.qualifier {
        case nil:
            holds = negated ? !values.contains(where: matchesAny) : values.contains(where: matchesAny)
        case .forAnyValue:
            holds = values.contains { negated ? !matchesAny($0) : matchesAny($0) }
        case .forAllValues:
            holds = values.allSatisfy { negated ? !matchesAny($0) : matchesAny($0) }
        }
        return Outcome(holds: holds, missingKey: false)
    }

    /// The positive comparison behind each operator (negation is applied by the caller).
    private static func compare(_ base: ConditionOperator.Base, policy: String, request: String) -> Bool {
        switch base {
        case .stringEquals, .stringNotEquals, .binaryEquals:
            return policy == request
        case .stringEqualsIgnoreCase, .stringNotEqualsIgnoreCase:
            return policy.caseInsensitiveCompare(request) == .orderedSame
        case .stringLike, .stringNotLike:
            return Wildcard.matches(policy, request)
        case .numericEquals, .numericNotEquals: return numbers(policy, request) { $1 == $0 }
        case .numericLessThan: return numbers(policy, request) { $1 < $0 }
        case .numericLessThanEquals: return numbers(policy, request) { $1 <= $0 }
        case .numericGreaterThan: return numbers(policy, request) { $1 > $0 }
        case .numericGreaterThanEquals: return numbers(policy, request) { $1 >= $0 }
        case .dateEquals, .dateNotEquals: return dates(policy, request) { $1 == $0 }
        case .dateLessThan: return dates(policy, request) { $1 < $0 }
        case .dateLessThanEquals: return dates(policy, request) { $1 <= $0 }
        case .dateGreaterThan: return dates(policy, request) { $1 > $0 }
        case .dateGreaterThanEquals: return dates(policy, request) { $1 >= $0 }
        case .bool:
            return policy.lowercased() == request.lowercased()
        case .ipAddress, .notIpAddress:
            return IPv4Range(policy)?.contains(request) ?? (policy == request)
        case .arnEquals, .arnLike, .arnNotEquals, .arnNotLike:
            return Wildcard.arnMatches(policy, request)
        case .null:
            return false
        }
    }

    private static func numbers(_ policy: String, _ request: String, _ test: (Double, Double) -> Bool) -> Bool {
        guard let p = Double(policy), let r = Double(request) else { return false }
        return test(p, r)
    }

    private static func dates(_ policy: String, _ request: String, _ test: (Double, Double) -> Bool) -> Bool {
        guard let p = epochSeconds(policy), let r = epochSeconds(request) else { return false }
        return test(p, r)
    }

    /// ISO 8601 (with or without fractions, or a bare date) or epoch seconds.
    public static func epochSeconds(_ text: String) -> Double? {
        if let number = Double(text) { return number }
        // swift-foundation's parser: ISO8601DateFormatter builds an ICU formatter per use,
        // which made the 11 built-in managed policies a fifth of the server's start-up.
        for style in iso8601Styles {
            if let date = try? style.parse(text) { return date.timeIntervalSince1970 }
        }
        return nil
    }

    private static let iso8601Styles: [Date.ISO8601FormatStyle] = [
        Date.ISO8601FormatStyle(includingFractionalSeconds: true),
        Date.ISO8601FormatStyle(),
        Date.ISO8601FormatStyle().year().month().day(),
    ]
}

/// An IPv4 CIDR block (`203.0.113.0/24`) for `IpAddress`/`NotIpAddress`; IPv6 is compared as text.
struct IPv4Range {
    let network: UInt32
    let mask: UInt32

    init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard let address = Self.parse(String(parts[0])) else { return nil }
        let bits = parts.count == 2 ? Int(parts[1]) : 32
        guard let bits, (0...32).contains(bits) else { return nil }
        mask = bits == 0 ? 0 : UInt32.max << UInt32(32 - bits)
        network = address & mask
    }

    func contains(_ text: String) -> Bool {
        guard let address = Self.parse(text) else { return false }
        return address & mask == network
    }

    static func parse(_ text: String) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets {
            guard let byte = UInt8(octet) else { return nil }
            value = value << 8 | UInt32(byte)
        }
        return value
    }
}
