import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which `Host` headers name this server (DNS rebinding defence): a page at `evil.example`
/// that re-points its name at 127.0.0.1 still sends `Host: evil.example:4566`, so only our own
/// names are answered. Names: `localhost`, `127.0.0.1`, `[::1]` and the address the server
/// bound; bound to every interface (`0.0.0.0`, `::`), any IP literal (a rebinding page always
/// sends its own domain name) and this machine's host name. The port must be the server's.
struct HostAllowList: Sendable {
    private let names: Set<String>
    private let anyAddress: Bool

    init(boundHost: String) {
        var names: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
        let bound = Self.normalized(boundHost)
        names.insert(bound)
        anyAddress = ["0.0.0.0", "[::]", ""].contains(bound)
        if anyAddress {
            var buffer = [CChar](repeating: 0, count: 256)
            if gethostname(&buffer, buffer.count) == 0 {
                let name = String(cString: buffer).lowercased()
                if !name.isEmpty { names.insert(name) }
            }
        }
        self.names = names
    }

    /// Why `authority` (the Host header) does not name this server on `port`, or nil when it does.
    func problem(with authority: String?, port: Int) -> String? {
        guard let authority, !authority.isEmpty else {
            return "the request has no Host header"
        }
        guard let (host, presentedPort) = Self.split(authority) else {
            return "Host \(authority) is not a host name and port"
        }
        guard presentedPort ?? 80 == port, names.contains(host) || (anyAddress && Self.isAddressLiteral(host)) else {
            return "Host \(authority) does not name this emulator (use localhost:\(port) or 127.0.0.1:\(port)); handson answers only requests addressed to itself, so a web page cannot reach it by re-pointing a domain name (DNS rebinding)"
        }
        return nil
    }

    /// `host[:port]` or `[v6][:port]`, host lowercased; nil when malformed.
    static func split(_ authority: String) -> (String, Int?)? {
        let text = authority.lowercased()
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            let host = String(text[...close])
            let rest = text[text.index(after: close)...]
            if rest.isEmpty { return (host, nil) }
            guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()) else { return nil }
            return (host, port)
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return (text, nil)
        case 2:
            guard let port = Int(parts[1]) else { return nil }
            return (String(parts[0]), port)
        default: return nil
        }
    }

    /// IPv6 literals in brackets (as they appear in a Host header), everything lowercased.
    static func normalized(_ host: String) -> String {
        let lower = host.lowercased()
        return lower.contains(":") && !lower.hasPrefix("[") ? "[\(lower)]" : lower
    }

    static func isAddressLiteral(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return true }
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return host.hasPrefix("[") && inet_pton(AF_INET6, bare, &v6) == 1
    }
}
