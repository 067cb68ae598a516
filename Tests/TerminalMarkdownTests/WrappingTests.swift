import Testing
@testable import TerminalMarkdown

@Suite struct WrappingTests {
    static let english = """
        The AWS Command Line Interface is a unified tool to manage your AWS services. With just one \
        tool to download and configure, you can control multiple AWS services from the command line \
        and automate them through scripts. Use `aws configure` first, then **try** *a few* ~~old~~ commands.
        """
    static let japanese = """
        AWS コマンドラインインターフェイス（AWS CLI）は、AWSサービスを管理するための統合ツールです。\
        ダウンロードおよび設定用の単一のツールのみを使用して、コマンドラインから複数のAWSサービスを制御し、\
        スクリプトを使用してこれらを自動化できます。「設定」を先に行ってください。
        """

    @Test(arguments: [20, 23, 31, 40, 57, 80])
    func paragraphsNeverExceedTheWidth(_ width: Int) {
        for color in [false, true] {
            for text in [Self.english, Self.japanese, "- item: " + Self.english, "> " + Self.japanese,
                         "1. " + Self.japanese + "\n   - " + Self.english] {
                for (index, w) in visibleWidths(render(text, width: width, color: color)).enumerated() {
                    #expect(w <= width, "line \(index) is \(w) cells at width \(width)")
                }
            }
        }
    }

    @Test func japaneseWrapsBetweenCharactersAndObeysKinsoku() {
        let output = lines(render(Self.japanese, width: 24))
        #expect(output.count > 5)
        for line in output {
            #expect(TextWidth.of(line) <= 24)
            #expect(!(line.first.map { "、。）」ー".contains($0) } ?? false), "line starts with closing punctuation: \(line)")
            #expect(!(line.last.map { "（「".contains($0) } ?? false), "line ends with an opening bracket: \(line)")
        }
        // Only the last line may be noticeably short: lines are filled, not just broken early.
        for line in output.dropLast() { #expect(TextWidth.of(line) >= 20) }
    }

    @Test func softBreakBetweenJapaneseLinesAddsNoSpace() {
        #expect(render("日本語の\nテキスト\n") == "日本語のテキスト\n")
        #expect(render("English\ntext\n") == "English text\n")
    }

    @Test func inlineCodeStaysOnOneLineWhenItFits() {
        let output = lines(render("Run the command `aws s3 ls --recursive` now please", width: 30))
        #expect(output.contains { $0.contains("`aws s3 ls --recursive`") })
    }

    @Test func inlineCodeWiderThanTheLineBreaksAtItsSpaces() {
        let output = visibleWidths(render("`aws s3api put-object --bucket demo --key a --body b`", width: 20))
        #expect(output.allSatisfy { $0 <= 20 })
    }

    @Test func unbreakableWordOverflowsOnItsOwnLine() {
        let url = "https://example.com/" + String(repeating: "x", count: 40)
        let output = lines(render("see \(url) here", width: 30))
        #expect(output == ["see", url, "here"])
    }

    @Test func escapeSequencesAreNeverSplitAcrossLines() {
        let output = render(Self.english + " " + Self.japanese, width: 21, color: true)
        for line in lines(output) {
            // Every escape in a line is a complete SGR sequence, and every line closes what it opens.
            #expect(!ANSI.strip(line).contains("\u{1B}"))
            for piece in ANSI.split(line) where piece.isEscape {
                #expect(piece.text.hasPrefix("\u{1B}[") && piece.text.hasSuffix("m"))
            }
            #expect(sgrStateIsReset(afterRendering: line), "styles leak past the end of: \(line)")
        }
    }

    @Test func hardBreaksAreKept() {
        #expect(render("one<br>two<br/>three\\\nfour") == "one\ntwo\nthree\nfour\n")
    }
}

/// Replays the SGR codes of a line and reports whether every attribute is off at its end.
func sgrStateIsReset(afterRendering line: String) -> Bool {
    var active: Set<String> = []
    for piece in ANSI.split(line) where piece.isEscape {
        for code in piece.text.dropFirst(2).dropLast().split(separator: ";").compactMap({ Int($0) }) {
            switch code {
            case 0: active.removeAll()
            case 1, 2: active.insert("intensity")
            case 22: active.remove("intensity")
            case 3: active.insert("italic")
            case 23: active.remove("italic")
            case 4: active.insert("underline")
            case 24: active.remove("underline")
            case 9: active.insert("strike")
            case 29: active.remove("strike")
            case 30...37, 90...97: active.insert("color")
            case 39: active.remove("color")
            default: break
            }
        }
    }
    return active.isEmpty
}
