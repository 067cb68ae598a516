import GFM

/// Renders GitHub-Flavored Markdown for a terminal: wrapped to `options.width` cells, styled
/// with ANSI escapes only when `options.color` is set.
///
/// Output: blocks separated by one blank line, no trailing spaces, exactly one final newline
/// (an empty document renders as ""). Only code blocks and single unbreakable words may be
/// wider than the width.
public struct TerminalRenderer: Sendable {
    public var options: RenderOptions
    let codeBlock: @Sendable (_ info: String, _ literal: String) -> CodeBlockRendering
    let details: @Sendable (_ summary: String) -> DetailsRendering

    /// - Parameters:
    ///   - codeBlock: called for every fenced or indented code block with the full info string
    ///     (`sh {file=run.sh}`, empty for indented blocks) and the code.
    ///   - details: called with the plain-text summary of every `<details>` section.
    public init(options: RenderOptions,
                codeBlock: @escaping @Sendable (_ info: String, _ literal: String) -> CodeBlockRendering = { _, _ in .standard },
                details: @escaping @Sendable (_ summary: String) -> DetailsRendering = { _ in .expanded }) {
        self.options = options
        self.codeBlock = codeBlock
        self.details = details
    }

    public func render(_ document: MarkdownNode) -> String {
        let renderer = BlockRenderer(options: options, codeBlockHook: codeBlock, detailsHook: details)
        let context = BlockContext(width: max(options.width, 1))
        // A lone block (not a document) renders as a one-block document.
        let blocks = renderer.blocks(document.kind == .document ? document.children : [document], context)
        return OutputLines.finish(blocks)
    }

    public func render(markdown: String) -> String {
        render(MarkdownParser.parse(markdown))
    }
}
