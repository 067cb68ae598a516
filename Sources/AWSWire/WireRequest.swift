import Foundation
import JSON

/// An HTTP request as the server hands it over, before any protocol is known.
public struct WireRequest: Sendable {
    public var method: String
    /// The request path without the query string, e.g. `/` or `/123456789012/my-queue`.
    public var path: String
    /// Query-string parameters, already percent-decoded, in order.
    public var query: [(String, String)]
    /// Header names lowercased.
    public var headers: [String: String]
    public var body: Data

    public init(method: String, path: String = "/", query: [(String, String)] = [], headers: [String: String] = [:], body: Data = Data()) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }
}

/// An HTTP response for the server to send as is (it adds Content-Length).
public struct WireResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: Data

    public init(status: Int, headers: [(String, String)], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }
}

/// A wire protocol, named as botocore's model metadata names it (`json`, `query`, `ec2`,
/// `rest-json`, …). A name, not a closed enum: each protocol is one `WireProtocolCodec`
/// (see `Protocols/RegisteredCodecs.swift`), and adding one touches no switch elsewhere.
public struct WireProtocol: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// `X-Amz-Target` + JSON body (awsJson1_0 / awsJson1_1).
    public static let json = WireProtocol(rawValue: "json")
    /// Form-encoded `Action=` parameters, XML responses (awsQuery).
    public static let query = WireProtocol(rawValue: "query")
    /// EC2's dialect of query: other naming rules, flat lists, no result wrapper.
    public static let ec2 = WireProtocol(rawValue: "ec2")
    /// The operation named by method and path; members in the path, query string, headers
    /// and a JSON body (restJson1: Lambda).
    public static let restJSON = WireProtocol(rawValue: "rest-json")
}

/// A request in protocol-free form: the operation and its input as JSON named exactly
/// as the botocore model's members, whichever protocol it arrived in.
public struct DecodedRequest: Sendable {
    /// The model's name (`sqs`), which for the services here is also its SigV4 signing name.
    public var service: String { model.name }
    public var operation: String { operationModel.name }
    public var input: JSONValue
    public let wireProtocol: WireProtocol
    /// From the SigV4 credential scope, when the request was signed.
    public let region: String?
    public let accessKeyId: String?

    public let model: ServiceModel
    public let operationModel: OperationModel

    public init(model: ServiceModel, operation: OperationModel, input: JSONValue, wireProtocol: WireProtocol,
                region: String? = nil, accessKeyId: String? = nil) {
        self.model = model
        self.operationModel = operation
        self.input = input
        self.wireProtocol = wireProtocol
        self.region = region
        self.accessKeyId = accessKeyId
    }
}
