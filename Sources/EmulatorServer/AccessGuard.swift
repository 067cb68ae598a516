import EmulatorKit
import Foundation
import HandsonAPI
import HTTPTypes
import Hummingbird
import Synchronization

/// Who may talk to the emulator (docs/security.md), decided before any route or service sees
/// a request: no web page unless its origin is allowed, only requests addressed to this
/// server's own names, and the token for the emulator's own endpoints.
final class AccessGuard: Sendable {
    enum Verdict: Equatable {
        /// Serve it; a web origin that was allowed gets CORS headers on the answer.
        case allowed(corsOrigin: String?)
        case refused(Refusal)
    }

    struct Refusal: Equatable {
        enum Reason: String { case origin, host, token }
        let reason: Reason
        let message: String
    }

    private let token: String
    private let tokenHint: String
    private let allowedOrigins: Set<String>
    private let hosts: HostAllowList
    /// The port being served: the configured one, or the one picked for `--port 0` once known.
    private let port: Atomic<Int>
    /// Paths under `/_handson/` left without the token: routes that check a secret in their URL.
    private let openPrefixes: [String]

    init(configuration: ServerConfiguration, openPrefixes: [String]) {
        token = configuration.token
        tokenHint = configuration.tokenFile.map { "the token is in \($0) (readable by its owner only)" }
            ?? "handson serve printed where its token is"
        allowedOrigins = Set(configuration.allowedOrigins.map(Self.normalizedOrigin))
        hosts = HostAllowList(boundHost: configuration.host)
        port = Atomic(configuration.port)
        self.openPrefixes = openPrefixes
    }

    func listening(on port: Int) { self.port.store(port, ordering: .relaxed) }

    func verdict(for request: Request) -> Verdict {
        let headers = request.headers
        let origin = headers[.origin]
        var corsOrigin: String?
        if let origin {
            // Browsers send Origin on every cross-site POST and on CORS requests; the aws CLI,
            // SDKs and our own tools never do.
            guard allowedOrigins.contains(Self.normalizedOrigin(origin)) else {
                return .refused(Refusal(reason: .origin, message: "handson refuses cross-origin requests: Origin \(origin) is not allowed (see handson serve --allow-origin)"))
            }
            corsOrigin = origin
        } else if let site = headers[HTTPField.Name("Sec-Fetch-Site")!], site == "cross-site" || site == "same-site" {
            // A page's image, form or script request without Origin (a GET) still says where it came from.
            return .refused(Refusal(reason: .origin, message: "handson refuses requests from web pages (Sec-Fetch-Site: \(site)); see handson serve --allow-origin"))
        }
        if let problem = hosts.problem(with: request.head.authority, port: port.load(ordering: .relaxed)) {
            return .refused(Refusal(reason: .host, message: "handson refuses this request: \(problem)"))
        }
        let path = request.uri.path
        if Self.needsToken(path, openPrefixes: openPrefixes) {
            guard let presented = headers[HTTPField.Name(HandsonAPI.tokenHeader)!] else {
                return .refused(Refusal(reason: .token, message: "\(path) requires the emulator's token in the \(HandsonAPI.tokenHeader) header; \(tokenHint)"))
            }
            guard RandomSecret.matches(presented.trimmingCharacters(in: .whitespaces), token) else {
                return .refused(Refusal(reason: .token, message: "the \(HandsonAPI.tokenHeader) header does not match this emulator's token; \(tokenHint)"))
            }
        }
        return .allowed(corsOrigin: corsOrigin)
    }

    /// The emulator's own endpoints and moto's reset need the token, except health (readiness
    /// probes) and routes checking their own URL's secret. A path with `.`/`..` segments or an
    /// encoded dot is never taken as one of those, whatever a router would make of it.
    static func needsToken(_ path: String, openPrefixes: [String]) -> Bool {
        guard path == HandsonAPI.root || path.hasPrefix(HandsonAPI.rootPrefix) || path == HandsonAPI.motoReset else { return false }
        if path == HandsonAPI.health { return false }
        let plain = !path.split(separator: "/").contains { $0 == "." || $0 == ".." } && !path.lowercased().contains("%2e")
        return !(plain && openPrefixes.contains { path.hasPrefix($0) })
    }

    /// `HTTP://LocalHost:3000/` and `http://localhost:3000` are one origin.
    static func normalizedOrigin(_ origin: String) -> String {
        var text = origin.trimmingCharacters(in: .whitespaces).lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
