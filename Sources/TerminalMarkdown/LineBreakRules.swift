/// Where a line may break between two characters that have no space between them.
/// CJK text breaks between any two characters, except that closing punctuation and small kana
/// may not start a line and opening brackets may not end one (simplified Japanese kinsoku rules).
enum LineBreakRules {
    static func canBreak(between before: Character, and after: Character) -> Bool {
        guard isIdeographic(before) || isIdeographic(after) else { return false }
        return !noLineStart.contains(after) && !noLineEnd.contains(before)
    }

    /// Wide CJK characters (ideographs, kana, hangul, fullwidth forms, CJK punctuation) and
    /// halfwidth katakana; emoji are wide too but behave like words.
    static func isIdeographic(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        if (0xFF61...0xFF9F).contains(scalar.value) { return true }
        return rangesContain(wideRanges, scalar.value) && !scalar.properties.isEmojiPresentation
    }

    static let noLineStart: Set<Character> = Set(
        "、。，．・：；？！ー‐゠–〜～…‥」』）］｝〕〉》】〙〗〟’”｠»ゝゞヽヾ々〻"
        + "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
        + "ｧｨｩｪｫｬｭｮｯｰ｡｣､･"
        + ".,:;!?)]}%")

    static let noLineEnd: Set<Character> = Set("「『（［｛〔〈《【〘〖〝‘“｟«｢([{")
}
