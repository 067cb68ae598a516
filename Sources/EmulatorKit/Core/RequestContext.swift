import Foundation

/// Who is calling, where, and when (on the virtual clock) — everything a service needs to
/// know about a request besides its input.
public struct RequestContext: Sendable {
    public var account: String
    public var region: String
    public var requestId: String
    /// The access key the request was signed with, if any (labs use dummy keys).
    public var accessKeyId: String?
    /// Base URL clients reached us at, e.g. `http://localhost:4566` (for queue URLs).
    public var endpoint: String

    public init(account: String, region: String, requestId: String = UUID.random().lowercasedString,
                accessKeyId: String? = nil, endpoint: String = "http://localhost:4566") {
        self.account = account
        self.region = region
        self.requestId = requestId
        self.accessKeyId = accessKeyId
        self.endpoint = endpoint
    }
}
