import Testing
@testable import TerminalMarkdown

/// Japanese running text is written without ASCII spaces around inline markup
/// (`消えるわけでは**ありません**。`, not `消えるわけでは **ありません** 。`). The labs and the
/// glossary rely on cmark-gfm parsing emphasis and code there all the same: a delimiter run
/// between two letters (kana and kanji are letters) both opens and closes, and a code span
/// needs no space at all.
@Suite struct JapaneseInlineSpacingTests {
    @Test(arguments: [
        // (with spaces, without spaces)
        ("消えるわけでは **ありません** 。", "消えるわけでは**ありません**。"),
        ("Lambda 関数は、自分の **実行ロール** の権限で動きます。", "Lambda 関数は、自分の**実行ロール**の権限で動きます。"),
        ("*バッチ* とは何かを確かめます。", "*バッチ*とは何かを確かめます。"),
        ("キュー `tasks` を作ります。", "キュー`tasks`を作ります。"),
        ("ハンドラーは `handler.handler` です。", "ハンドラーは`handler.handler`です。"),
    ])
    func markupWithoutSpacesRendersTheSameStyle(_ spaced: String, _ unspaced: String) {
        let withSpaces = render(spaced, color: true)
        let withoutSpaces = render(unspaced, color: true)
        #expect(withoutSpaces.contains("\u{1B}["))
        // The spaces are the only difference: the same styled runs, and no delimiter is left
        // over as a literal character.
        #expect(withSpaces.filter { $0 != " " } == withoutSpaces.filter { $0 != " " })
        #expect(!withoutSpaces.contains("*"))
        #expect(!withoutSpaces.contains("`"))
    }

    @Test(arguments: [
        // (without spaces, the styled run it must show)
        ("消えるわけでは**ありません**。", "\u{1B}[1mありません\u{1B}[22m"),
        ("Lambda 関数は、自分の**実行ロール**の権限で動きます。", "\u{1B}[1m実行ロール\u{1B}[22m"),
        ("*バッチ*とは何かを確かめます。", "\u{1B}[3mバッチ\u{1B}[23m"),
        ("キュー`tasks`を作ります。", "\u{1B}[33mtasks\u{1B}[39m"),
        ("ハンドラーは`handler.handler`です。", "\u{1B}[33mhandler.handler\u{1B}[39m"),
    ])
    func markupWithoutSpacesIsStyled(_ unspaced: String, _ styledRun: String) {
        #expect(render(unspaced, color: true).contains(styledRun))
    }

    @Test func plainOutputKeepsTheBackticksAndDropsTheStars() {
        #expect(render("消えるわけでは**ありません**。") == "消えるわけではありません。\n")
        #expect(render("キュー`tasks`を作ります。") == "キュー`tasks`を作ります。\n")
    }

    @Test func exactColouredOutputWithoutSpaces() {
        #expect(render("消えるわけでは**ありません**。", color: true)
            == "消えるわけでは\u{1B}[1mありません\u{1B}[22m。\n")
        #expect(render("キュー`tasks`を作ります。", color: true)
            == "キュー\u{1B}[33mtasks\u{1B}[39mを作ります。\n")
    }

    /// Where the emphasized text starts with punctuation (a bracket, a backtick) and a letter
    /// precedes it, the delimiter cannot open: this is why the labs keep the space there.
    @Test func emphasisStartingWithPunctuationNeedsTheSpace() {
        #expect(render("注意は**「本番」**です。") == "注意は**「本番」**です。\n")
        #expect(render("注意は **「本番」** です。", color: true).contains("\u{1B}[1m「本番」\u{1B}[22m"))
    }
}
