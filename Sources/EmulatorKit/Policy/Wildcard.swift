/// IAM's wildcards: `*` matches any run of characters (including none), `?` exactly one.
/// Actions compare case-insensitively, resources and ARNs case-sensitively.
enum Wildcard {
    static func matches(_ pattern: String, _ text: String, caseInsensitive: Bool = false) -> Bool {
        if pattern == "*" { return true }
        let p = Array((caseInsensitive ? pattern.lowercased() : pattern).unicodeScalars)
        let t = Array((caseInsensitive ? text.lowercased() : text).unicodeScalars)
        if !p.contains("*") && !p.contains("?") { return p == t }
        // Greedy match with one backtrack point: linear in practice, never exponential.
        var pi = 0, ti = 0
        var star = -1, resume = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) {
                pi += 1
                ti += 1
            } else if pi < p.count && p[pi] == "*" {
                star = pi
                resume = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                resume += 1
                ti = resume
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// `ArnLike`/`ArnEquals`: the six colon-separated parts match one by one, so a `*` in the
    /// region cannot swallow the account.
    static func arnMatches(_ pattern: String, _ arn: String) -> Bool {
        let patternParts = pattern.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        let arnParts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard patternParts.count == 6, arnParts.count == 6 else { return pattern == "*" || matches(pattern, arn) }
        for (p, a) in zip(patternParts, arnParts) where !matches(String(p), String(a)) { return false }
        return true
    }
}
