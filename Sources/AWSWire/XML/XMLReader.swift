/// Why an XML body could not be read, with the byte offset of the problem.
public struct XMLReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
}

/// Parses an XML document into an `XMLNode` tree. Hand-written rather than Foundation's
/// `XMLParser` (libxml2) because request bodies are small, the tree is all the protocol
/// needs, and a reader that refuses DOCTYPE outright cannot be made to expand entities or
/// fetch external ones. Handles the prolog, comments, processing instructions, CDATA, the
/// five predefined entities and character references; normalizes line ends as XML says.
public struct XMLReader {
    /// Far deeper than any AWS shape nests.
    public static let maximumDepth = 256

    private let bytes: [UInt8]
    private var index = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The document's root element.
    public static func parse<Bytes: Collection<UInt8>>(_ data: Bytes) throws(XMLReadError) -> XMLNode {
        var reader = XMLReader(Array(data))
        if reader.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
        try reader.skipMisc()
        guard reader.peek(UInt8(ascii: "<")) else { throw reader.error("no root element") }
        let root = try reader.element(depth: 0)
        try reader.skipMisc()
        guard reader.index == reader.bytes.count else { throw reader.error("content after the root element") }
        return root
    }

    private func error(_ message: String) -> XMLReadError {
        XMLReadError(description: "\(message) at byte \(index)")
    }

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    private func peek(_ text: String) -> Bool {
        bytes[index...].starts(with: text.utf8)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    private mutating func skipSpace() {
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
    }

    /// Moves past `terminator`, failing if it never comes.
    private mutating func skip(past terminator: String, what: String) throws(XMLReadError) {
        let pattern = Array(terminator.utf8)
        while index + pattern.count <= bytes.count {
            if bytes[index..<index + pattern.count].elementsEqual(pattern) {
                index += pattern.count
                return
            }
            index += 1
        }
        throw error("unterminated \(what)")
    }

    /// Whitespace, comments and processing instructions (the XML declaration among them)
    /// around the root element. A DOCTYPE is refused: AWS bodies never carry one.
    private mutating func skipMisc() throws(XMLReadError) {
        while true {
            skipSpace()
            if peek("<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if peek("<!--") {
                try skip(past: "-->", what: "comment")
            } else if peek("<!") {
                throw error("DOCTYPE and other declarations are not accepted")
            } else {
                return
            }
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        !(isSpace(byte) || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
            || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
            || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!"))
    }

    private mutating func name() throws(XMLReadError) -> String {
        let start = index
        while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
        guard index > start else { throw error("a name was expected") }
        return try string(bytes[start..<index])
    }

    private func string(_ slice: ArraySlice<UInt8>) throws(XMLReadError) -> String {
        guard let text = String(validating: slice, as: UTF8.self) else { throw error("text that is not UTF-8") }
        return text
    }

    /// An element, its start tag at `index`.
    private mutating func element(depth: Int) throws(XMLReadError) -> XMLNode {
        guard depth < Self.maximumDepth else { throw error("elements nested deeper than \(Self.maximumDepth)") }
        index += 1  // "<"
        var node = XMLNode(name: try name())
        while true {
            skipSpace()
            guard index < bytes.count else { throw error("unterminated start tag <\(node.name)>") }
            if peek("/>") {
                index += 2
                return node
            }
            if peek(UInt8(ascii: ">")) {
                index += 1
                break
            }
            let attribute = try name()
            skipSpace()
            guard peek(UInt8(ascii: "=")) else { throw error("attribute \(attribute) has no value") }
            index += 1
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw error("attribute \(attribute) is not quoted")
            }
            let quote = bytes[index]
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != quote { index += 1 }
            guard index < bytes.count else { throw error("unterminated attribute \(attribute)") }
            let value = try decodeText(bytes[start..<index], attribute: true)
            index += 1
            node.attributes.append((attribute, value))
        }
        // Content up to the matching end tag.
        var text: [UInt8] = []
        while true {
            guard index < bytes.count else { throw error("<\(node.name)> is never closed") }
            if bytes[index] != UInt8(ascii: "<") {
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
                text += Array(try decodeText(bytes[start..<index], attribute: false).utf8)
            } else if peek("</") {
                index += 2
                let closing = try name()
                guard closing == node.name else { throw error("</\(closing)> closes <\(node.name)>") }
                skipSpace()
                guard peek(UInt8(ascii: ">")) else { throw error("unterminated end tag </\(closing)>") }
                index += 1
                node.text = try string(text[...])
                return node
            } else if peek("<![CDATA[") {
                index += 9
                let start = index
                try skip(past: "]]>", what: "CDATA section")
                text += Self.normalizingLineEnds(bytes[start..<index - 3])
            } else if peek("<!--") {
                try skip(past: "-->", what: "comment")
            } else if peek("<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if peek("<!") {
                throw error("declarations are not accepted inside elements")
            } else {
                node.children.append(try element(depth: depth + 1))
            }
        }
    }

    /// `\r\n` and a lone `\r` become `\n`, as XML requires of a processor.
    private static func normalizingLineEnds(_ slice: ArraySlice<UInt8>) -> [UInt8] {
        guard slice.contains(0x0D) else { return Array(slice) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var previousCR = false
        for byte in slice {
            if byte == 0x0D {
                out.append(0x0A)
                previousCR = true
                continue
            }
            if !(byte == 0x0A && previousCR) { out.append(byte) }
            previousCR = false
        }
        return out
    }

    /// Character data with its references replaced; in attributes, whitespace characters
    /// become spaces (XML's attribute-value normalization).
    private func decodeText(_ raw: ArraySlice<UInt8>, attribute: Bool) throws(XMLReadError) -> String {
        var normalized = Self.normalizingLineEnds(raw)
        if attribute {
            for i in normalized.indices where normalized[i] == 0x0A || normalized[i] == 0x09 { normalized[i] = 0x20 }
        }
        guard normalized.contains(UInt8(ascii: "&")) else { return try string(normalized[...]) }
        var out = ""
        var position = 0
        while position < normalized.count {
            guard let amp = normalized[position...].firstIndex(of: UInt8(ascii: "&")) else {
                out += try string(normalized[position...])
                break
            }
            out += try string(normalized[position..<amp])
            guard let semicolon = normalized[amp...].firstIndex(of: UInt8(ascii: ";")), semicolon - amp <= 12 else {
                throw error("an unterminated entity reference")
            }
            let entity = try string(normalized[(amp + 1)..<semicolon])
            switch entity {
            case "lt": out += "<"
            case "gt": out += ">"
            case "amp": out += "&"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                let number: UInt32?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    number = UInt32(entity.dropFirst(2), radix: 16)
                } else if entity.hasPrefix("#") {
                    number = UInt32(entity.dropFirst(), radix: 10)
                } else {
                    throw error("the undefined entity &\(entity);")
                }
                guard let number, let scalar = Unicode.Scalar(number) else { throw error("the invalid character reference &\(entity);") }
                out.unicodeScalars.append(scalar)
            }
            position = semicolon + 1
        }
        return out
    }
}
