import Foundation

/// An HTTP endpoint a service serves besides the AWS API (the Lambda Runtime API, a function's
/// code download), under `/_handson/`. Services describe them without knowing HTTP servers;
/// the server mounts them on its router.
public struct ServiceRoute: Sendable {
    /// Who may call a route (docs/security.md).
    public enum Access: Sendable {
        /// The emulator's token in `X-Handson-Token`, as every `/_handson` endpoint.
        case token
        /// The route checks an unguessable secret in its own URL instead, for callers that
        /// cannot send our header: a custom runtime speaking the standard Lambda Runtime API,
        /// anything fetching a presigned-style `Code.Location`.
        case secretInURL
        /// No secret: the route only records what it is sent, bounded (a local webhook,
        /// `WebhookSink`); cross-site browser requests are still refused before routing.
        case open
    }

    public let method: String
    /// Below `/_handson/`, with `{name}` for one path segment: `lambda-code/{function}`.
    public let path: String
    public let access: Access
    public let handle: @Sendable (ServiceRouteRequest) async -> ServiceRouteResponse

    public init(_ method: String, _ path: String, access: Access = .token,
                handle: @escaping @Sendable (ServiceRouteRequest) async -> ServiceRouteResponse) {
        self.method = method
        self.path = path
        self.access = access
        self.handle = handle
    }

    /// The path up to its first `{name}` segment: the prefix the server leaves without the token
    /// for a `.secretInURL` route (`lambda-runtime/`).
    public var fixedPrefix: String {
        guard let brace = path.firstIndex(of: "{") else { return path }
        return String(path[..<brace])
    }

    /// The path's `{name}` segments.
    public var parameterNames: [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }
}

public struct ServiceRouteRequest: Sendable {
    /// The values of the path's `{name}` segments.
    public var parameters: [String: String]
    /// Header names lowercased.
    public var headers: [String: String]
    /// Query-string parameters, percent-decoded.
    public var query: [String: String]
    public var body: Data

    public init(parameters: [String: String], headers: [String: String], query: [String: String] = [:], body: Data) {
        self.parameters = parameters
        self.headers = headers
        self.query = query
        self.body = body
    }
}

public struct ServiceRouteResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: Data

    public init(status: Int, headers: [(String, String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// `{"status": message}` — what the runtime API answers besides invocations.
    public static func message(_ status: Int, _ message: String) -> ServiceRouteResponse {
        ServiceRouteResponse(status: status, headers: [("Content-Type", "application/json")],
                             body: Data(#"{"status":"\#(message)"}"#.utf8))
    }
}
