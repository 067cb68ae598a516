import Foundation
import Testing

/// Who may talk to the emulator (docs/security.md), over real HTTP with curl: what a web page
/// could send is refused with a 403 in the client's protocol, and the refused request did nothing.
@Suite struct AccessTests {
    /// `curl` with `arguments`; the answer's status, headers and body.
    struct Answer {
        var status: Int
        var headers: String
        var body: String
    }

    static func curl(_ arguments: [String]) async throws -> Answer {
        let result = try await Client.run("curl", ["-s", "-D", "-", "-o", "-", "--path-as-is"] + arguments)
        // Headers end at the first blank line; the body follows.
        let text = result.stdout
        guard let split = text.range(of: "\r\n\r\n") else { return Answer(status: 0, headers: text, body: "") }
        let headers = String(text[..<split.lowerBound])
        let status = Int(headers.split(separator: " ").dropFirst().first ?? "") ?? 0
        return Answer(status: status, headers: headers.lowercased(), body: String(text[split.upperBound...]))
    }

    static func state(_ server: TestServer, _ query: String) async throws -> String {
        let answer = try await curl(["-H", "X-Handson-Token: \(TestServer.token)", "-G", "--data-urlencode", "query=\(query)",
                                     "\(server.endpoint)/_handson/state"])
        return answer.body.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `body` against a fresh in-process server, stopped afterwards whatever happens.
    static func withServer(allowedOrigins: [String] = [], _ body: (TestServer) async throws -> Void) async throws {
        let server = try await TestServer.start(allowedOrigins: allowedOrigins)
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    static let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#

    static func createRoleForm(_ name: String) -> String {
        let allowed = CharacterSet.alphanumerics
        let policy = trust.addingPercentEncoding(withAllowedCharacters: allowed)!
        return "Action=CreateRole&Version=2010-05-08&RoleName=\(name)&AssumeRolePolicyDocument=\(policy)"
    }

    @Test func aCrossOriginFormPostCreatesNoRole() async throws {
        try await Self.withServer() { server in
            let refused = try await Self.curl(["-H", "Origin: http://evil.example", "-H", "Content-Type: application/x-www-form-urlencoded",
                                               "--data", Self.createRoleForm("from-a-web-page"), server.endpoint + "/"])
            #expect(refused.status == 403, "\(refused)")
            #expect(refused.body.contains("<Code>AccessDenied</Code>"), "\(refused)")
            #expect(refused.body.contains("handson refuses cross-origin requests: Origin http://evil.example is not allowed (see handson serve --allow-origin)"), "\(refused)")
            // The same form without Origin (what the aws CLI sends) works: the refusal was the Origin.
            let accepted = try await Self.curl(["-H", "Content-Type: application/x-www-form-urlencoded",
                                                "--data", Self.createRoleForm("from-the-cli"), server.endpoint + "/"])
            #expect(accepted.status == 200, "\(accepted)")
            #expect(try await Self.state(server, "iam.roles[].name") == #"["from-the-cli"]"#)
        }
    }

    @Test func aTextPlainLambdaCreateFunctionFromAPageIsRefused() async throws {
        try await Self.withServer() { server in
            // A "simple" request (text/plain, no preflight) that Lambda's REST path would read as JSON.
            let body = #"{"FunctionName":"pwn","Runtime":"python3.12","Role":"arn:aws:iam::123456789012:role/x","Handler":"h.h","Code":{"ZipFile":"UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="}}"#
            let refused = try await Self.curl(["-H", "Origin: http://evil.example", "-H", "Content-Type: text/plain",
                                               "--data", body, server.endpoint + "/2015-03-31/functions"])
            #expect(refused.status == 403, "\(refused)")
            #expect(refused.headers.contains("x-amzn-errortype: accessdeniedexception"), "\(refused)")
            #expect(refused.body.contains("Origin http://evil.example is not allowed"), "\(refused)")
            let invoke = try await Self.curl(["-H", "Origin: null", "-H", "Content-Type: text/plain", "--data", "{}",
                                              server.endpoint + "/2015-03-31/functions/pwn/invocations"])
            #expect(invoke.status == 403, "\(invoke)")
            #expect(try await Self.state(server, "length(lambda.functions)") == "0")
        }
    }

    @Test func aPageRequestWithoutOriginIsRefusedBySecFetchSite() async throws {
        try await Self.withServer() { server in
            // An <img src> GET carries no Origin, but browsers mark where it came from.
            let refused = try await Self.curl(["-H", "Sec-Fetch-Site: cross-site",
                                               server.endpoint + "/?" + Self.createRoleForm("from-an-image")])
            #expect(refused.status == 403, "\(refused)")
            #expect(refused.body.contains("Sec-Fetch-Site: cross-site"), "\(refused)")
            #expect(try await Self.state(server, "length(iam.roles)") == "0")
            // Typed into the address bar (`none`) is the learner: health answers.
            let typed = try await Self.curl(["-H", "Sec-Fetch-Site: none", server.endpoint + "/_handson/health"])
            #expect(typed.status == 200, "\(typed)")
        }
    }

    @Test func anAllowedOriginIsServedWithCORS() async throws {
        try await Self.withServer(allowedOrigins: ["http://localhost:3000"]) { server in
            let preflight = try await Self.curl(["-X", "OPTIONS", "-H", "Origin: http://localhost:3000",
                                                 "-H", "Access-Control-Request-Method: POST",
                                                 "-H", "Access-Control-Request-Headers: x-amz-target, content-type",
                                                 server.endpoint + "/"])
            #expect(preflight.status == 204, "\(preflight)")
            #expect(preflight.headers.contains("access-control-allow-origin: http://localhost:3000"), "\(preflight)")
            #expect(preflight.headers.contains("access-control-allow-headers: x-amz-target, content-type"), "\(preflight)")
            let call = try await Self.curl(["-H", "Origin: http://localhost:3000", "-H", "X-Amz-Target: AmazonSQS.ListQueues",
                                            "-H", "Content-Type: application/x-amz-json-1.0", "--data", "{}", server.endpoint + "/"])
            #expect(call.status == 200, "\(call)")
            #expect(call.headers.contains("access-control-allow-origin: http://localhost:3000"), "\(call)")
            let other = try await Self.curl(["-H", "Origin: http://localhost:3001", "-H", "X-Amz-Target: AmazonSQS.ListQueues",
                                             "-H", "Content-Type: application/x-amz-json-1.0", "--data", "{}", server.endpoint + "/"])
            #expect(other.status == 403, "\(other)")
            #expect(other.body.contains(#""__type":"AccessDeniedException""#), "\(other)")
        }
    }

    @Test func onlyRequestsAddressedToThisServerAreAnswered() async throws {
        try await Self.withServer() { server in
            let listQueues = ["-H", "X-Amz-Target: AmazonSQS.ListQueues", "-H", "Content-Type: application/x-amz-json-1.0", "--data", "{}"]
            for host in ["evil.example:\(server.port)", "127.0.0.1:1", "localhost.evil.example:\(server.port)", "localhost"] {
                let refused = try await Self.curl(listQueues + ["-H", "Host: \(host)", server.endpoint + "/"])
                #expect(refused.status == 403, "\(host): \(refused)")
                #expect(refused.headers.contains("x-handson-refused: host"), "\(host): \(refused)")
                #expect(refused.body.contains("DNS rebinding"), "\(host): \(refused)")
            }
            for host in ["localhost:\(server.port)", "127.0.0.1:\(server.port)", "[::1]:\(server.port)", "LOCALHOST:\(server.port)"] {
                let answered = try await Self.curl(listQueues + ["-H", "Host: \(host)", server.endpoint + "/"])
                #expect(answered.status == 200, "\(host): \(answered)")
            }
            // The emulator's own endpoints too, health included.
            let health = try await Self.curl(["-H", "Host: evil.example:\(server.port)", server.endpoint + "/_handson/health"])
            #expect(health.status == 403, "\(health)")
        }
    }

    @Test(arguments: [
        ("POST", "/_handson/reset"), ("POST", "/_handson/clock"), ("GET", "/_handson/clock"), ("GET", "/_handson/state"),
        ("GET", "/_handson/snapshots"), ("POST", "/_handson/snapshots/x"), ("POST", "/moto-api/reset"),
        ("GET", "/_handson/nope"), ("POST", "/_handson/lambda-runtime/../reset"), ("POST", "/_handson/lambda-code/%2e%2e/reset"),
    ])
    func theEmulatorsOwnEndpointsNeedTheToken(method: String, path: String) async throws {
        try await Self.withServer() { server in
            let body = ["-H", "Content-Type: application/json", "--data", #"{"advance":"1d"}"#]
            let missing = try await Self.curl(["-X", method] + (method == "POST" ? body : []) + [server.endpoint + path])
            #expect(missing.status == 403, "\(missing)")
            #expect(missing.body.contains(#""error":"AccessDenied""#), "\(missing)")
            #expect(missing.body.contains("requires the emulator's token in the X-Handson-Token header"), "\(missing)")
            let wrong = try await Self.curl(["-X", method, "-H", "X-Handson-Token: \(TestServer.token.dropLast())x"]
                                            + (method == "POST" ? body : []) + [server.endpoint + path])
            #expect(wrong.status == 403, "\(wrong)")
            #expect(wrong.body.contains("does not match this emulator's token"), "\(wrong)")
            // Nothing happened: the clock did not move.
            #expect(try await Self.state(server, "clock.offsetSeconds") == "0")
        }
    }

    @Test func withTheTokenResetAndClockWorkAndHealthNeedsNone() async throws {
        try await Self.withServer() { server in
            let token = ["-H", "X-Handson-Token: \(TestServer.token)"]
            let health = try await Self.curl([server.endpoint + "/_handson/health"])
            #expect(health.status == 200, "\(health)")
            let clock = try await Self.curl(token + ["-H", "Content-Type: application/json", "--data", #"{"advance":"1h"}"#,
                                                     server.endpoint + "/_handson/clock"])
            #expect(clock.status == 200, "\(clock)")
            #expect(try await Self.state(server, "clock.offsetSeconds") == "3600")
            for path in ["/_handson/reset", "/moto-api/reset"] {
                let reset = try await Self.curl(token + ["-X", "POST", server.endpoint + path])
                #expect(reset.status == 200, "\(path): \(reset)")
            }
        }
    }
}
