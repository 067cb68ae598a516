import Foundation
import HandsonAPI
import JMESPath
import JSON

/// Talks to a running emulator's own endpoints (`/_handson/…`, see docs/state.md).
public struct EmulatorClient: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let endpoint: URL
    /// Sent as `X-Handson-Token`: every endpoint but health needs it (docs/security.md).
    public let token: String?

    public init(endpoint: URL, token: String?) {
        self.endpoint = endpoint
        self.token = token
    }

    public init(port: Int, token: String?) { self.init(endpoint: URL(string: "http://127.0.0.1:\(port)")!, token: token) }

    /// The client of the emulator whose token `handson serve --token-file` wrote to `tokenFile`.
    public init(endpoint: URL, tokenFile: URL) { self.init(endpoint: endpoint, token: Self.readToken(tokenFile)) }

    public init(port: Int, tokenFile: URL) { self.init(port: port, token: Self.readToken(tokenFile)) }

    /// The token in a token file; nil when it is missing (the server then says what it needs).
    public static func readToken(_ file: URL) -> String? {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return token.isEmpty ? nil : token
    }

    public func health(timeout: TimeInterval = 2) async throws -> JSONValue {
        try await request("GET", HandsonAPI.health, timeout: timeout)
    }

    /// A JMESPath query over the state, evaluated by the emulator (only the answer travels).
    public func query(_ expression: String) async throws -> JSONValue {
        var components = URLComponents(url: endpoint.appendingPathComponent(String(HandsonAPI.state.dropFirst())), resolvingAgainstBaseURL: false)!
        components.percentEncodedQueryItems = [URLQueryItem(name: "query", value: Self.encode(expression))]
        return try await request("GET", url: components.url!)
    }

    public func reset() async throws { _ = try await request("POST", HandsonAPI.reset) }

    public func clock() async throws -> JSONValue { try await request("GET", HandsonAPI.clock) }

    /// `by` is a duration such as `90s`, `5m`, `1h30m`.
    public func advanceClock(by duration: String) async throws -> JSONValue {
        try await request("POST", HandsonAPI.clock, body: JSONValue.object(["advance": .string(duration)]).jsonData())
    }

    public func saveSnapshot(_ name: String) async throws { _ = try await request("POST", HandsonAPI.snapshot(name)) }

    public func restoreSnapshot(_ name: String) async throws {
        _ = try await request("POST", HandsonAPI.restoreSnapshot(name))
    }

    private func request(_ method: String, _ path: String, body: Data? = nil, timeout: TimeInterval = 30) async throws -> JSONValue {
        try await request(method, url: URL(string: endpoint.absoluteString + path)!, body: body, timeout: timeout)
    }

    private func request(_ method: String, url: URL, body: Data? = nil, timeout: TimeInterval = 30) async throws -> JSONValue {
        let response: LoopbackHTTP.Response
        do {
            response = try await LoopbackHTTP.send(method, to: url, body: body,
                                                   headers: token.map { [(HandsonAPI.tokenHeader, $0)] } ?? [], timeout: timeout)
        } catch {
            throw Failure(description: "the emulator at \(endpoint.absoluteString) did not answer (\(error)); 'handson start LAB' starts it")
        }
        let document = (try? JSONValue(jsonData: response.body)) ?? .null
        guard (200..<300).contains(response.status) else {
            let message = (try? JMESPathExpression("message").search(document)).flatMap { value -> String? in
                if case .string(let text) = value { return text }
                return nil
            } ?? String(decoding: response.body, as: UTF8.self)
            throw Failure(description: message)
        }
        return document
    }

    /// Percent-encodes a query parameter value (JMESPath is full of `[`, `?`, `&`, `'`, `` ` ``).
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
