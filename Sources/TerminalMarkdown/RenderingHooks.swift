/// What to print for a fenced code block; chosen by the caller from its info string, so a lab
/// runner can replace blocks such as ```` ```yaml {check} ```` with computed text.
public enum CodeBlockRendering: Sendable, Equatable {
    /// The code, indented, under a label naming its language.
    case standard
    /// Nothing; the block vanishes without leaving an extra blank line.
    case hidden
    /// Already-rendered text, printed as is (not wrapped, not re-indented beyond the enclosing
    /// list or quote). Escape sequences in it are removed when colour is off.
    case preformatted(String)
    /// Markdown rendered in place of the block.
    case markdown(String)
}

/// What to print for a `<details><summary>…</summary> … </details>` section.
public enum DetailsRendering: Sendable, Equatable {
    /// `▾ summary` followed by the content, indented.
    case expanded
    /// Nothing.
    case hidden
    /// One line (inline Markdown) in place of the whole section, e.g. "▸ Hint 1 — run `handson hint`".
    case collapsed(String)
}
