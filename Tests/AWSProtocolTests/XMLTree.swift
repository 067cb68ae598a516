import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML document as a tree, for comparing bodies as documents rather than bytes.
final class XMLTree {
    let name: String
    var attributes: [String: String]
    var children: [XMLTree] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    static func parse(_ data: Data) -> XMLTree? {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        // Namespace declarations stay attributes (`xmlns`, `xmlns:p`), names keep their prefixes.
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        guard parser.parse() else { return nil }
        return builder.root
    }

    /// Elements removed wherever they appear (request ids: their values differ per response).
    func removingElements(named names: Set<String>) {
        children.removeAll { names.contains($0.name) }
        for child in children { child.removingElements(named: names) }
    }

    /// Whether any element below holds text or attributes.
    var holdsData: Bool {
        !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || children.contains { $0.holdsData || !$0.attributes.isEmpty }
    }

    var rendered: String {
        let attrs = attributes.keys.sorted().map { " \($0)=\"\(attributes[$0]!)\"" }.joined()
        if children.isEmpty { return "<\(name)\(attrs)>\(text)</\(name)>" }
        return "<\(name)\(attrs)>" + children.map(\.rendered).joined() + "</\(name)>"
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLTree?
        var stack: [XMLTree] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let node = XMLTree(name: elementName, attributes: attributes)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
        }
    }
}
