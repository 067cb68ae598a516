import Foundation

/// Recognises `<details><summary>…</summary>` and `</details>` in raw HTML blocks, the
/// GitHub-readable way to write hints and solutions.
struct DetailsTag {
    enum Role: Equatable {
        case hint
        case solution
        case other
    }

    var opens: Int
    var closes: Int
    var summary: String?
    /// Text between `</summary>` and `</details>` when a whole hint is written on one line.
    var inlineContent: String?

    init(html: String) {
        opens = html.components(separatedBy: "<details").count - 1
        closes = html.components(separatedBy: "</details>").count - 1
        summary = Self.between(html, "<summary>", "</summary>").map(Self.stripTags)
        if let afterSummary = html.range(of: "</summary>"), let close = html.range(of: "</details>"),
           afterSummary.upperBound <= close.lowerBound {
            let inner = Self.stripTags(String(html[afterSummary.upperBound..<close.lowerBound]))
            inlineContent = inner.isEmpty ? nil : inner
        }
    }

    static func role(ofSummary summary: String) -> Role {
        let s = summary.trimmingCharacters(in: .whitespaces).lowercased()
        if s.hasPrefix("hint") || s.hasPrefix("ヒント") { return .hint }
        if s.hasPrefix("solution") || s.hasPrefix("解答") || s.hasPrefix("答え") { return .solution }
        return .other
    }

    private static func between(_ s: String, _ open: String, _ close: String) -> String? {
        guard let a = s.range(of: open), let b = s.range(of: close, range: a.upperBound..<s.endIndex) else { return nil }
        return String(s[a.upperBound..<b.lowerBound])
    }

    private static func stripTags(_ s: String) -> String {
        NativePatterns.removingTags(s).trimmingWhitespace()
    }
}
