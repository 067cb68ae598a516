extension BlockRenderer {
    /// The caller's policy decides: the content under `▾ summary`, a single line, or nothing.
    func details(_ section: DetailsSection, _ context: BlockContext) -> [String]? {
        let summary = section.summary ?? "Details"  // GitHub's own fallback title
        switch detailsHook(summary) {
        case .hidden:
            return nil
        case .collapsed(let line):
            return markdownBlock(line, context)
        case .expanded:
            let inner = context.narrowed(by: 2)
            let titleLines = LineWrapper.wrap([.text(summary, TextStyle(bold: true))], width: inner.width)
                .map { $0.rendered(styler) }
            let title = OutputLines.prefix(titleLines.isEmpty ? [""] : titleLines, first: styler.bold("▾") + " ", rest: "  ")
            let content = section.content.compactMap { item -> [String]? in
                switch item {
                case .node(let node): block(node, inner)
                case .markdown(let text): markdownBlock(text, inner)
                case .details(let nested): details(nested, inner)
                }
            }
            return title + OutputLines.indent(join(content, tight: false), by: 2)
        }
    }
}
