/// GitHub's heading anchors: lowercase, punctuation dropped, spaces to hyphens; letters of
/// any script (Japanese too) kept.
enum Slug {
    static func make(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" {
                out.append(ch)
            } else if ch == " " {
                out.append("-")
            }
        }
        return out
    }
}
