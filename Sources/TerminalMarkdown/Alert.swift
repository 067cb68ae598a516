import GFM

/// GitHub alerts: a block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
/// `[!WARNING]` or `[!CAUTION]`.
enum Alert: String, CaseIterable {
    case note, tip, important, warning, caution

    var label: String {
        switch self {
        case .note: "ℹ Note"
        case .tip: "✓ Tip"
        case .important: "! Important"
        case .warning: "⚠ Warning"
        case .caution: "✖ Caution"
        }
    }

    /// GitHub's colours for each alert.
    var color: TerminalColor {
        switch self {
        case .note: .blue
        case .tip: .green
        case .important: .magenta
        case .warning: .yellow
        case .caution: .red
        }
    }

    /// The alert a block quote starts with, and its children without the marker line.
    static func detect(_ quote: MarkdownNode) -> (alert: Alert, body: [MarkdownNode])? {
        guard let first = quote.children.first, first.kind == .paragraph else { return nil }
        let inlines = first.children
        let breakIndex = inlines.firstIndex { $0.kind == .softBreak || $0.kind == .lineBreak } ?? inlines.endIndex
        let markerText = inlines[..<breakIndex].map(\.plainText).joined().trimmingSpaces()
        guard markerText.hasPrefix("[!"), markerText.hasSuffix("]"),
              let alert = Alert(rawValue: markerText.dropFirst(2).dropLast().lowercased()) else { return nil }
        var body = Array(quote.children.dropFirst())
        let rest = Array(inlines[min(breakIndex + 1, inlines.endIndex)...])
        if !rest.isEmpty {
            var paragraph = first
            paragraph.children = rest
            body.insert(paragraph, at: 0)
        }
        return (alert, body)
    }
}

extension BlockRenderer {
    /// `│ ` before every line; alerts get a coloured bar and a label line instead of the marker.
    func blockQuote(_ node: MarkdownNode, _ context: BlockContext) -> [String]? {
        let inner = context.narrowed(by: 2)
        if let (alert, body) = Alert.detect(node) {
            let bar = styler.color(alert.color, "│") + " "
            let label = styler.apply(TextStyle(bold: true, color: alert.color), alert.label)
            let lines = [label] + blocks(body, inner)
            return OutputLines.prefix(lines, first: bar, rest: bar)
        }
        var lines = blocks(node.children, inner)
        if lines.isEmpty { lines = [""] }
        let bar = styler.gray("│") + " "
        return OutputLines.prefix(lines, first: bar, rest: bar)
    }
}
