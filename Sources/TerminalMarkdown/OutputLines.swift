/// Line-level helpers shared by the block renderers; lines are already styled strings.
enum OutputLines {
    /// Prefixes the first line with `first` and the others with `rest` (hanging indents, quote
    /// bars). Trailing spaces this leaves on empty lines are removed by `finish`.
    static func prefix(_ lines: [String], first: String, rest: String) -> [String] {
        lines.enumerated().map { ($0.offset == 0 ? first : rest) + $0.element }
    }

    static func indent(_ lines: [String], by count: Int) -> [String] {
        let spaces = String(repeating: " ", count: count)
        return lines.map { $0.isEmpty ? $0 : spaces + $0 }
    }

    /// Joins rendered lines into the final text: trailing spaces removed from every line,
    /// surplus blank lines at the ends dropped, one newline at the end.
    static func finish(_ lines: [String]) -> String {
        var trimmed = lines.map(trimTrailingSpaces)
        while trimmed.last?.isEmpty == true { trimmed.removeLast() }
        while trimmed.first?.isEmpty == true { trimmed.removeFirst() }
        return trimmed.isEmpty ? "" : trimmed.joined(separator: "\n") + "\n"
    }

    /// Removes trailing spaces even when they sit before closing escape sequences
    /// (`"│ \e[0m"` → `"│\e[0m"`), keeping every escape sequence intact.
    static func trimTrailingSpaces(_ line: String) -> String {
        guard let last = line.unicodeScalars.last,
              last == " " || last == "\t" || line.unicodeScalars.contains(ANSI.escape) else { return line }
        var pieces = ANSI.split(line)
        var index = pieces.count - 1
        while index >= 0 {
            if pieces[index].isEscape { index -= 1; continue }
            let text = pieces[index].text
            let kept = text.unicodeScalars.lastIndex { $0 != " " && $0 != "\t" }
            if let kept {
                pieces[index].text = text[...kept]
                break
            }
            pieces[index].text = ""
            index -= 1
        }
        return pieces.map { String($0.text) }.joined()
    }
}
