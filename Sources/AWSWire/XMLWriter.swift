/// Builds XML text element by element, without pretty-printing; attributes for restXml's
/// `xmlAttribute` members and namespace declarations. (Reading XML is `XMLReader`'s.)
struct XMLWriter {
    private(set) var text = ""

    init(capacity: Int = 512) {
        text.reserveCapacity(capacity)
    }

    mutating func open(_ name: String, namespace: String? = nil) {
        text += "<"
        text += name
        if let namespace {
            text += " xmlns=\""
            Self.escape(namespace, into: &text)
            text += "\""
        }
        text += ">"
    }

    /// An opening tag with attributes (namespace declarations: `xmlns:p="uri"`), in the order
    /// given; `selfClosing` makes it an empty element (`<stringList/>`).
    mutating func open(_ name: String, attributes: [(String, String)], selfClosing: Bool = false) {
        text += "<"
        text += name
        for (key, value) in attributes {
            text += " "
            text += key
            text += "=\""
            Self.escape(value, into: &text)
            text += "\""
        }
        text += selfClosing ? "/>" : ">"
    }

    mutating func close(_ name: String) {
        text += "</"
        text += name
        text += ">"
    }

    mutating func empty(_ name: String) {
        text += "<"
        text += name
        text += "/>"
    }

    /// Character data inside the element last opened.
    mutating func characters(_ content: String) {
        Self.escape(content, into: &text)
    }

    mutating func element(_ name: String, _ content: String) {
        open(name)
        Self.escape(content, into: &text)
        close(name)
    }

    /// Escapes character data. `\r` becomes `&#xD;` because XML parsers turn a literal
    /// carriage return into a newline, which would change a message body (AWS does the same).
    static func escape(_ string: String, into output: inout String) {
        guard string.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x0D }) else {
            output += string
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "\r": output += "&#xD;"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }
}
