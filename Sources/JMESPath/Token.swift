import JSON

/// A lexical token. Offsets are in Unicode scalars into the expression; the parser converts
/// them to Character offsets only when it reports an error.
struct Token: Sendable {
    let kind: Kind
    let offset: Int

    enum Kind: Sendable, Equatable {
        case unquotedIdentifier(String)
        case quotedIdentifier(String)
        case number(Int)
        /// Both backtick JSON literals and raw 'strings'.
        case literal(JSONValue)
        case dot, star, flatten, lbracket, filter, rbracket
        case lbrace, rbrace, lparen, rparen, comma, colon
        case current, expref, pipe, or, and, not
        case comparator(Comparator)
        case eof
    }
}

enum Comparator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

extension Token.Kind {
    /// Binding powers from the JMESPath reference parser. Tokens below
    /// `projectionStop` end the right-hand side of a projection.
    var bindingPower: Int {
        switch self {
        case .pipe: 1
        case .or: 2
        case .and: 3
        case .comparator: 5
        case .flatten: 9
        case .star: 20
        case .filter: 21
        case .dot: 40
        case .not: 45
        case .lbrace: 50
        case .lbracket: 55
        case .lparen: 60
        default: 0
        }
    }

    static let projectionStop = 10

    /// How the token reads in an error message.
    var description: String {
        switch self {
        case .unquotedIdentifier(let name): "identifier '\(name)'"
        case .quotedIdentifier(let name): "quoted identifier \(JSONValue.string(name).jsonText())"
        case .number(let value): "number \(value)"
        case .literal(let value): "literal \(value.jsonText())"
        case .dot: "'.'"
        case .star: "'*'"
        case .flatten: "'[]'"
        case .lbracket: "'['"
        case .filter: "'[?'"
        case .rbracket: "']'"
        case .lbrace: "'{'"
        case .rbrace: "'}'"
        case .lparen: "'('"
        case .rparen: "')'"
        case .comma: "','"
        case .colon: "':'"
        case .current: "'@'"
        case .expref: "'&'"
        case .pipe: "'|'"
        case .or: "'||'"
        case .and: "'&&'"
        case .not: "'!'"
        case .comparator(let comparator): "'\(comparator.rawValue)'"
        case .eof: "end of expression"
        }
    }
}
