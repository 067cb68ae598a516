/// Recognises ANSI/ECMA-48 escape sequences so width measurement and line trimming can skip them.
public enum ANSI {
    static let escape: Unicode.Scalar = "\u{1B}"

    /// The text with every escape sequence removed.
    public static func strip(_ text: String) -> String {
        guard text.unicodeScalars.contains(escape) else { return text }
        var result = String.UnicodeScalarView()
        for piece in split(text) where !piece.isEscape { result.append(contentsOf: piece.text.unicodeScalars) }
        return String(result)
    }

    /// A run of either visible text or one escape sequence.
    struct Piece {
        var text: Substring
        var isEscape: Bool
    }

    /// Splits text into visible runs and escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL/ST`,
    /// and two-character `ESC x`). An unterminated sequence swallows the rest, so it is never split.
    static func split(_ text: String) -> [Piece] {
        let scalars = text.unicodeScalars
        var pieces: [Piece] = []
        var runStart = scalars.startIndex
        var i = scalars.startIndex
        while i < scalars.endIndex {
            guard scalars[i] == escape else { i = scalars.index(after: i); continue }
            if runStart < i { pieces.append(Piece(text: Substring(scalars[runStart..<i]), isEscape: false)) }
            let end = sequenceEnd(scalars, from: i)
            pieces.append(Piece(text: Substring(scalars[i..<end]), isEscape: true))
            i = end
            runStart = end
        }
        if runStart < scalars.endIndex {
            pieces.append(Piece(text: Substring(scalars[runStart..<scalars.endIndex]), isEscape: false))
        }
        return pieces
    }

    private static func sequenceEnd(_ s: String.UnicodeScalarView, from start: String.Index) -> String.Index {
        var i = s.index(after: start)
        guard i < s.endIndex else { return i }
        switch s[i] {
        case "[":  // CSI: parameter and intermediate bytes, then one final byte 0x40–0x7E
            i = s.index(after: i)
            while i < s.endIndex {
                let v = s[i].value
                i = s.index(after: i)
                if (0x40...0x7E).contains(v) { break }
            }
            return i
        case "]", "P", "_", "^":  // OSC/DCS/APC/PM: up to BEL or ESC \
            i = s.index(after: i)
            while i < s.endIndex {
                if s[i] == "\u{07}" { return s.index(after: i) }
                if s[i] == escape {
                    let next = s.index(after: i)
                    if next < s.endIndex && s[next] == "\\" { return s.index(after: next) }
                }
                i = s.index(after: i)
            }
            return i
        default:
            return s.index(after: i)
        }
    }
}
