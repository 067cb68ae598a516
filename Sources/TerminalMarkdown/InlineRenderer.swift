import GFM

/// Turns inline Markdown nodes into `InlinePiece`s: styles for emphasis, code, links; text for
/// what the terminal cannot show (link URLs, image alt text, `<br>`).
struct InlineRenderer {
    var color: Bool

    func pieces(_ nodes: [MarkdownNode], style: TextStyle = .plain) -> [InlinePiece] {
        nodes.flatMap { pieces($0, style: style) }
    }

    func pieces(_ node: MarkdownNode, style: TextStyle) -> [InlinePiece] {
        switch node.kind {
        case .text(let text):
            return [.text(text, style)]
        case .code(let code):
            // Without colour the backticks are the only thing marking code as code.
            return color ? [.code(code, style.with { $0.color = .yellow })] : [.code("`\(code)`", style)]
        case .softBreak:
            return [.softBreak(style)]
        case .lineBreak:
            return [.hardBreak]
        case .emphasis:
            return pieces(node.children, style: style.with { $0.italic = true })
        case .strong:
            return pieces(node.children, style: style.with { $0.bold = true })
        case .strikethrough:
            // Struck-out text often means "not this"; keep the markers when it cannot be drawn.
            let inner = pieces(node.children, style: style.with { $0.strikethrough = true })
            return color ? inner : [.text("~~", style)] + inner + [.text("~~", style)]
        case .link(let url, _):
            return link(node, url: url, style: style)
        case .image(let url, _):
            var result: [InlinePiece] = [.text("[image: \(node.plainText)]", style)]
            if !url.isEmpty { result += [.text(" ", style), .text("(\(url))", style.with { $0.dim = true })] }
            return result
        case .htmlInline(let html):
            return HTMLTags.isLineBreak(html) ? [.hardBreak] : []
        default:
            return pieces(node.children, style: style)
        }
    }

    /// `text (url)`, or just the text when it already is the URL (autolinks, `mailto:`).
    private func link(_ node: MarkdownNode, url: String, style: TextStyle) -> [InlinePiece] {
        let linkStyle = style.with { $0.underline = true; $0.color = .blue }
        let text = node.plainText
        let label = pieces(node.children, style: linkStyle)
        if text.isEmpty { return [.text(url, linkStyle)] }
        if Self.urlRepeatsText(url: url, text: text) || url.isEmpty { return label }
        return label + [.text(" ", style), .text("(\(url))", style.with { $0.dim = true })]
    }

    static func urlRepeatsText(url: String, text: String) -> Bool {
        let prefixes = ["", "http://", "https://", "mailto:"]
        return prefixes.contains { $0 + text == url }
    }
}

extension TextStyle {
    func with(_ change: (inout TextStyle) -> Void) -> TextStyle {
        var copy = self
        change(&copy)
        return copy
    }
}
