// TEMP stub until the jmespath branch merges
public struct JMESPathExpression: Sendable {
    public let text: String
    public init(_ text: String) throws(JMESPathError) {
        self.text = text
        if text.hasSuffix(".") { throw JMESPathError(kind: .syntax, message: "expected identifier", offset: text.count) }
    }
    public func search(_ data: JSONValue) throws(JMESPathError) -> JSONValue { data }
}
