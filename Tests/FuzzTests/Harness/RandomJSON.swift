import JSON

/// Random JSON documents, and structure-aware edits of existing ones (a member's value
/// replaced by one of another type, an edge number, a long string, deep nesting).
enum RandomJSON {
    static let keys = ["a", "b", "name", "Name", "QueueName", "QueueUrl", "Attributes", "Tags", "items", "0", "", "é", "__type", "@", "foo.bar"]

    static func value(_ rng: inout FuzzRNG, depth: Int = 0) -> JSONValue {
        let leafOnly = depth >= 4
        switch rng.below(leafOnly ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(rng.oneIn(2))
        case 2: return .number(number(&rng))
        case 3, 4: return .string(string(&rng))
        case 5: return .array((0..<rng.below(5)).map { _ in value(&rng, depth: depth + 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<rng.below(5) { members[rng.pick(keys)] = value(&rng, depth: depth + 1) }
            return .object(members)
        }
    }

    static func number(_ rng: inout FuzzRNG) -> Double {
        rng.pick([0, -0.0, 1, -1, 0.5, 1e300, -1e300, 9.2e18, 9.3e18, -9.3e18, 1.8e19, Double(Int.max), Double(Int32.max) + 1,
                  Double.leastNonzeroMagnitude, 1e15, 123456789012, Double(rng.int(in: -1000...1000)), Double(UInt32.random(in: 0...UInt32.max, using: &rng))])
    }

    static func string(_ rng: inout FuzzRNG) -> String {
        switch rng.below(8) {
        case 0: return ""
        case 1: return String(repeating: "x", count: rng.pick([256, 1025, 40_000]))
        case 2: return rng.pick(["1", "-1", "1e400", "true", "null", "NaN", "2026-01-01T00:00:00Z", "1h", "5m", "arn:aws:iam::123456789012:role/r",
                                 "http://localhost/123456789012/q", "../../etc", "a/b", "%00", "\u{0}", "😀", "日本語", "\\", "\"", "<x>"])
        default:
            let alphabet = Array("abcXYZ019-_./:*?[]{}\"' @$é\u{301}日")
            return String((0..<rng.below(12)).map { _ in rng.pick(alphabet) })
        }
    }

    /// One edit somewhere inside `value` (at the root when it has no children to descend into).
    static func mutate(_ value: JSONValue, _ rng: inout FuzzRNG, depth: Int = 0) -> JSONValue {
        if depth < 6, rng.below(3) != 0 {
            switch value {
            case .object(var members) where !members.isEmpty:
                let key = members.keys.sorted()[rng.below(members.count)]
                switch rng.below(6) {
                case 0: members[key] = nil
                case 1: members[rng.pick(keys)] = self.value(&rng)
                default: members[key] = mutate(members[key]!, &rng, depth: depth + 1)
                }
                return .object(members)
            case .array(var items) where !items.isEmpty:
                let index = rng.below(items.count)
                switch rng.below(5) {
                case 0: items.remove(at: index)
                case 1: items.append(contentsOf: Array(repeating: items[index], count: rng.pick([2, 100, 1000])))
                default: items[index] = mutate(items[index], &rng, depth: depth + 1)
                }
                return .array(items)
            default: break
            }
        }
        if rng.oneIn(8) {  // deep nesting in place of the value
            var nested = value
            for _ in 0..<rng.pick([50, 300, 2_000]) { nested = rng.oneIn(2) ? .array([nested]) : .object(["a": nested]) }
            return nested
        }
        return self.value(&rng)
    }
}
