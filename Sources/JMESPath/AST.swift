import JSON

/// A compiled expression. Projections carry their left side (what produces the list)
/// and right side (what is applied to each element) separately, because that split is
/// what makes `foo[*].bar | [0]` differ from `foo[*].bar[0]`.
indirect enum Node: Sendable {
    /// `@`, and the implicit right-hand side of a bare projection such as `foo[*]`.
    case current
    case field(String)
    case index(Int)
    case slice(start: Int?, stop: Int?, step: Int?)
    case literal(JSONValue)
    /// `left.right`, `left[0]`: evaluate `right` against the result of `left`.
    case subexpression(Node, Node)
    /// `left | right`: same evaluation as a subexpression, but it ends projections.
    case pipe(Node, Node)
    /// `left[*]right`, `left[]right`, `left[1:2]right`: `right` applied to each element.
    case listProjection(left: Node, right: Node)
    /// `left.*right`: `right` applied to each value of an object.
    case valueProjection(left: Node, right: Node)
    /// `left[?condition]right`.
    case filterProjection(left: Node, right: Node, condition: Node)
    case flatten(Node)
    case comparison(Comparator, Node, Node)
    case or(Node, Node)
    case and(Node, Node)
    case not(Node)
    case multiSelectList([Node])
    case multiSelectHash([KeyedExpression])
    /// `offset` is the Character offset of the function name, for runtime error reports.
    case functionCall(Function, arguments: [Node], offset: Int)
    /// `&expr`: evaluated only by the function it is passed to.
    case expressionReference(Node)
}

struct KeyedExpression: Sendable {
    let key: String
    let value: Node
}
