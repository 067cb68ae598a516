import GFM

extension BlockRenderer {
    /// Bullets change with depth; task items show ☐/☑; wrapped lines hang under the item text.
    func list(_ node: MarkdownNode, ordered: Bool, start: Int, tight: Bool, _ context: BlockContext) -> [String]? {
        let items = node.children
        guard !items.isEmpty else { return nil }
        // Numbers are right-aligned so every item's text starts in the same column.
        let numberWidth = ordered ? String(start + items.count - 1).count : 0
        var rendered: [[String]] = []
        for (index, item) in items.enumerated() {
            let (plainMarker, styledMarker) = marker(for: item, index: index, ordered: ordered, start: start,
                                                     numberWidth: numberWidth, depth: context.listDepth)
            let markerWidth = TextWidth.of(plainMarker)
            var inner = context.narrowed(by: markerWidth)
            inner.listDepth += 1
            inner.tight = tight
            var body = blocks(item.children, inner)
            if body.isEmpty { body = [""] }
            rendered.append(OutputLines.prefix(body, first: styledMarker,
                                               rest: String(repeating: " ", count: markerWidth)))
        }
        return join(rendered, tight: tight)
    }

    private func marker(for item: MarkdownNode, index: Int, ordered: Bool, start: Int,
                        numberWidth: Int, depth: Int) -> (plain: String, styled: String) {
        var plain = "", styled = ""
        if ordered {
            let number = String(start + index) + "."
            let padded = String(repeating: " ", count: max(numberWidth + 1 - number.count, 0)) + number + " "
            plain += padded
            styled += padded
        }
        if case .item(let task?) = item.kind {
            let box = task == .checked ? styler.green("☑") : "☐"
            plain += "☐ "
            styled += box + " "
        } else if !ordered {
            let bullets = ["•", "◦", "▪"]
            plain += "• "
            styled += styler.gray(bullets[depth % bullets.count]) + " "
        }
        return (plain, styled)
    }
}
