/// A top-down operator precedence (Pratt) parser following the JMESPath reference parser:
/// each token has a binding power, a "nud" (what it means at the start of an expression)
/// and possibly a "led" (what it means after a left-hand expression).
struct Parser {
    /// Bounds the nesting of the parse (and so of the tree the interpreter walks) so that
    /// hostile input like 10,000 '(' fails cleanly instead of overflowing the stack.
    static let maximumDepth = 512

    private let source: Source
    private let tokens: [Token]
    private var index = 0
    private var depth = 0

    static func parse(_ text: String) throws(JMESPathError) -> Node {
        let source = Source(text)
        var parser = Parser(source: source, tokens: try Lexer.tokenize(source))
        let node = try parser.expression(0)
        guard parser.current.kind == .eof else { throw parser.unexpected(parser.current) }
        return node
    }

    private init(source: Source, tokens: [Token]) {
        self.source = source
        self.tokens = tokens
    }

    // MARK: - Core loop

    private mutating func expression(_ bindingPower: Int) throws(JMESPathError) -> Node {
        let entryDepth = depth
        defer { depth = entryDepth }
        try deepen()
        var left = try nud(advance())
        while bindingPower < current.kind.bindingPower {
            // Each led wraps `left` one level deeper, so long chains like `a.b.c...` count
            // too: the interpreter recurses as deep as the tree, not just the parser.
            try deepen()
            left = try led(advance(), left: left)
        }
        return left
    }

