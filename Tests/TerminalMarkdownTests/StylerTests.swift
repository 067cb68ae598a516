import Testing
@testable import TerminalMarkdown

@Suite struct StylerTests {
    let on = Styler(enabled: true)
    let off = Styler(enabled: false)

    @Test func disabledStylerReturnsTextUntouched() {
        let all = [off.bold("a"), off.dim("b"), off.italic("c"), off.underline("d"), off.strikethrough("e"),
                   off.red("f"), off.green("g"), off.yellow("h"), off.blue("i"), off.magenta("j"),
                   off.cyan("k"), off.gray("l"),
                   off.apply(TextStyle(bold: true, italic: true, color: .red), "m")]
        #expect(all.joined() == "abcdefghijklm")
        #expect(!all.joined().contains("\u{1B}"))
    }

    @Test func enabledStylerUsesSGRWithMatchingResets() {
        #expect(on.bold("x") == "\u{1B}[1mx\u{1B}[22m")
        #expect(on.strikethrough("x") == "\u{1B}[9mx\u{1B}[29m")
        #expect(on.gray("x") == "\u{1B}[90mx\u{1B}[39m")
        #expect(on.apply(TextStyle(bold: true, underline: true, color: .blue), "x")
            == "\u{1B}[1;4;34mx\u{1B}[22;24;39m")
    }

    @Test func nestedStylesKeepTheOuterStyle() {
        // The inner colour reset (39) must not end the outer bold (22).
        #expect(on.bold("a" + on.red("b") + "c") == "\u{1B}[1ma\u{1B}[31mb\u{1B}[39mc\u{1B}[22m")
    }

    @Test func emptyTextAndPlainStyleAddNothing() {
        #expect(on.bold("") == "")
        #expect(on.apply(.plain, "x") == "x")
    }
}
