import Testing
@testable import GFM

@Suite struct MarkdownParserTests {
    @Test func fencedCodeBlockKeepsFullInfoStringAndPosition() {
        let doc = MarkdownParser.parse("# Title\n\n```sh {file=run.sh}\necho hi\n```\n")
        #expect(doc.children.count == 2)
        let code = doc.children[1]
        #expect(code.kind == .codeBlock(info: "sh {file=run.sh}", literal: "echo hi\n", fenced: true))
        #expect(code.line == 3)
        #expect(code.column == 1)
    }

    @Test func tableExtensionProducesCellsWithAlignment() {
        let doc = MarkdownParser.parse("| a | b |\n|:--|--:|\n| 1 | 2 |\n")
        guard case .table(let alignments) = doc.children.first?.kind else {
            Issue.record("expected a table, got \(String(describing: doc.children.first?.kind))")
            return
        }
        #expect(alignments == [.left, .right])
        #expect(doc.children[0].children.count == 2)
        #expect(doc.children[0].children[1].children[1].plainText == "2")
    }

    @Test func taskListItemsAndStrikethrough() {
        let doc = MarkdownParser.parse("- [x] done ~~old~~\n- [ ] todo\n")
        let items = doc.children[0].children
        #expect(items[0].kind == .item(task: .checked))
        #expect(items[1].kind == .item(task: .unchecked))
        #expect(items[0].children[0].children.contains { $0.kind == .strikethrough })
    }

    @Test func emptyInputIsAnEmptyDocument() {
        let doc = MarkdownParser.parse("")
        #expect(doc.kind == .document)
        #expect(doc.children.isEmpty)
    }
}
