import Foundation
import Testing
@testable import TerminalMarkdown

/// Renders each fixture in Golden/ and compares with its committed rendering.
/// Run with `UPDATE_GOLDEN=1 swift test --filter GoldenTests` to rewrite the expected files
/// next to this source file, then check the diff by eye before committing.
@Suite struct GoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var fixture: String
        var width: Int
        var color = false

        var expectedFile: String { "\(fixture).width\(width)\(color ? ".color" : "").txt" }
        var testDescription: String { expectedFile }
    }

    static let cases: [Case] = [
        Case(fixture: "basic", width: 60),
        Case(fixture: "basic", width: 60, color: true),
        Case(fixture: "alerts", width: 60),
        Case(fixture: "tables", width: 60),
        Case(fixture: "japanese", width: 40),
        Case(fixture: "japanese", width: 60),
        Case(fixture: "details", width: 60),
    ]

    @Test(arguments: cases)
    func rendersAsCommitted(_ golden: Case) throws {
        let markdown = try String(contentsOf: try resource("\(golden.fixture).md"), encoding: .utf8)
        let output = TerminalRenderer(options: RenderOptions(width: golden.width, color: golden.color))
            .render(markdown: markdown)

        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Golden").appendingPathComponent(golden.expectedFile)
            try output.write(to: source, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: try resource(golden.expectedFile), encoding: .utf8)
        #expect(output == expected, "re-run with UPDATE_GOLDEN=1 and inspect the diff")
        if output != expected { firstDifference(output, expected) }
    }

    @Test(arguments: cases)
    func meetsOutputInvariants(_ golden: Case) throws {
        let markdown = try String(contentsOf: try resource("\(golden.fixture).md"), encoding: .utf8)
        let output = TerminalRenderer(options: RenderOptions(width: golden.width, color: golden.color))
            .render(markdown: markdown)
        #expect(output.hasSuffix("\n") && !output.hasSuffix("\n\n"))
        #expect(output.contains("\u{1B}") == golden.color)
        #expect(!output.contains("\n\n\n"), "blocks are separated by exactly one blank line")
        var tableWidth: Int?
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            let visible = ANSI.strip(String(line))
            let width = TextWidth.of(visible)
            #expect(!visible.hasSuffix(" "), "trailing space: \(visible)")
            // Only code (indented four or more) may be wider than the terminal in these fixtures.
            #expect(width <= golden.width || visible.hasPrefix("    "), "too wide: \(visible)")
            // Every line of a table, from ┌ to └, has the same display width.
            if visible.hasPrefix("┌") { tableWidth = width }
            if let expected = tableWidth { #expect(width == expected, "misaligned table line: \(visible)") }
            if visible.hasPrefix("└") { tableWidth = nil }
        }
    }

    private func resource(_ name: String) throws -> URL {
        let directory = try #require(Bundle.module.url(forResource: "Golden", withExtension: nil))
        return directory.appendingPathComponent(name)
    }

    private func firstDifference(_ output: String, _ expected: String) {
        let got = output.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(got.count, want.count) where got[safe: index] != want[safe: index] {
            Issue.record("line \(index + 1): got \(String(describing: got[safe: index])) expected \(String(describing: want[safe: index]))")
            return
        }
    }
}
