import Testing
@testable import TerminalMarkdown

@Suite struct TextWidthTests {
    @Test(arguments: [
        ("hello", 5),
        ("", 0),
        ("日本語", 6),
        ("AWSの設定", 9),
        ("こんにちは、世界。", 18),
        ("「」、。", 8),
        ("カタカナ", 8),
        ("ｱｲｳ", 3),  // halfwidth katakana
        ("ＡＢＣ１", 8),  // fullwidth forms
        ("한국어", 6),
        ("👍", 2),
        ("👍🏽", 2),  // skin tone modifier joins the emoji
        ("👨‍👩‍👧", 2),  // ZWJ family sequence is one glyph
        ("❤️", 2),  // text-default heart forced to emoji by VS16
        ("1️⃣", 2),  // keycap
        ("🇯🇵", 2),  // flag
        ("e\u{0301}", 1),  // e + combining acute
        ("Cafe\u{0301} Noe\u{0308}l", 9),
        ("a\u{200B}b", 2),  // zero-width space
        ("\u{200D}", 0),
        ("─│┌┐", 4),  // box drawing is ambiguous-width: narrow
        ("ℹ Note", 6),
        ("\u{1B}[1;36mbold\u{1B}[22;39m", 4),
        ("\u{1B}]8;;https://x\u{07}link\u{1B}]8;;\u{07}", 4),  // OSC 8 hyperlink
        ("日本\u{1B}[0m語", 6),
    ])
    func measures(_ text: String, _ expected: Int) {
        #expect(TextWidth.of(text) == expected)
    }

    @Test func scalarWidths() {
        #expect(TextWidth.of(Unicode.Scalar(0x4E00)!) == 2)
        #expect(TextWidth.of(Unicode.Scalar(0x0301)!) == 0)
        #expect(TextWidth.of(Unicode.Scalar(0xFE0F)!) == 0)
        #expect(TextWidth.of(Unicode.Scalar(0x3000)!) == 2)  // ideographic space
        #expect(TextWidth.of(Unicode.Scalar(0x20000)!) == 2)  // CJK extension B
        #expect(TextWidth.of(Unicode.Scalar(0x1F600)!) == 2)
        #expect(TextWidth.of(Unicode.Scalar(0x07)!) == 0)
        #expect(TextWidth.of(Character("\r\n")) == 0)
    }

    @Test func rangeTablesAreSortedAndDisjoint() {
        for table in [wideRanges, extraZeroWidthRanges] {
            for (a, b) in zip(table, table.dropFirst()) {
                #expect(a.upperBound < b.lowerBound, "\(a) overlaps or precedes \(b)")
            }
        }
    }

    @Test func stripsEscapeSequences() {
        #expect(ANSI.strip("\u{1B}[1mA\u{1B}[22m \u{1B}[4;34mB\u{1B}[24;39m") == "A B")
        #expect(ANSI.strip("plain") == "plain")
        #expect(ANSI.strip("cut \u{1B}[1") == "cut ")  // unterminated sequence is swallowed whole
    }
}
