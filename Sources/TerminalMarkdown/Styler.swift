/// The colours the renderer uses; the basic 8/16-colour palette so every terminal theme maps them.
public enum TerminalColor: Sendable, Hashable, CaseIterable {
    case red, green, yellow, blue, magenta, cyan, gray

    var code: Int {
        switch self {
        case .red: 31
        case .green: 32
        case .yellow: 33
        case .blue: 34
        case .magenta: 35
        case .cyan: 36
        case .gray: 90  // "bright black": visible on dark and light backgrounds
        }
    }
}

/// A combination of text attributes, kept as data so wrapping can happen before escapes are added.
public struct TextStyle: Sendable, Hashable {
    public var bold = false
    public var dim = false
    public var italic = false
    public var underline = false
    public var strikethrough = false
    public var color: TerminalColor?

    public init(bold: Bool = false, dim: Bool = false, italic: Bool = false, underline: Bool = false,
                strikethrough: Bool = false, color: TerminalColor? = nil) {
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.strikethrough = strikethrough
        self.color = color
    }

    public static let plain = TextStyle()

    public var isPlain: Bool { self == .plain }
}

/// Wraps text in ANSI SGR sequences, or returns it untouched when disabled, so plain output
/// (pipes, NO_COLOR, dumb terminals) never contains an escape byte.
public struct Styler: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Each attribute is switched off with its own reset code (not `ESC[0m`), so styled strings
    /// can be nested: `bold("a " + red("b") + " c")` keeps " c" bold.
    public func apply(_ style: TextStyle, _ text: String) -> String {
        guard enabled, !text.isEmpty, !style.isPlain else { return text }
        var on: [Int] = [], off: [Int] = []
        if style.bold { on.append(1) }
        if style.dim { on.append(2) }
        if style.bold || style.dim { off.append(22) }
        if style.italic { on.append(3); off.append(23) }
        if style.underline { on.append(4); off.append(24) }
        if style.strikethrough { on.append(9); off.append(29) }
        if let color = style.color { on.append(color.code); off.append(39) }
        return sgr(on) + text + sgr(off)
    }

    public func bold(_ text: String) -> String { apply(TextStyle(bold: true), text) }
    public func dim(_ text: String) -> String { apply(TextStyle(dim: true), text) }
    public func italic(_ text: String) -> String { apply(TextStyle(italic: true), text) }
    public func underline(_ text: String) -> String { apply(TextStyle(underline: true), text) }
    public func strikethrough(_ text: String) -> String { apply(TextStyle(strikethrough: true), text) }
    public func color(_ color: TerminalColor, _ text: String) -> String { apply(TextStyle(color: color), text) }

    public func red(_ text: String) -> String { color(.red, text) }
    public func green(_ text: String) -> String { color(.green, text) }
    public func yellow(_ text: String) -> String { color(.yellow, text) }
    public func blue(_ text: String) -> String { color(.blue, text) }
    public func magenta(_ text: String) -> String { color(.magenta, text) }
    public func cyan(_ text: String) -> String { color(.cyan, text) }
    public func gray(_ text: String) -> String { color(.gray, text) }

    private func sgr(_ codes: [Int]) -> String {
        "\u{1B}[" + codes.map(String.init).joined(separator: ";") + "m"
    }
}
