// TEMP stub until the render branch merges
import GFM
public enum CodeBlockRendering: Sendable { case standard; case hidden; case preformatted(String); case markdown(String) }
public enum DetailsRendering: Sendable { case expanded; case hidden; case collapsed(String) }
public struct RenderOptions: Sendable, Equatable { public static func detect() -> RenderOptions { RenderOptions() }; public var width: Int; public var color: Bool; public init(width: Int = 80, color: Bool = false) { self.width = width; self.color = color } }
public struct TerminalRenderer: Sendable {
    let options: RenderOptions
    public init(options: RenderOptions,
                codeBlock: @escaping @Sendable (_ info: String, _ literal: String) -> CodeBlockRendering = { _, _ in .standard },
                details: @escaping @Sendable (_ summary: String) -> DetailsRendering = { _ in .expanded }) { self.options = options }
    public func render(_ document: MarkdownNode) -> String { "" }
    public func render(markdown: String) -> String { markdown }
}
