/// How to render: the terminal width in cells and whether ANSI styling may be used.
public struct RenderOptions: Sendable, Equatable {
    public var width: Int
    public var color: Bool

    public init(width: Int = 80, color: Bool = false) {
        self.width = width
        self.color = color
    }

    /// Narrower than this, hanging indents and table borders leave no room for text.
    public static let minimumWidth = 20
    public static let defaultWidth = 80
}