    private mutating func deepen() throws(JMESPathError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw error("expression is nested more than \(Self.maximumDepth) levels deep", at: current)
        }
    }

    private mutating func nud(_ token: Token) throws(JMESPathError) -> Node {
        switch token.kind {
        case .literal(let value):
            return .literal(value)
        case .unquotedIdentifier(let name):
            return .field(name)
        case .quotedIdentifier(let name):
            if current.kind == .lparen {
                throw error("function names cannot be quoted", at: token)
            }
            return .field(name)
        case .current:
            return .current
        case .star:
            return .valueProjection(left: .current, right: try projectionRight(Token.Kind.star.bindingPower))
        case .filter:
            return try filter(left: .current)
        case .flatten:
            return try flatten(left: .current)
        case .lbracket:
            if isIndexStart(current.kind) {
                return try projectIfSlice(left: .current, bracket: indexOrSlice())
            }
            if current.kind == .star, lookahead(1).kind == .rbracket {
                advance()
                advance()
                return .listProjection(left: .current, right: try projectionRight(Token.Kind.star.bindingPower))
            }
            return try multiSelectList()
        case .lbrace:
            return try multiSelectHash()
        case .lparen:
            let inner = try expression(0)
            try expect(.rparen, "to close '('")
            return inner
        case .not:
            return .not(try expression(Token.Kind.not.bindingPower))
        case .expref:
            throw error("'&' expression references are only allowed as function arguments", at: token)
        default:
            throw error("expected an expression, found \(token.kind.description)", at: token)
        }
    }

    private mutating func led(_ token: Token, left: Node) throws(JMESPathError) -> Node {
        switch token.kind {
        case .dot:
            if current.kind == .star {
                advance()
                return .valueProjection(left: left, right: try projectionRight(Token.Kind.dot.bindingPower))
            }
            return .subexpression(left, try dotRight(Token.Kind.dot.bindingPower))
        case .pipe:
            return .pipe(left, try expression(token.kind.bindingPower))
        case .or:
            return .or(left, try expression(token.kind.bindingPower))
        case .and:
            return .and(left, try expression(token.kind.bindingPower))
        case .comparator(let comparator):
            return .comparison(comparator, left, try expression(token.kind.bindingPower))
        case .lparen:
            return try functionCall(left: left)
        case .filter:
            return try filter(left: left)
        case .flatten:
            return try flatten(left: left)
        case .lbracket:
            if isIndexStart(current.kind) {
                return try projectIfSlice(left: left, bracket: indexOrSlice())
            }
            guard current.kind == .star, lookahead(1).kind == .rbracket else {
                throw error("expected an index, a slice or '*' after '[', found \(current.kind.description)", at: current)
            }
            advance()
            advance()
            return .listProjection(left: left, right: try projectionRight(Token.Kind.star.bindingPower))
        default:
            // Tokens like '*', '!' and '{' bind but cannot follow an expression.
            throw unexpected(token)
        }
    }

    // MARK: - Projections

    /// What follows a projection, up to the first token that ends it (binding power below
    /// `projectionStop`, e.g. '|' or a comparator) so the rest applies to the whole list.
    private mutating func projectionRight(_ bindingPower: Int) throws(JMESPathError) -> Node {
        switch current.kind {
        case let kind where kind.bindingPower < Token.Kind.projectionStop:
            return .current
        case .lbracket, .filter:
            return try expression(bindingPower)
        case .dot:
            advance()
            return try dotRight(bindingPower)
        default:
            throw error("expected '.', '[' or '[?' after a projection, found \(current.kind.description)", at: current)
        }
    }

    /// After '.', only an identifier, '*', a multi-select or a function call may follow.
    private mutating func dotRight(_ bindingPower: Int) throws(JMESPathError) -> Node {
        switch current.kind {
        case .unquotedIdentifier, .quotedIdentifier, .star:
            return try expression(bindingPower)
        case .lbracket:
            advance()
            return try multiSelectList()
        case .lbrace:
            advance()
            return try multiSelectHash()
        default:
            throw error("expected an identifier, '*', '[' or '{' after '.', found \(current.kind.description)", at: current)
        }
    }

    private mutating func filter(left: Node) throws(JMESPathError) -> Node {
        let condition = try expression(0)
        try expect(.rbracket, "to close the filter '[?'")
        let right = try projectionRight(Token.Kind.filter.bindingPower)
        return .filterProjection(left: left, right: right, condition: condition)
    }

    private mutating func flatten(left: Node) throws(JMESPathError) -> Node {
        .listProjection(left: .flatten(left), right: try projectionRight(Token.Kind.flatten.bindingPower))
    }

    // MARK: - Brackets

    private func isIndexStart(_ kind: Token.Kind) -> Bool {
        if case .number = kind { return true }
        return kind == .colon
    }

    /// Parses `n]` or a slice `start:stop:step]`, the opening '[' already consumed.
    private mutating func indexOrSlice() throws(JMESPathError) -> Node {
        if case .number(let value) = current.kind, lookahead(1).kind != .colon {
            advance()
            try expect(.rbracket, "to close the index")
            return .index(value)
        }
        var parts: [Int?] = [nil, nil, nil]
        var part = 0
        while current.kind != .rbracket {
            switch current.kind {
            case .colon where part < 2:
                part += 1
            case .number(let value) where parts[part] == nil:
                parts[part] = value
            default:
                throw error("expected a number, ':' or ']' in a slice, found \(current.kind.description)", at: current)
            }
            advance()
        }
        advance()
        return .slice(start: parts[0], stop: parts[1], step: parts[2])
    }

    /// A slice yields a list, so whatever follows it is projected over that list.
    private mutating func projectIfSlice(left: Node, bracket: Node) throws(JMESPathError) -> Node {
        let indexed = Node.subexpression(left, bracket)
        guard case .slice = bracket else { return indexed }
        return .listProjection(left: indexed, right: try projectionRight(Token.Kind.star.bindingPower))
    }

    /// `[a, b]`, the opening '[' already consumed.
    private mutating func multiSelectList() throws(JMESPathError) -> Node {
        var elements: [Node] = []
        while true {
            elements.append(try expression(0))
            if current.kind == .rbracket { break }
            try expect(.comma, "between list elements")
        }
        advance()
        return .multiSelectList(elements)
    }

    /// `{key: value, ...}`, the opening '{' already consumed.
    private mutating func multiSelectHash() throws(JMESPathError) -> Node {
        var entries: [KeyedExpression] = []
        while true {
            let keyToken = advance()
            let key: String
            switch keyToken.kind {
            case .unquotedIdentifier(let name), .quotedIdentifier(let name): key = name
            default: throw error("expected a key in '{...}', found \(keyToken.kind.description)", at: keyToken)
            }
            try expect(.colon, "after the key '\(key)'")
            entries.append(KeyedExpression(key: key, value: try expression(0)))
            if current.kind == .rbrace { break }
            try expect(.comma, "between key-value pairs")
        }
        advance()
        return .multiSelectHash(entries)
    }

    // MARK: - Functions

    /// `name(args)`, the '(' already consumed. Name and arity are checked here so that a
    /// misspelt function is reported before any data is seen.
    private mutating func functionCall(left: Node) throws(JMESPathError) -> Node {
        let nameToken = tokens[index - 2]
        guard case .unquotedIdentifier(let name) = nameToken.kind, case .field = left else {
            throw error("'(' must follow a function name", at: tokens[index - 1])
        }
        var arguments: [Node] = []
        if current.kind != .rparen {
            while true {
                arguments.append(try functionArgument())
                if current.kind == .rparen { break }
                try expect(.comma, "between function arguments")
            }
        }
        advance()
        let offset = source.characterOffset(ofScalar: nameToken.offset)
        guard let function = Function(rawValue: name) else {
            throw JMESPathError(kind: .unknownFunction, message: "unknown function \(name)()", offset: offset)
        }
        if let problem = function.signature.arityProblem(argumentCount: arguments.count) {
            throw JMESPathError(kind: .invalidArity, message: "\(name)() \(problem)", offset: offset)
        }
        return .functionCall(function, arguments: arguments, offset: offset)
    }

    /// The grammar admits `&expr` only here, as a whole argument.
    private mutating func functionArgument() throws(JMESPathError) -> Node {
        guard current.kind == .expref else { return try expression(0) }
        advance()
        return .expressionReference(try expression(0))
    }

    // MARK: - Token helpers

    private var current: Token { tokens[index] }

    private func lookahead(_ distance: Int) -> Token {
        tokens[min(index + distance, tokens.count - 1)]
    }

    @discardableResult
    private mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private mutating func expect(_ kind: Token.Kind, _ context: String) throws(JMESPathError) {
        guard current.kind == kind else {
            throw error("expected \(kind.description) \(context), found \(current.kind.description)", at: current)
        }
        advance()
    }

    private func unexpected(_ token: Token) -> JMESPathError {
        error("unexpected \(token.kind.description)", at: token)
    }

    private func error(_ message: String, at token: Token) -> JMESPathError {
        source.error(.syntax, message, atScalar: token.offset)
    }
}
