import Foundation

/// Recognises `<details><summary>…</summary>` and `</details>` in raw HTML blocks, the
/// GitHub-readable way to write hints and solutions.
struct DetailsTag {
    enum Role: Equatable {
        case hint
        case solution
        case mistake
        case alternative
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
        if mistakeLabels.contains(where: s.hasPrefix) { return .mistake }
        if alternativeLabels.contains(where: s.hasPrefix) { return .alternative }
        return .other
    }

    static let mistakeLabels = ["common mistake", "mistake", "よくある間違い", "間違い"]
    static let alternativeLabels = ["another way", "alternative", "別解", "別の方法"]

    /// The summary without its label and separator: `maxReceiveCount of 20` for
    /// `Common mistake: maxReceiveCount of 20`.
    static func title(ofSummary summary: String) -> String {
        let s = summary.trimmingWhitespace()
        let lowered = s.lowercased()
        for label in mistakeLabels + alternativeLabels where lowered.hasPrefix(label) {
            let rest = s.dropFirst(label.count).drop { ": ：—-–".contains($0) || $0.isWhitespace }
            return String(rest)
        }
        return s
    }

    private static func between(_ s: String, _ open: String, _ close: String) -> String? {
        guard let a = s.range(of: open), let b = s.range(of: close, range: a.upperBound..<s.endIndex) else { return nil }
        return String(s[a.upperBound..<b.lowerBound])
    }

    private static func stripTags(_ s: String) -> String {
        NativePatterns.removingTags(s).trimmingWhitespace()
    }
}
