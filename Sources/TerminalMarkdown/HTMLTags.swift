/// Small, forgiving helpers for the raw HTML that labs use; not an HTML parser.
enum HTMLTags {
    /// `<br>`, `<br/>`, `<br />`, any case.
    static func isLineBreak(_ html: String) -> Bool {
        let compact = html.lowercased().filter { !$0.isWhitespace }
        return compact == "<br>" || compact == "<br/>"
    }

    /// Text content of an HTML fragment: tags removed, common entities decoded, whitespace collapsed.
    static func text(_ html: Substring) -> String {
        var stripped = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true }
            else if character == ">" && inTag { inTag = false }
            else if !inTag { stripped.append(character) }
        }
        return decodeEntities(stripped).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let entities = ["&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'", "&nbsp;": " "]
        var result = text
        for (entity, value) in entities { result = result.replacingAll(entity, with: value) }
        return result.replacingAll("&amp;", with: "&")  // last, so "&amp;lt;" stays "&lt;"
    }
}
