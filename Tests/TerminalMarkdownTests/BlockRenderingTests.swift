import Testing
@testable import TerminalMarkdown

@Suite struct BlockRenderingTests {
    @Test(arguments: [
        ("NOTE", "ℹ Note"), ("TIP", "✓ Tip"), ("IMPORTANT", "! Important"),
        ("WARNING", "⚠ Warning"), ("CAUTION", "✖ Caution"), ("note", "ℹ Note"),
    ])
    func alertsShowALabelInsteadOfTheMarker(_ marker: String, _ label: String) {
        let output = render("> [!\(marker)]\n> Body text.\n")
        #expect(output == "│ \(label)\n│ Body text.\n")
        #expect(!output.contains("[!"))
    }

    @Test func alertLabelIsColouredWhenColourIsOn() {
        let output = render("> [!WARNING]\n> Careful.\n", color: true)
        #expect(output.contains("\u{1B}[1;33m⚠ Warning\u{1B}[22;39m"))
    }

    @Test func unknownAlertIsAPlainQuote() {
        #expect(render("> [!OTHER]\n> text\n") == "│ [!OTHER] text\n")
    }

    @Test func linksShowTheirURLUnlessItIsTheText() {
        #expect(render("[docs](https://x.dev/a)") == "docs (https://x.dev/a)\n")
        #expect(render("<https://x.dev/a>") == "https://x.dev/a\n")
        #expect(render("www.example.com and a@b.co") == "www.example.com and a@b.co\n")
        #expect(render("![diagram](d.png)") == "[image: diagram] (d.png)\n")
    }

    @Test func tablesAlignDoubleWidthCells() {
        let output = render("""
            | 名前 | Size | 説明 |
            |:-----|-----:|:----:|
            | バケット | 12 | S3のストレージ |
            | key | 1234567 | オブジェクト |
            """)
        let widths = visibleWidths(output)
        #expect(Set(widths).count == 1, "every table line has the same display width: \(widths)")
        #expect(lines(output)[3] == "│ バケット │      12 │ S3のストレージ │")
        #expect(lines(output)[4] == "│ key      │ 1234567 │  オブジェクト  │")
    }

    @Test(arguments: [20, 30, 44])
    func narrowTablesWrapCellsAndKeepTheBox(_ width: Int) {
        let output = render("""
            | 項目 | 説明 |
            |------|------|
            | リージョン | 東京リージョン（ap-northeast-1）を使います。 |
            | Bucket | A bucket holds objects, up to five terabytes each. |
            """, width: width)
        let widths = visibleWidths(output)
        #expect(Set(widths).count == 1, "\(widths)")
        #expect(widths.allSatisfy { $0 <= width })
    }

    @Test func headingsAreDistinct() {
        #expect(render("# One\n\n## Two\n\n### Three") == "One\n═══\n\nTwo\n───\n\nThree\n")
    }

    @Test func orderedListNumbersAreRightAligned() {
        let markdown = (1...10).map { "\($0). item" }.joined(separator: "\n")
        let output = lines(render(markdown))
        #expect(output.first == " 1. item")
        #expect(output.last == "10. item")
    }

    @Test func orderedTaskListAndStartNumber() {
        #expect(render("3. [x] done\n4. [ ] todo\n") == "3. ☑ done\n4. ☐ todo\n")
    }

    @Test func nestedQuotesAndThematicBreak() {
        #expect(render("> a\n>\n> > b\n\n---\n", width: 20) == "│ a\n│\n│ │ b\n\n" + String(repeating: "─", count: 20) + "\n")
    }

    @Test func emptyDocumentRendersNothing() {
        #expect(render("") == "")
        #expect(render("<!-- only a comment -->\n") == "")
    }

    @Test func plainOutputHasNoEscapesAndColouredOutputDoes() {
        let markdown = "# T\n\n**b** *i* `c` ~~s~~ [l](u)\n\n> [!TIP]\n> x\n\n| a |\n|---|\n| b |\n"
        #expect(!render(markdown).contains("\u{1B}"))
        #expect(render(markdown, color: true).contains("\u{1B}["))
        #expect(render(markdown).contains("`c` ~~s~~"))
    }
}
