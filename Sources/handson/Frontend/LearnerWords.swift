import LabKit

/// The learner commands' own sentences, in the lab's language (English or Japanese).
struct LearnerWords {
    let japanese: Bool

    init(lab: Lab) { japanese = lab.metadata.lang == "ja" }

    func startFooter(resumed: Bool, emulator: String?) -> String {
        var lines: [String] = []
        if let emulator {
            lines.append(japanese
                ? "エミュレータ: `\(emulator)`。`handson shell` で aws CLI がエミュレータに向いたシェルを開きます（自分のシェルなら `eval \"$(handson env)\"`）。"
                : "Emulator: `\(emulator)`. `handson shell` opens a shell where the aws CLI reaches it (or `eval \"$(handson env)\"` in your own shell).")
        }
        lines.append(japanese
            ? "終わったら `handson check`。困ったら `handson hint`、`handson solution`。"
            : "When you are done, `handson check`. Stuck? `handson hint`, then `handson solution`.")
        if resumed { lines.insert(japanese ? "*前回の続きから再開します。*" : "*Resuming where you left off.*", at: 0) }
        return "---\n\n" + lines.joined(separator: "\n\n")
    }

    func checkHeading(_ number: Int, _ total: Int) -> String {
        japanese ? "**チェック: ステップ \(number)/\(total)**" : "**Checking step \(number) of \(total)**"
    }
    var expected: String { japanese ? "期待" : "expected" }
    var actual: String { japanese ? "実際" : "actual" }
    func commonMistake(_ title: String) -> String { japanese ? "よくある間違い: \(title)" : "A common mistake: \(title)" }
    func stepPassed(_ number: Int) -> String { japanese ? "**ステップ \(number) クリア！**" : "**Step \(number) passed!**" }
    var labComplete: String { japanese ? "**ラボ完了です。おつかれさまでした！** `handson list` で他のラボを。" : "**Lab complete. Well done!** `handson list` shows the other labs." }
    func failedFooter(hintsLeft: Int) -> String {
        if japanese {
            return hintsLeft > 0 ? "直したら、もう一度 `handson check`。`handson hint` でヒント（残り \(hintsLeft)）。" : "直したら、もう一度 `handson check`。`handson solution` で解答を見られます。"
        }
        return hintsLeft > 0 ? "Fix it and run `handson check` again; `handson hint` gives a hint (\(hintsLeft) left)." : "Fix it and run `handson check` again; `handson solution` shows the solution."
    }
    func hintHeading(_ index: Int, _ total: Int) -> String { japanese ? "**ヒント \(index)/\(total)**" : "**Hint \(index) of \(total)**" }
    var noHints: String { japanese ? "このステップにヒントはありません。`handson solution` で解答を。" : "This step has no hints; `handson solution` shows the solution." }
    var solutionHeading: String { japanese ? "**解答**" : "**Solution**" }
    var commandsHeading: String { japanese ? "コマンド:" : "Commands:" }
    var noSolution: String { japanese ? "このステップには解答がありません。" : "This step has no written solution." }
    func notPassedYet(_ number: Int) -> String {
        japanese ? "*ステップ \(number) はまだクリアしていません（`handson back` で戻れます）。*" : "*Step \(number) is not passed yet (`handson back` returns to it).*"
    }
    var alreadyLast: String { japanese ? "最後のステップです。" : "This is the last step." }
    var alreadyFirst: String { japanese ? "最初のステップです。" : "This is the first step." }
    func resetDone(_ number: Int) -> String {
        japanese ? "*ステップ \(number) 開始時の状態に戻しました。*" : "*Back to the state you had when step \(number) started.*"
    }
    func answerRecorded(_ value: String) -> String { japanese ? "回答 `\(value)` を記録しました。" : "Answer `\(value)` recorded." }
}
