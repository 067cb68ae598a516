@testable import TerminalMarkdown

func render(_ markdown: String, width: Int = 60, color: Bool = false,
            codeBlock: @escaping @Sendable (String, String) -> CodeBlockRendering = { _, _ in .standard },
            details: @escaping @Sendable (String) -> DetailsRendering = { _ in .expanded }) -> String {
    TerminalRenderer(options: RenderOptions(width: width, color: color), codeBlock: codeBlock, details: details)
        .render(markdown: markdown)
}

func lines(_ output: String) -> [String] {
    output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
}

func visibleWidths(_ output: String) -> [Int] {
    lines(output).map(TextWidth.of)
}
