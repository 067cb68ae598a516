import JSON

/// A compiled JMESPath expression: parse once, search many documents.
public struct JMESPathExpression: Sendable {
    public let text: String
    private let root: Node

    /// Compiles `text`, reporting syntax errors, unknown functions and wrong argument
    /// counts before any data is seen.
    public init(_ text: String) throws(JMESPathError) {
        self.text = text
        self.root = try Parser.parse(text)
    }

    /// Evaluates the expression. Throws only invalid-type (a function given the wrong kind
    /// of value) and invalid-value (a zero slice step); missing data yields null.
    public func search(_ data: JSONValue) throws(JMESPathError) -> JSONValue {
        try Interpreter.evaluate(root, data)
    }
}
