import EmulatorServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JSON
import Testing

/// Local webhooks: open to local callers (a function, an SNS subscription), recording what
/// they are sent in the state document, bounded, and closed to cross-site browser requests.
@Suite struct WebhookRoutesTests {
    @Test func postsAreRecordedWithoutTheTokenAndShownInTheState() async throws {
        try await AdminRoutesTests.app().test(.router) { client in
            let headers: HTTPFields = [.contentType: "application/json", HTTPField.Name("x-amz-sns-message-type")!: "Notification"]
            try await client.execute(uri: "/_handson/webhooks/team-chat", method: .post, headers: headers,
                                     body: ByteBuffer(string: #"{"text":"CPU alarm"}"#)) { #expect($0.status == .ok) }
            try await client.execute(uri: "/_handson/webhooks/team-chat", method: .post,
                                     body: ByteBuffer(string: "plain words")) { #expect($0.status == .ok) }
            try await client.execute(uri: "/_handson/state?query=webhooks", method: .get, headers: AdminRoutesTests.admin) { response in
                let hooks = try AdminRoutesTests.json(response.body)
                #expect(hooks[0]?["name"] == "team-chat")
                let requests = hooks[0]?["requests"]?.arrayValue ?? []
                #expect(requests.count == 2)
                #expect(requests.first?["json"] == ["text": "CPU alarm"])
                #expect(requests.first?["headers"]?["x-amz-sns-message-type"] == "Notification")
                #expect(requests.last?["body"] == "plain words" && requests.last?["json"] == nil)
            }
        }
    }

    @Test func badNamesAndCrossSiteRequestsAreRefused() async throws {
        try await AdminRoutesTests.app().test(.router) { client in
            try await client.execute(uri: "/_handson/webhooks/" + String(repeating: "x", count: 65), method: .post,
                                     body: ByteBuffer(string: "{}")) { #expect($0.status == .badRequest) }
            let crossSite: HTTPFields = [HTTPField.Name("Origin")!: "https://evil.example", .contentType: "text/plain"]
            try await client.execute(uri: "/_handson/webhooks/team-chat", method: .post, headers: crossSite,
                                     body: ByteBuffer(string: "{}")) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/_handson/state?query=webhooks", method: .get, headers: AdminRoutesTests.admin) { response in
                let hooks = try AdminRoutesTests.json(response.body)
                #expect(hooks == [])
            }
        }
    }

    @Test func hooksAndRequestsAreBounded() async throws {
        let sink = WebhookSinkProbe()
        #expect(sink.fill())
    }
}

import EmulatorKit

/// Fills a sink past its bounds directly (no HTTP): the oldest requests fall off, hooks stop at the cap.
struct WebhookSinkProbe {
    func fill() -> Bool {
        let sink = WebhookSink(clock: VirtualClock())
        for index in 0..<(WebhookSink.maximumRequestsPerHook + 5) {
            sink.record(name: "busy", method: "POST", headers: [:], body: Data("\(index)".utf8))
        }
        for index in 1..<WebhookSink.maximumHooks { sink.record(name: "hook\(index)", method: "POST", headers: [:], body: Data()) }
        let refused = !sink.record(name: "one-too-many", method: "POST", headers: [:], body: Data())
        let big = Data(repeating: UInt8(ascii: "a"), count: WebhookSink.maximumBodyBytes + 10)
        sink.record(name: "hook1", method: "POST", headers: [:], body: big)
        let hooks = sink.json.arrayValue ?? []
        let busy = hooks.first?["requests"]?.arrayValue ?? []
        let bigRecord = hooks.first { $0["name"] == "hook1" }?["requests"]?.arrayValue?.last
        return refused && hooks.count == WebhookSink.maximumHooks && busy.count == WebhookSink.maximumRequestsPerHook
            && busy.first?["body"] == "5" && bigRecord?["truncated"] == true
            && bigRecord?["body"]?.stringValue?.utf8.count == WebhookSink.maximumBodyBytes
    }
}
