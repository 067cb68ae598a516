import Testing
import TerminalMarkdown
@testable import LabKit

@Suite struct LabPresenterTests {
    @Test func aStepShowsCheckNamesFoldedHintsAndComputedExplanations() throws {
        let (text, _) = try LabParserTests.fixture("good")
        let lab = try #require(LabParser.parse(text, file: "good.md").lab)
        let presenter = LabPresenter(options: RenderOptions(width: 72, color: false))

        let first = presenter.render(lab, step: 1)
        #expect(first.contains("Step 1 of 2: Create the queue"))
        #expect(first.contains("☐ The queue exists"))
        #expect(first.contains("☐ Its URL ends with its name"))
        #expect(first.contains("▸ Hint: `handson hint` shows it"))
        #expect(first.contains("▸ Solution: `handson solution` shows it"))
        #expect(first.contains("File `handler.py` (written to your workspace)"))
        #expect(!first.contains("Look at `aws sqs help`"), "hints stay folded")
        #expect(!first.contains("query:"), "check YAML is not shown to the learner")
        #expect(!first.contains("Quiz time"), "only the requested step")

        let second = presenter.render(lab, step: 2)
        #expect(second.contains("536,870,912 ÷ 52 ≈ 10,324,440 records"))
        #expect(!second.contains("limit: 512MiB"), "the explain block's input is replaced by its result")
    }

    @Test func theWholeLabStartsWithTitleAndIntroduction() throws {
        let (text, _) = try LabParserTests.fixture("good")
        let lab = try #require(LabParser.parse(text, file: "good.md").lab)
        let all = LabPresenter(options: RenderOptions(width: 72, color: false)).render(lab)
        #expect(all.hasPrefix("A small, correct lab\n═"))
        #expect(all.contains("beginner · about 5 min · sqs"))
        #expect(all.contains("Introduction text."))
        #expect(all.contains("Step 2 of 2: Quiz time"))
        #expect(!all.contains("\u{1B}["), "no colour when colour is off")
    }
}
