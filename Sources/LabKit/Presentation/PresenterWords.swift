/// The few words the presenter adds around a lab's own text, in the lab's language.
struct PresenterWords: Sendable {
    var japanese: Bool

    init(language: String) { japanese = language == "ja" }

    func level(_ level: LabMetadata.Level) -> String {
        guard japanese else { return level.rawValue }
        switch level {
        case .beginner: return "初級"
        case .intermediate: return "中級"
        case .advanced: return "上級"
        }
    }

    func minutes(_ n: Int) -> String { japanese ? "約\(n)分" : "about \(n) min" }
    var noServices: String { japanese ? "エミュレータ不要" : "no emulator needed" }
    func stepHeading(_ n: Int, _ total: Int, _ title: String) -> String {
        japanese ? "ステップ \(n)/\(total): \(title)" : "Step \(n) of \(total): \(title)"
    }
    var checksTitle: String { japanese ? "チェック（`handson check` で採点）" : "Checks (graded by `handson check`)" }
    var hintFolded: String { japanese ? "▸ ヒント: `handson hint` で表示" : "▸ Hint: `handson hint` shows it" }
    var solutionFolded: String { japanese ? "▸ 解答: `handson solution` で表示" : "▸ Solution: `handson solution` shows it" }
    func fileIntro(_ path: String) -> String {
        japanese ? "ファイル `\(path)`（ワークスペースに書き出されます）:" : "File `\(path)` (written to your workspace):"
    }
}
