/// One XML element as the restXml protocol reads it: its name as written (`baz:foo`), its
/// attributes in document order, its child elements, and its character data (text and
/// CDATA joined, comments and processing instructions dropped).
public struct XMLNode: Sendable, Equatable {
    public var name: String
    public var attributes: [(name: String, value: String)]
    public var children: [XMLNode]
    public var text: String

    public init(name: String, attributes: [(name: String, value: String)] = [], children: [XMLNode] = [], text: String = "") {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The name without its namespace prefix: AWS's parsers match elements by it.
    public var localName: Substring { Self.local(name) }

    /// The children named `name` (compared without namespace prefixes), in order.
    public func children(named name: String) -> [XMLNode] {
        let wanted = Self.local(name)
        return children.filter { $0.localName == wanted }
    }

    /// The first child named `name`.
    public func child(named name: String) -> XMLNode? {
        let wanted = Self.local(name)
        return children.first { $0.localName == wanted }
    }

    /// An attribute by its name as written (`xsi:type`), else by its local name.
    public func attribute(_ name: String) -> String? {
        if let exact = attributes.first(where: { $0.name == name }) { return exact.value }
        let wanted = Self.local(name)
        return attributes.first { Self.local($0.name) == wanted && !$0.name.hasPrefix("xmlns") }?.value
    }

    public static func == (lhs: XMLNode, rhs: XMLNode) -> Bool {
        lhs.name == rhs.name && lhs.text == rhs.text && lhs.children == rhs.children
            && lhs.attributes.elementsEqual(rhs.attributes) { $0.name == $1.name && $0.value == $1.value }
    }

    private static func local(_ name: String) -> Substring {
        name.lastIndex(of: ":").map { name[name.index(after: $0)...] } ?? name[...]
    }
}
