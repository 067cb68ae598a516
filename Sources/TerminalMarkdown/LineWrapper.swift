/// Greedy word wrap of styled inline content, measured in terminal cells.
///
/// Lines break at spaces, and between CJK characters (`LineBreakRules`). Inline code that fits
/// on a line is never split. A word wider than the line is left whole (URLs stay copyable)
/// unless `breakLongWords` is set, as table cells need to keep their box intact.
enum LineWrapper {
    static func wrap(_ pieces: [InlinePiece], width: Int, breakLongWords: Bool = false) -> [StyledLine] {
        let width = max(width, 1)
        var lines: [[Atom]] = []
        var line: [Atom] = []
        var lineWidth = 0
        var pendingSpace: Atom?

        func flush() {
            lines.append(line)
            line = []
            lineWidth = 0
            pendingSpace = nil
        }
        func place(_ word: [Atom], wordWidth: Int) {
            guard breakLongWords, wordWidth > width else {
                line += word
                lineWidth += wordWidth
                return
            }
            for atom in word {
                if lineWidth + atom.width > width && !line.isEmpty { flush() }
                line.append(atom)
                lineWidth += atom.width
            }
        }

        for token in tokens(pieces, width: width) {
            switch token {
            case .space(let atom):
                if !line.isEmpty && pendingSpace == nil { pendingSpace = atom }
            case .hardBreak:
                flush()
            case .word(let word):
                let wordWidth = word.reduce(0) { $0 + $1.width }
                let spaceWidth = pendingSpace?.width ?? 0
                if line.isEmpty {
                    place(word, wordWidth: wordWidth)
                } else if lineWidth + spaceWidth + wordWidth <= width {
                    if let space = pendingSpace { line.append(space); lineWidth += space.width }
                    place(word, wordWidth: wordWidth)
                } else {
                    flush()
                    place(word, wordWidth: wordWidth)
                }
                pendingSpace = nil
            }
        }
        if !line.isEmpty { flush() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map(styledLine)
    }

    /// Widest line when nothing forces a wrap, and widest word that cannot break at a space or
    /// between CJK characters (table column sizing). Inline code counts as breakable at its
    /// spaces, as it is once it no longer fits.
    static func measure(_ pieces: [InlinePiece]) -> (natural: Int, longestWord: Int) {
        let natural = wrap(pieces, width: Int.max / 2).map(\.displayWidth).max() ?? 0
        let longest = tokens(pieces, width: 0).map { token -> Int in
            if case .word(let atoms) = token { return atoms.reduce(0) { $0 + $1.width } }
            return 0
        }.max() ?? 0
        return (natural, longest)
    }

    // MARK: - Tokens

    struct Atom {
        var character: Character
        var style: TextStyle
        var width: Int
        /// No line break allowed before this atom (inside inline code).
        var glued = false
    }

    enum Token {
        case word([Atom])
        case space(Atom)
        case hardBreak
    }

    private enum Item {
        case glyph(Atom)
        case space(Atom)
        case softBreak(Atom)
        case hardBreak
    }

    private static func items(_ pieces: [InlinePiece], width: Int) -> [Item] {
        var items: [Item] = []
        func add(_ text: String, _ style: TextStyle, glue: Bool) {
            for (offset, character) in text.enumerated() {
                let atom = Atom(character: character, style: style, width: TextWidth.of(character),
                                glued: glue && offset > 0)
                // A non-breaking space inside glued code must stay a glyph.
                if character.isWhitespace && !(glue || character == "\u{00A0}") {
                    items.append(.space(Atom(character: " ", style: style, width: 1)))
                } else {
                    items.append(.glyph(atom))
                }
            }
        }
        for piece in pieces {
            switch piece {
            case .text(let text, let style):
                add(text, style, glue: false)
            case .code(let code, let style):
                add(code, style, glue: TextWidth.of(code) <= width)
            case .softBreak(let style):
                items.append(.softBreak(Atom(character: " ", style: style, width: 1)))
            case .hardBreak:
                items.append(.hardBreak)
            }
        }
        return items
    }

    static func tokens(_ pieces: [InlinePiece], width: Int) -> [Token] {
        let items = items(pieces, width: width)
        var tokens: [Token] = []
        var word: [Atom] = []
        func endWord() {
            if !word.isEmpty { tokens.append(.word(word)) }
            word = []
        }
        for (index, item) in items.enumerated() {
            switch item {
            case .glyph(let atom):
                if let last = word.last, !atom.glued,
                   LineBreakRules.canBreak(between: last.character, and: atom.character) {
                    endWord()
                }
                word.append(atom)
            case .space(let atom):
                endWord()
                tokens.append(.space(atom))
            case .softBreak(let atom):
                // Between two CJK characters a source newline is not a space.
                if let last = word.last, case .glyph(let next)? = items[safe: index + 1],
                   LineBreakRules.isIdeographic(last.character), LineBreakRules.isIdeographic(next.character) {
                    continue  // the next glyph decides whether a break is allowed here (kinsoku)
                } else {
                    endWord()
                    tokens.append(.space(atom))
                }
            case .hardBreak:
                endWord()
                tokens.append(.hardBreak)
            }
        }
        endWord()
        return tokens
    }

    private static func styledLine(_ atoms: [Atom]) -> StyledLine {
        var runs: StyledLine = []
        for atom in atoms {
            if let last = runs.last, last.style == atom.style {
                runs[runs.count - 1].text.append(atom.character)
            } else {
                runs.append(StyledRun(text: String(atom.character), style: atom.style))
            }
        }
        return runs
    }
}
