/// An XML namespace declaration: `xmlns="uri"` or, with a prefix, `xmlns:prefix="uri"`.
public struct XMLNamespace: Sendable, Equatable {
    public let prefix: String?
    public let uri: String
}

extension XMLNamespace {
    /// The attribute that declares it.
    var attributeName: String { prefix.map { "xmlns:" + $0 } ?? "xmlns" }

    /// The trait in either of its model forms: a bare URI or `{"uri", "prefix"}`.
    init?(_ json: ModelJSON?) {
        if let uri = json?.string {
            self.init(prefix: nil, uri: uri)
        } else if let uri = json?["uri"]?.string {
            self.init(prefix: json?["prefix"]?.string, uri: uri)
        } else {
            return nil
        }
    }
}
