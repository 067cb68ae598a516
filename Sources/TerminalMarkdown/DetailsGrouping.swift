import GFM

/// A `<details>` section gathered from sibling blocks.
struct DetailsSection {
    var summary: String?
    var content: [DetailsGrouping.Item]
}

/// cmark leaves `<details>` as raw HTML blocks around ordinary Markdown blocks:
/// `<details>\n<summary>Hint</summary>` … blocks … `</details>`, sometimes with the summary
/// in its own HTML block, sometimes with everything in one. This turns a list of sibling
/// blocks into nodes, nested sections, and Markdown text found inside the HTML.
enum DetailsGrouping {
    enum Item {
        case node(MarkdownNode)
        case markdown(String)
        case details(DetailsSection)
    }

    static func group(_ nodes: [MarkdownNode]) -> [Item] {
        // Fast path: most block lists contain no <details> at all.
        guard nodes.contains(where: { if case .htmlBlock(let html) = $0.kind { return containsDetailsTag(html) }; return false })
        else { return nodes.map(Item.node) }

        var stack: [DetailsSection] = [DetailsSection(summary: nil, content: [])]
        func append(_ item: Item) { stack[stack.count - 1].content.append(item) }
        func close() {
            let section = stack.removeLast()
            append(.details(section))
        }

        for node in nodes {
            guard case .htmlBlock(let html) = node.kind, containsDetailsTag(html) else {
                append(.node(node))
                continue
            }
            for event in scan(html) {
                switch event {
                case .open:
                    stack.append(DetailsSection(summary: nil, content: []))
                case .summary(let text):
                    if stack.count > 1 && stack[stack.count - 1].summary == nil { stack[stack.count - 1].summary = text }
                case .close:
                    if stack.count > 1 { close() }  // a stray </details> is ignored
                case .text(let text):
                    // HTML outside any section is dropped; inside one, its text may be Markdown.
                    if stack.count > 1 { append(.markdown(text)) }
                }
            }
        }
        while stack.count > 1 { close() }  // unclosed sections run to the end of their container
        return stack[0].content
    }

    enum Event: Equatable {
        case open
        case summary(String)
        case close
        case text(String)
    }

    static func containsDetailsTag(_ html: String) -> Bool {
        let lower = html.lowercased()
        return lower.contains("<details") || lower.contains("</details") || lower.contains("<summary")
    }

    /// Splits one HTML block into details/summary tags and the text between them.
    static func scan(_ html: String) -> [Event] {
        var events: [Event] = []
        var rest = html[...]
        while !rest.isEmpty {
            guard let tag = nextTag(in: rest) else { break }
            addText(rest[..<tag.start], to: &events)
            switch tag.name {
            case "details":
                events.append(.open)
                rest = rest[tag.end...]
            case "/details":
                events.append(.close)
                rest = rest[tag.end...]
            default:  // summary: its content runs to </summary>
                let content = rest[tag.end...]
                if let closing = content.range(ofCaseInsensitive: "</summary") {
                    events.append(.summary(HTMLTags.text(content[..<closing.lowerBound])))
                    let after = content[closing.upperBound...]
                    rest = after.firstIndex(of: ">").map { after[after.index(after: $0)...] } ?? after[after.endIndex...]
                } else {
                    events.append(.summary(HTMLTags.text(content)))
                    rest = content[content.endIndex...]
                }
            }
        }
        addText(rest, to: &events)
        return events
    }

    private static func addText(_ text: Substring, to events: inout [Event]) {
        if text.contains(where: { !$0.isWhitespace }) { events.append(.text(String(text))) }
    }

    /// The next `<details…>`, `</details>` or `<summary…>` tag.
    private static func nextTag(in text: Substring) -> (name: String, start: Substring.Index, end: Substring.Index)? {
        var search = text
        while let open = search.firstIndex(of: "<") {
            let after = search[search.index(after: open)...]
            for name in ["details", "/details", "summary"] where after.hasPrefixCaseInsensitive(name) {
                let tail = after.dropFirst(name.count)
                guard let next = tail.first, next == ">" || next == "/" || next.isWhitespace else { continue }
                guard let close = tail.firstIndex(of: ">") else { return (name, open, text.endIndex) }
                return (name, open, text.index(after: close))
            }
            search = after
        }
        return nil
    }
}
