import Foundation

/// An HTTP endpoint a service serves besides the AWS API (the Lambda Runtime API, a function's
/// code download), under `/_handson/`. Services describe them without knowing HTTP servers;
/// the server mounts them on its router.
public struct ServiceRoute: Sendable {
    public let method: String
    /// Below `/_handson/`, with `{name}` for one path segment: `lambda-code/{function}`.
    public let path: String
    public let handle: @Sendable (ServiceRouteRequest) async -> ServiceRouteResponse

    public init(_ method: String, _ path: String, handle: @escaping @Sendable (ServiceRouteRequest) async -> ServiceRouteResponse) {
        self.method = method
        self.path = path
        self.handle = handle
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
    public var body: Data

    public init(parameters: [String: String], headers: [String: String], body: Data) {
        self.parameters = parameters
        self.headers = headers
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
