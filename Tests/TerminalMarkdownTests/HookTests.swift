import Foundation
import Testing
@testable import TerminalMarkdown

@Suite struct HookTests {
    static let lab = """
        Before.

        ```yaml {check}
        bucket: demo
        ```

        After.
        """

    @Test func codeBlockHookReceivesTheFullInfoStringAndLiteral() {
        let seen = Captured()
        _ = render("```sh {file=run.sh}\necho hi\n```\n", codeBlock: { info, literal in
            seen.set(info + "|" + literal)
            return .standard
        })
        #expect(seen.value == "sh {file=run.sh}|echo hi\n")
    }

    @Test func standardCodeBlockIsLabelledWithTheFirstWordOnly() {
        #expect(render("```sh {file=run.sh}\necho hi\n```\n") == "  ── sh\n    echo hi\n")
        #expect(render("```{file=run.sh}\necho hi\n```\n") == "    echo hi\n")
        #expect(render("    indented code\n") == "    indented code\n")
    }

    @Test func codeBlocksAreNotWrapped() {
        let long = String(repeating: "x", count: 50)
        #expect(render("```\n\(long)\n```\n", width: 20) == "    \(long)\n")
    }

    @Test func blankLinesAroundCodeAreDropped() {
        #expect(render("Text\n\n```\n\n\nx\n\n  y\n\n```\n") == "Text\n\n    x\n\n      y\n")
    }

    @Test func hiddenCodeBlockLeavesNoGap() {
        let output = render(Self.lab, codeBlock: { info, _ in info.contains("{check}") ? .hidden : .standard })
        #expect(output == "Before.\n\nAfter.\n")
    }

    @Test func preformattedTextIsPrintedAsIs() {
        let table = "name   size\ndemo     12   \n"
        let output = render(Self.lab, codeBlock: { _, _ in .preformatted(table) })
        #expect(output == "Before.\n\nname   size\ndemo     12\n\nAfter.\n")
    }

    @Test func preformattedTextFollowsTheEnclosingIndent() {
        let output = render("- item\n\n  ```x\n  y\n  ```\n", codeBlock: { _, _ in .preformatted("A\nB") })
        #expect(output == "• item\n\n  A\n  B\n")
    }

    @Test func preformattedEscapesAreRemovedWithoutColour() {
        let coloured = "\u{1B}[32m✓ passed\u{1B}[39m"
        #expect(render(Self.lab, codeBlock: { _, _ in .preformatted(coloured) }).contains("\n✓ passed\n"))
        #expect(render(Self.lab, color: true, codeBlock: { _, _ in .preformatted(coloured) }).contains(coloured))
    }

    @Test func markdownReplacementIsRendered() {
        let output = render(Self.lab, codeBlock: { info, _ in
            info.hasPrefix("yaml") ? .markdown("**Memory** is `128 MB`.\n\n- one\n- two") : .standard
        })
        #expect(output == "Before.\n\nMemory is `128 MB`.\n\n• one\n• two\n\nAfter.\n")
    }

    @Test func markdownReplacementCannotRecurseForever() {
        let output = render("```x\n```\n", codeBlock: { _, _ in .markdown("```x\n```\n") })
        #expect(output.hasSuffix("\n"))
    }

    static let hints = """
        Try first.

        <details>
        <summary>Hint 1</summary>

        Use `aws s3 ls`.

        </details>

        <details>

        <summary>Hint 2</summary>

        Look at the *bucket* list.

        </details>

        Done.
        """

    @Test func detailsExpandedByDefault() {
        #expect(render(Self.hints) == """
            Try first.

            ▾ Hint 1
              Use `aws s3 ls`.

            ▾ Hint 2
              Look at the bucket list.

            Done.

            """)
    }

    @Test func detailsCollapsedToOneLine() {
        let summaries = Captured()
        let output = render(Self.hints, details: { summary in
            summaries.append(summary)
            return .collapsed("▸ \(summary) — run `handson hint`")
        })
        #expect(summaries.list == ["Hint 1", "Hint 2"])
        #expect(output == "Try first.\n\n▸ Hint 1 — run `handson hint`\n\n▸ Hint 2 — run `handson hint`\n\nDone.\n")
    }

    @Test func detailsHidden() {
        #expect(render(Self.hints, details: { _ in .hidden }) == "Try first.\n\nDone.\n")
    }

    @Test func detailsInOneHTMLBlockWithoutSummary() {
        #expect(render("<details>\nraw *inner*\n</details>\n") == "▾ Details\n  raw inner\n")
    }

    @Test func detailsInsideAListItem() {
        let markdown = "- step\n\n  <details><summary>Why?</summary>\n\n  Because.\n\n  </details>\n"
        #expect(render(markdown, details: { .collapsed("(\($0))") }) == "• step\n\n  (Why?)\n")
    }

    @Test func longSummaryWrapsUnderItsMarker() {
        let summary = "A summary that is much longer than the narrow terminal"
        let output = render("<details><summary>\(summary)</summary>\n\nBody.\n\n</details>\n", width: 24)
        #expect(visibleWidths(output).allSatisfy { $0 <= 24 })
        #expect(lines(output).first == "▾ A summary that is much")
    }

    @Test func otherHTMLIsDropped() {
        #expect(render("<div>\n<b>x</b>\n</div>\n\nText <span>kept</span> <!-- gone -->.\n") == "Text kept .\n")
    }
}

/// Collects values from @Sendable hooks in tests; the lock makes the Sendable claim true.
final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []
    func set(_ value: String) { lock.withLock { values = [value] } }
    func append(_ value: String) { lock.withLock { values.append(value) } }
    var value: String? { lock.withLock { values.last } }
    var list: [String] { lock.withLock { values } }
}
