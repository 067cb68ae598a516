extension BlockRenderer {
    static let codeIndent = 4

    func codeBlock(info: String, literal: String, _ context: BlockContext) -> [String]? {
        switch codeBlockHook(info, literal) {
        case .hidden:
            return nil
        case .markdown(let markdown):
            return markdownBlock(markdown, context)
        case .preformatted(let text):
            var lines = splitLines(options.color ? text : ANSI.strip(text))
            while lines.last?.isEmpty == true { lines.removeLast() }
            return lines.isEmpty ? nil : lines
        case .standard:
            return standardCodeBlock(info: info, literal: literal)
        }
    }

    /// A dim `── lang` caption over the code, indented and never wrapped: learners copy these
    /// lines into a shell, so no frame characters are drawn beside them.
    private func standardCodeBlock(info: String, literal: String) -> [String] {
        var lines = splitLines(literal).map(expandTabs)
        // Blank lines at either end would read as extra block separators.
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        while lines.first?.allSatisfy(\.isWhitespace) == true { lines.removeFirst() }
        lines = OutputLines.indent(lines, by: Self.codeIndent)
        if let language = Self.language(of: info) {
            lines.insert("  " + styler.gray("── " + language), at: 0)
        }
        return lines.isEmpty ? [""] : lines
    }

    /// The first word of the info string, unless it is an attribute block like `{file=x}`.
    static func language(of info: String) -> String? {
        guard let word = info.split(whereSeparator: \.isWhitespace).first, !word.hasPrefix("{") else { return nil }
        return String(word)
    }

    private func splitLines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    }

    /// Tabs to spaces at 4-column stops, since the terminal's own tab stops ignore our indent.
    private func expandTabs(_ line: String) -> String {
        guard line.contains("\t") else { return line }
        var result = ""
        var column = 0
        for character in line {
            if character == "\t" {
                let spaces = 4 - column % 4
                result += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                result.append(character)
                column += TextWidth.of(character)
            }
        }
        return result
    }
}
