@testable import EmulatorServer
import Testing

/// The access rules' pieces without a server: Host names, which paths need the token.
@Suite struct AccessRulesTests {
    @Test func hostHeadersAreSplitIntoNameAndPort() {
        #expect(HostAllowList.split("LocalHost:4566")! == ("localhost", 4566))
        #expect(HostAllowList.split("[::1]:4566")! == ("[::1]", 4566))
        #expect(HostAllowList.split("[::1]")! == ("[::1]", nil))
        #expect(HostAllowList.split("example")! == ("example", nil))
        #expect(HostAllowList.split("a:b") == nil)
        #expect(HostAllowList.split("::1:4566") == nil)
        #expect(HostAllowList.split("[::1]x") == nil)
    }

    @Test func loopbackBindAnswersOnlyLoopbackNamesOnItsPort() {
        let hosts = HostAllowList(boundHost: "127.0.0.1")
        for good in ["localhost:4566", "127.0.0.1:4566", "[::1]:4566"] { #expect(hosts.problem(with: good, port: 4566) == nil, "\(good)") }
        for bad in ["evil.example:4566", "127.0.0.1:4567", "localhost", "192.168.1.5:4566", "127.0.0.2:4566", ""] {
            #expect(hosts.problem(with: bad, port: 4566) != nil, "\(bad)")
        }
        #expect(hosts.problem(with: nil, port: 4566) == "the request has no Host header")
        #expect(HostAllowList(boundHost: "localhost").problem(with: "localhost", port: 80) == nil, "port 80 may be left out")
    }

    @Test func aWildcardBindAnswersAddressLiteralsButNeverAForeignName() {
        let hosts = HostAllowList(boundHost: "0.0.0.0")
        for good in ["192.168.1.5:4566", "[fe80::1]:4566", "localhost:4566"] { #expect(hosts.problem(with: good, port: 4566) == nil, "\(good)") }
        for bad in ["evil.example:4566", "192.168.1.5:80"] { #expect(hosts.problem(with: bad, port: 4566) != nil, "\(bad)") }
        let specific = HostAllowList(boundHost: "192.168.1.5")
        #expect(specific.problem(with: "192.168.1.5:4566", port: 4566) == nil)
        #expect(specific.problem(with: "192.168.1.6:4566", port: 4566) != nil)
        #expect(HostAllowList(boundHost: "::1").problem(with: "[::1]:4566", port: 4566) == nil)
    }

    @Test func theTokenGuardsEveryOwnPathButHealthAndSelfAuthorizingRoutes() {
        let open = ["/_handson/lambda-runtime/", "/_handson/lambda-code/"]
        for path in ["/_handson", "/_handson/", "/_handson/state", "/_handson/reset", "/_handson/clock", "/moto-api/reset",
                     "/_handson/snapshots/a/restore", "/_handson/health/x", "/_handson/lambda-runtime/../reset",
                     "/_handson/lambda-runtime/./x", "/_handson/lambda-code/%2E%2E/reset", "/_handson/lambda-runtimex"] {
            #expect(AccessGuard.needsToken(path, openPrefixes: open), "\(path)")
        }
        for path in ["/_handson/health", "/_handson/lambda-runtime/abc/2018-06-01/runtime/invocation/next",
                     "/_handson/lambda-code/123456789012/us-east-1/f", "/", "/2015-03-31/functions", "/_HANDSON/reset"] {
            #expect(!AccessGuard.needsToken(path, openPrefixes: open), "\(path)")
        }
    }

    @Test func originsCompareWhole() {
        #expect(AccessGuard.normalizedOrigin("HTTP://LocalHost:3000/") == "http://localhost:3000")
    }
}
