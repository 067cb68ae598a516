/// A GitHub-Flavored Markdown syntax tree as plain Swift values, copied out of cmark-gfm
/// so callers never touch C pointers and trees can cross concurrency domains.
public struct MarkdownNode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item(task: TaskState?)
        case codeBlock(info: String, literal: String, fenced: Bool)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case table(alignments: [ColumnAlignment])
        case tableRow(header: Bool)
        case tableCell
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case strikethrough
        case link(url: String, title: String)
        case image(url: String, title: String)
        case other(String)
    }

    public enum TaskState: Sendable, Equatable { case checked, unchecked }
    public enum ColumnAlignment: Sendable, Equatable { case none, left, center, right }

    public var kind: Kind
    public var children: [MarkdownNode]
    /// 1-based line and column where the node starts in the parsed text (0 when cmark does not know).
    public var line: Int
    public var column: Int
    public var endLine: Int

    public init(kind: Kind, children: [MarkdownNode] = [], line: Int = 0, column: Int = 0, endLine: Int = 0) {
        self.kind = kind
        self.children = children
        self.line = line
        self.column = column
        self.endLine = endLine
    }

    /// The text of this node's inline content, without markup (for headings, summaries, table cells).
    public var plainText: String {
        switch kind {
        case .text(let s), .code(let s): return s
        case .softBreak, .lineBreak: return " "
        case .htmlInline: return ""
        default: return children.map(\.plainText).joined()
        }
    }
}
