/// Display width of text in terminal cells, the measure used for wrapping and table alignment.
///
/// Width is computed per grapheme cluster (what the user sees as one character):
/// emoji presentation clusters take 2 cells, otherwise the cluster's scalars are summed, with
/// East Asian Wide/Fullwidth = 2, combining marks, format characters and controls = 0, else 1.
/// ANSI escape sequences take no cells.
public enum TextWidth {
    public static func of(_ text: String) -> Int {
        guard text.unicodeScalars.contains(ANSI.escape) else { return visibleWidth(text[...]) }
        return ANSI.split(text).reduce(0) { $0 + ($1.isEscape ? 0 : visibleWidth($1.text)) }
    }

    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count == 1 { return of(first) }
        if isEmojiCluster(scalars) { return 2 }
        return scalars.reduce(0) { $0 + of($1) }
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v < 0x20 ? 0 : 1 }
        if isControl(scalar) { return 0 }
        if rangesContain(extraZeroWidthRanges, v) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0  // ZWJ, ZWSP, variation selectors, accents
        default: break
        }
        if rangesContain(wideRanges, v) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Whether a cluster is shown as a wide emoji: an emoji-presentation base, an emoji
    /// forced by VS16 (❤️), or a keycap (1️⃣). ZWJ sequences and skin tones stay one 2-cell glyph.
    static func isEmojiCluster(_ scalars: Character.UnicodeScalarView) -> Bool {
        guard let first = scalars.first else { return false }
        if first.properties.isEmojiPresentation { return true }
        guard first.properties.isEmoji else { return false }
        return scalars.contains { $0.value == 0xFE0F || $0.value == 0x20E3 }
    }

    static func visibleWidth(_ text: Substring) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    private static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value)
    }
}
