import Foundation
import JSON
import Synchronization

/// Local webhooks: `POST /_handson/webhooks/NAME` records the request (a chat room's
/// incoming webhook, an SNS HTTP endpoint), so a lab's function or subscription has
/// somewhere real to deliver on a machine with no network, and checks can read what arrived
/// (state document `webhooks`). It records and answers 200, nothing more; bounded in hooks,
/// requests per hook and body size.
public final class WebhookSink: Sendable {
    public static let maximumHooks = 20
    public static let maximumRequestsPerHook = 100
    public static let maximumBodyBytes = 65_536

    public struct Request: Sendable, Equatable {
        public var time: Date
        public var method: String
        public var headers: [String: String]
        public var body: String
        public var truncated: Bool
    }

    private let clock: VirtualClock
    /// Hook names in the order first posted to, each with its requests (oldest first).
    private let hooks = Mutex<[(name: String, requests: [Request])]>([])

    public init(clock: VirtualClock) {
        self.clock = clock
    }

    /// Names: letters, digits, `-`, `_`, `.`, up to 64.
    public static func isValid(name: String) -> Bool {
        (1...64).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    /// Headers worth keeping: content type and the `x-amz-sns-*` family SNS sends.
    static func kept(_ headers: [String: String]) -> [String: String] {
        headers.reduce(into: [:]) { kept, header in
            let name = header.key.lowercased()
            if name == "content-type" || name == "user-agent" || name.hasPrefix("x-amz-sns-") { kept[name] = header.value }
        }
    }

    /// Records one request; false when the name is invalid or there are too many hooks.
    @discardableResult
    public func record(name: String, method: String, headers: [String: String], body: Data) -> Bool {
        guard Self.isValid(name: name) else { return false }
        let truncated = body.count > Self.maximumBodyBytes
        let text = String(decoding: body.prefix(Self.maximumBodyBytes), as: UTF8.self)
        let request = Request(time: clock.now, method: method, headers: Self.kept(headers), body: text, truncated: truncated)
        return hooks.withLock { hooks in
            if let index = hooks.firstIndex(where: { $0.name == name }) {
                hooks[index].requests.append(request)
                if hooks[index].requests.count > Self.maximumRequestsPerHook { hooks[index].requests.removeFirst() }
                return true
            }
            guard hooks.count < Self.maximumHooks else { return false }
            hooks.append((name, [request]))
            return true
        }
    }

    public func clear() { hooks.withLock { $0.removeAll() } }

    /// `[{name, requests: [{time, method, headers, body, json?, truncated?}]}]`; `json` is the
    /// body parsed when it is JSON, so checks can query inside it.
    public var json: JSONValue {
        .array(hooks.withLock { $0 }.map { hook in
            ["name": .string(hook.name), "requests": .array(hook.requests.map { request in
                var fields: [String: JSONValue] = [
                    "time": .string(ISO8601.string(request.time)), "method": .string(request.method),
                    "headers": .object(request.headers.mapValues(JSONValue.string)), "body": .string(request.body),
                ]
                if let parsed = try? JSONValue(jsonString: request.body) { fields["json"] = parsed }
                if request.truncated { fields["truncated"] = true }
                return .object(fields)
            })]
        })
    }

    /// The route: any method on `webhooks/{name}`, open (it only records, bounded).
    public var routes: [ServiceRoute] {
        ["POST", "PUT"].map { method in
            ServiceRoute(method, "webhooks/{name}", access: .open) { [self] request in
                let name = request.parameters["name"] ?? ""
                guard record(name: name, method: method, headers: request.headers, body: request.body) else {
                    return .message(400, "webhook names are 1-64 letters, digits, '-', '_' or '.', at most \(Self.maximumHooks) hooks")
                }
                return .message(200, "recorded")
            }
        }
    }
}
