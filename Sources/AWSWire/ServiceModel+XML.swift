extension XMLNamespace {
    /// The attribute that declares it: `xmlns` or `xmlns:prefix`.
    var attributeName: String { prefix.map { "xmlns:" + $0 } ?? "xmlns" }
}
