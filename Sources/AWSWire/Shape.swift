/// A shape's position in its `ServiceModel`'s shape table: shapes refer to each other by
/// index, resolved once at load, so walking a request never hashes a shape name.
public struct ShapeID: Hashable, Sendable {
    let index: Int
}

/// The botocore shape types (documents and unions are structures with a trait).
public enum ShapeType: String, Sendable {
    case structure, list, map
    case string, integer, long, float, double, boolean, blob, timestamp
}

/// A reference to a shape from a structure member, a list's `member`, or a map's
/// `key`/`value`, with the serialization traits botocore resolves for it: the reference's
/// own traits, else the target shape's (a member's `locationName` overrides the shape's).
public struct Member: Sendable {
    /// The member name in the JSON form services see (`QueueUrl`), or `member`/`key`/`value`.
    public let name: String
    public let shape: ShapeID
    /// The wire name for query and XML (`Attribute` for `Attributes`), when it differs.
    public let locationName: String?
    public let flattened: Bool
    /// Where a REST protocol carries the member: `header`, `headers`, `uri`, `querystring`, `statusCode`.
    public let location: String?
    /// EC2's explicit query name.
    public let queryName: String?
    public let xmlAttribute: Bool
    public let timestampFormat: String?
    /// XML protocols: the namespace an element declares (`xmlns[:prefix]="uri"`).
    public let xmlNamespace: XMLNamespace?
    /// REST protocols: a header string holding JSON, sent base64-encoded.
    public let jsonValue: Bool
    /// A member the client puts into the endpoint's host name (`{Label}.example.com`).
    public let hostLabel: Bool
    /// A member clients fill with a fresh UUID when the caller leaves it out.
    public let idempotencyToken: Bool
}

/// An XML namespace declaration: `xmlns="uri"` or, with a prefix, `xmlns:prefix="uri"`.
public struct XMLNamespace: Sendable, Equatable {
    public let prefix: String?
    public let uri: String
}

/// The `error` trait of an exception shape: the code query-protocol clients see
/// (`AWS.SimpleQueueService.NonExistentQueue` for `QueueDoesNotExist`) and its status.
public struct ErrorTraits: Sendable, Equatable {
    public let code: String?
    public let httpStatusCode: Int?
    public let senderFault: Bool?
}

/// One shape of a service model, with everything the protocols read from it.
public struct Shape: Sendable {
    public let name: String
    public let type: ShapeType
    /// Structure members in model order (the order XML elements are written in).
    public let members: [Member]
    let memberIndex: [String: Int]
    public let required: [String]
    /// A list's element.
    public let member: Member?
    /// A map's key and value.
    public let key: Member?
    public let value: Member?
    public let enumValues: [String]?
    public let min: Double?
    public let max: Double?
    public let isException: Bool
    public let error: ErrorTraits?
    /// A `document` structure holds any JSON and is passed through unchecked.
    public let isDocument: Bool
    /// REST protocols: the member that is the whole HTTP body (a blob or a structure).
    public let payload: String?
    /// restXml: the shape's own `locationName`, naming its element where it is the root.
    public let xmlName: String?
    /// A union: exactly one member is set.
    public let isUnion: Bool
    /// A blob or string sent as a raw stream (`streaming`), or a structure of events (`eventstream`).
    public let isStreaming: Bool
    public let isEventStream: Bool
    /// XML protocols: the namespace the shape's element declares.
    public let xmlNamespace: XMLNamespace?
    /// True when values of this shape contain a timestamp anywhere below, so encoders can
    /// skip walking outputs that need no conversion.
    public internal(set) var containsTimestamp: Bool

    public func member(named name: String) -> Member? {
        memberIndex[name].map { members[$0] }
    }
}
