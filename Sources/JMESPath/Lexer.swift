import JSON

/// Splits an expression into tokens, decoding identifiers and literals on the way.
struct Lexer {
    private let source: Source
    private var position = 0

    private var scalars: [Unicode.Scalar] { source.scalars }

    init(source: Source) {
        self.source = source
    }

    static func tokenize(_ source: Source) throws(JMESPathError) -> [Token] {
        var lexer = Lexer(source: source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .eof { return tokens }
        }
    }

    private mutating func next() throws(JMESPathError) -> Token {
        while let scalar = peek(), scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            position += 1
        }
        let start = position
        guard let scalar = peek() else { return Token(kind: .eof, offset: start) }

        func token(_ kind: Token.Kind, length: Int) -> Token {
            position = start + length
            return Token(kind: kind, offset: start)
        }

        switch scalar {
        case "a"..."z", "A"..."Z", "_":
            var end = start + 1
            while end < scalars.count, isIdentifierPart(scalars[end]) { end += 1 }
            let name = String(String.UnicodeScalarView(scalars[start..<end]))
            return token(.unquotedIdentifier(name), length: end - start)
        case "0"..."9", "-":
            return try lexNumber()
        case "\"": return try lexQuotedIdentifier()
        case "'": return try lexRawString()
        case "`": return try lexLiteral()
        case ".": return token(.dot, length: 1)
        case "*": return token(.star, length: 1)
        case "@": return token(.current, length: 1)
        case ",": return token(.comma, length: 1)
        case ":": return token(.colon, length: 1)
        case "(": return token(.lparen, length: 1)
        case ")": return token(.rparen, length: 1)
        case "{": return token(.lbrace, length: 1)
        case "}": return token(.rbrace, length: 1)
        case "]": return token(.rbracket, length: 1)
        // '[]' and '[?' are single tokens, so `foo[ ?a]` is an error as the spec requires.
        case "[":
            switch peek(offset: 1) {
            case "]": return token(.flatten, length: 2)
            case "?": return token(.filter, length: 2)
            default: return token(.lbracket, length: 1)
            }
        case "|": return peek(offset: 1) == "|" ? token(.or, length: 2) : token(.pipe, length: 1)
        case "&": return peek(offset: 1) == "&" ? token(.and, length: 2) : token(.expref, length: 1)
        case "!":
            return peek(offset: 1) == "=" ? token(.comparator(.notEqual), length: 2) : token(.not, length: 1)
        case "<":
            return peek(offset: 1) == "="
                ? token(.comparator(.lessOrEqual), length: 2) : token(.comparator(.less), length: 1)
        case ">":
            return peek(offset: 1) == "="
                ? token(.comparator(.greaterOrEqual), length: 2) : token(.comparator(.greater), length: 1)
        case "=":
            guard peek(offset: 1) == "=" else {
                throw source.error(.syntax, "unexpected '=', did you mean '=='?", atScalar: start)
            }
            return token(.comparator(.equal), length: 2)
        default:
            throw source.error(.syntax, "unexpected character '\(scalar.escaped(asASCII: false))'", atScalar: start)
        }
    }

    private func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "_", "0"..."9": true
        default: false
        }
    }

    private mutating func lexNumber() throws(JMESPathError) -> Token {
        let start = position
        if peek() == "-" { position += 1 }
        guard let digit = peek(), ("0"..."9").contains(digit) else {
            throw source.error(.syntax, "expected a digit after '-'", atScalar: start)
        }
        while let digit = peek(), ("0"..."9").contains(digit) { position += 1 }
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        guard let value = Int(text) else {
            throw source.error(.syntax, "number \(text) is too large", atScalar: start)
        }
        return Token(kind: .number(value), offset: start)
    }

    /// `"..."` holds a JSON string, escapes and all.
    private mutating func lexQuotedIdentifier() throws(JMESPathError) -> Token {
        let start = position
        let body = try scanDelimited(by: "\"", what: "quoted identifier")
        let json = "\"" + String(String.UnicodeScalarView(body)) + "\""
        guard case .string(let name)? = try? JSONParser.parse(Array(json.utf8)) else {
            throw source.error(.syntax, "invalid escape in quoted identifier \(json)", atScalar: start)
        }
        return Token(kind: .quotedIdentifier(name), offset: start)
    }

    /// `'...'` is taken verbatim except that `\'` stands for a quote.
    private mutating func lexRawString() throws(JMESPathError) -> Token {
        let start = position
        let body = try scanDelimited(by: "'", what: "raw string")
        return Token(kind: .literal(.string(unescapingDelimiter("'", in: body))), offset: start)
    }

    /// `` `...` `` holds JSON, with `` \` `` standing for a backtick.
    private mutating func lexLiteral() throws(JMESPathError) -> Token {
        let start = position
        let json = unescapingDelimiter("`", in: try scanDelimited(by: "`", what: "literal"))
        if let value = try? JSONParser.parse(Array(json.utf8)) {
            return Token(kind: .literal(value), offset: start)
        }
        // The deprecated form `` `foo` `` means the string "foo" (the reference implementation
        // quotes the text and retries). Text that starts like JSON is kept an error, though:
        // `` `[1, 2` `` is a typo, not a string.
        let trimmed = json.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        if let first = trimmed.first, !"[{\"-0123456789".contains(first),
           case .string(let string)? = try? JSONParser.parse(Array("\"\(trimmed)\"".utf8)) {
            return Token(kind: .literal(.string(string)), offset: start)
        }
        throw source.error(.syntax, "invalid JSON in literal `\(json)`", atScalar: start)
    }

    /// Replaces `\<delimiter>` by the delimiter; every other backslash stays as written.
    private func unescapingDelimiter(_ delimiter: Unicode.Scalar, in body: [Unicode.Scalar]) -> String {
        var text = String.UnicodeScalarView()
        var index = 0
        while index < body.count {
            if body[index] == "\\", index + 1 < body.count, body[index + 1] == delimiter {
                text.append(delimiter)
                index += 2
            } else {
                text.append(body[index])
                index += 1
            }
        }
        return String(text)
    }

    /// Scans from an opening delimiter to the matching unescaped closing one and returns
    /// what lies between, escapes untouched. A backslash always protects the next scalar.
    private mutating func scanDelimited(
        by delimiter: Unicode.Scalar, what: String
    ) throws(JMESPathError) -> [Unicode.Scalar] {
        let start = position
        position += 1
        while let scalar = peek() {
            if scalar == "\\" {
                position += 2
            } else if scalar == delimiter {
                position += 1
                return Array(scalars[(start + 1)..<(position - 1)])
            } else {
                position += 1
            }
        }
        position = scalars.count
        throw source.error(.syntax, "unterminated \(what), missing closing \(delimiter)", atScalar: start)
    }

    private func peek(offset: Int = 0) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }
}
