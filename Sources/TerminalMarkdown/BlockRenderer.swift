import GFM

/// Where a block is being rendered: the cells available after enclosing indents and bars.
struct BlockContext {
    var width: Int
    var listDepth = 0
    /// Children of a tight list item are not separated by blank lines.
    var tight = false
    /// Nesting of hook-supplied Markdown, bounded so a hook cannot recurse forever.
    var hookDepth = 0

    func narrowed(by cells: Int) -> BlockContext {
        var copy = self
        copy.width = max(width - cells, 1)
        copy.tight = false
        return copy
    }
}

/// Renders block nodes to styled lines; one extension per kind of block.
struct BlockRenderer {
    let options: RenderOptions
    let codeBlockHook: @Sendable (String, String) -> CodeBlockRendering
    let detailsHook: @Sendable (String) -> DetailsRendering

    var styler: Styler { Styler(enabled: options.color) }
    var inline: InlineRenderer { InlineRenderer(color: options.color) }

    /// Sibling blocks, separated by a blank line (none in tight lists). `<details>` sections span
    /// several siblings, so they are grouped here before rendering.
    func blocks(_ nodes: [MarkdownNode], _ context: BlockContext) -> [String] {
        let rendered = DetailsGrouping.group(nodes).compactMap { item -> [String]? in
            switch item {
            case .node(let node): return block(node, context)
            case .markdown(let text): return markdownBlock(text, context)
            case .details(let section): return details(section, context)
            }
        }
        return join(rendered, tight: context.tight)
    }

    func join(_ blocks: [[String]], tight: Bool) -> [String] {
        var lines: [String] = []
        for block in blocks where !block.isEmpty {
            if !lines.isEmpty && !tight { lines.append("") }
            lines += block
        }
        return lines
    }

    /// One block's lines, or nil when it renders to nothing (dropped HTML, hidden code).
    func block(_ node: MarkdownNode, _ context: BlockContext) -> [String]? {
        switch node.kind {
        case .paragraph:
            return paragraph(inline.pieces(node.children), context)
        case .heading(let level):
            return heading(node, level: level, context)
        case .thematicBreak:
            return [styler.gray(String(repeating: "─", count: context.width))]
        case .blockQuote:
            return blockQuote(node, context)
        case .list(let ordered, let start, let tight):
            return list(node, ordered: ordered, start: start, tight: tight, context)
        case .codeBlock(let info, let literal, _):
            return codeBlock(info: info, literal: literal, context)
        case .table:
            return TableRenderer(inline: inline, styler: styler).render(node, width: context.width)
        case .htmlBlock:
            return nil  // raw HTML other than <details> has no terminal form
        default:
            // Unknown blocks: their block children, or their text as a paragraph.
            if node.children.isEmpty { return nil }
            let lines = blocks(node.children, context)
            return lines.isEmpty ? paragraph(inline.pieces(node.children), context) : lines
        }
    }

    func paragraph(_ pieces: [InlinePiece], _ context: BlockContext) -> [String]? {
        let lines = LineWrapper.wrap(pieces, width: context.width).map { $0.rendered(styler) }
        return lines.isEmpty ? nil : lines
    }

    /// Bold (cyan up to level 3); levels 1 and 2 are also underlined with a rule (`═`, `─`) so the
    /// hierarchy still shows without colour.
    func heading(_ node: MarkdownNode, level: Int, _ context: BlockContext) -> [String]? {
        let style = TextStyle(bold: true, color: level <= 3 ? .cyan : nil)
        let wrapped = LineWrapper.wrap(inline.pieces(node.children, style: style), width: context.width)
        guard !wrapped.isEmpty else { return nil }
        var lines = wrapped.map { $0.rendered(styler) }
        let ruleWidth = min(wrapped.map(\.displayWidth).max() ?? 0, context.width)
        switch level {
        case 1: lines.append(styler.cyan(String(repeating: "═", count: ruleWidth)))
        case 2: lines.append(styler.gray(String(repeating: "─", count: ruleWidth)))
        default: break
        }
        return lines
    }

    /// Markdown supplied by a hook or found inside a raw HTML block.
    func markdownBlock(_ text: String, _ context: BlockContext) -> [String]? {
        guard context.hookDepth < 8 else { return paragraph([.text(text, .plain)], context) }
        var inner = context
        inner.hookDepth += 1
        let lines = blocks(MarkdownParser.parse(text).children, inner)
        return lines.isEmpty ? nil : lines
    }
}
