/// Inline content flattened to styled text, the input of `LineWrapper`.
/// Styles stay data until after wrapping, so a line break can never land inside an escape sequence.
enum InlinePiece: Equatable {
    case text(String, TextStyle)
    /// Inline code: kept on one line when it fits the width.
    case code(String, TextStyle)
    /// A source newline: a space, or nothing between two CJK characters (Japanese has no spaces).
    case softBreak(TextStyle)
    case hardBreak
}

/// A piece of one output line that shares a single style.
struct StyledRun: Equatable {
    var text: String
    var style: TextStyle
}

typealias StyledLine = [StyledRun]

extension Array where Element == StyledRun {
    var displayWidth: Int { reduce(0) { $0 + TextWidth.of($1.text) } }

    func rendered(_ styler: Styler) -> String {
        map { styler.apply($0.style, $0.text) }.joined()
    }
}
