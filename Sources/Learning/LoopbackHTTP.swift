import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client for the emulator's own endpoints on this machine. URLSession
/// would do, but on Linux it loads libcurl with TLS and Kerberos — some 30 libraries that
/// make every `handson check` start tens of milliseconds slower — for plain loopback calls.
enum LoopbackHTTP {
    struct Response {
        var status: Int
        var body: Data
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// One request on its own connection (`Connection: close`), on a thread of its own: blocking
    /// socket calls must stay off Swift's cooperative threads, and off Dispatch's pool, which on
    /// Linux takes seconds to grow when its threads block.
    static func send(_ method: String, to url: URL, body: Data?, headers: [(String, String)] = [],
                     timeout: TimeInterval) async throws -> Response {
        guard let port = url.port ?? (url.scheme == "http" ? 80 : nil) else {
            throw Failure(description: "\(url.absoluteString) has no port")
        }
        let host = url.host ?? "127.0.0.1"
        var target = url.path.isEmpty ? "/" : url.path
        if let query = url.query(percentEncoded: true) { target += "?" + query }
        var request = "\(method) \(target) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        if let body { request += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n" }
        var bytes = Data((request + "\r\n").utf8)
        if let body { bytes.append(body) }
        let message = bytes
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try exchange(message, host: host, port: port, timeout: timeout) })
            }
        }
    }

    private static func exchange(_ message: Data, host: String, port: Int, timeout: TimeInterval) throws -> Response {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        let numeric = host == "localhost" ? "127.0.0.1" : host
        guard inet_pton(AF_INET, numeric, &address.sin_addr) == 1 else {
            throw Failure(description: "only IPv4 addresses (the emulator on this machine) are supported, not \(host)")
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connection refused (\(String(cString: strerror(errno))))") }
        try message.withUnsafeBytes { buffer in
            var sent = 0
            while sent < buffer.count {
                let n = Glibc.send(fd, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                guard n > 0 else { throw Failure(description: "send: \(String(cString: strerror(errno)))") }
                sent += n
            }
        }
        var received = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n == 0 { break }
            guard n > 0 else { throw Failure(description: "no answer within \(Int(timeout)) s (\(String(cString: strerror(errno))))") }
            received.append(contentsOf: chunk[0..<n])
        }
        return try parse(received)
    }

    /// Status line, headers, then a Content-Length, chunked or read-to-close body.
    static func parse(_ data: Data) throws -> Response {
        guard let split = data.firstRange(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "a malformed HTTP answer") }
        let head = String(decoding: data[data.startIndex..<split.lowerBound], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "a malformed status line: \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[split.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            body = try dechunk(body)
        } else if let length = headers["content-length"].flatMap(Int.init), length <= body.count {
            body = body.prefix(length)
        }
        return Response(status: status, body: body)
    }

    private static func dechunk(_ data: Data) throws -> Data {
        var output = Data()
        var rest = data[...]
        while let lineEnd = rest.firstRange(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[rest.startIndex..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { throw Failure(description: "a malformed chunk") }
            if size == 0 { break }
            let start = lineEnd.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size else { throw Failure(description: "a truncated chunk") }
            let end = rest.index(start, offsetBy: size)
            output.append(rest[start..<end])
            rest = rest[min(rest.endIndex, rest.index(end, offsetBy: 2, limitedBy: rest.endIndex) ?? rest.endIndex)...]
        }
        return output
    }
}
