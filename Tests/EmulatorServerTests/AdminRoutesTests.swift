import AWSWire
import Emulator
import EmulatorServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JMESPath
import JSON
import Testing

/// The emulator's own endpoints, in-process.
@Suite struct AdminRoutesTests {
    /// HummingbirdTesting's router client sends `Host: localhost` (no port, so port 80).
    static func configuration(maxBodyBytes: Int = 64 << 20) -> ServerConfiguration {
        ServerConfiguration(port: 80, inMemory: true, maxBodyBytes: maxBodyBytes, token: token)
    }

    static func app() async throws -> some ApplicationProtocol {
        try await buildApplication(configuration(), version: "test")
    }

    static let token = "admin-routes-test-token"
    /// What the emulator's own endpoints need (docs/security.md).
    static let admin: HTTPFields = [HTTPField.Name("X-Handson-Token")!: token]

    static func json(_ buffer: ByteBuffer) throws -> JSONValue {
        try JSONValue(jsonData: Data(buffer: buffer))
    }

    /// `query` over a response body; nil when either is not what it should be.
    static func value(_ query: String, in buffer: ByteBuffer) -> JSONValue? {
        guard let document = try? json(buffer) else { return nil }
        return try? JMESPathExpression(query).search(document)
    }

    static let createQueue: HTTPFields = [
        HTTPField.Name("X-Amz-Target")!: "AmazonSQS.CreateQueue",
        .contentType: "application/x-amz-json-1.0",
    ]

    @Test func healthStateQueryResetAndClock() async throws {
        try await Self.app().test(.router) { client in
            try await client.execute(uri: "/_handson/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Self.value("services", in: response.body) == ["iam", "lambda", "logs", "sqs", "sts"])
            }
            try await client.execute(uri: "/", method: .post, headers: Self.createQueue,
                                     body: ByteBuffer(string: #"{"QueueName":"checked"}"#)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/_handson/state?query=sqs.queues%5B%5D.name", method: .get, headers: Self.admin) { response in
                #expect(Self.value("@", in: response.body) == ["checked"])
            }
            try await client.execute(uri: "/_handson/state?query=calls%5B0%5D.%5Boperation,outcome%5D", method: .get, headers: Self.admin) { response in
                #expect(Self.value("@", in: response.body) == ["CreateQueue", "ok"])
            }
            // Form encoding (`curl --data-urlencode`): `+` is a space, `%2B` a plus.
            try await client.execute(uri: "/_handson/state?query=length(sqs.queues%5B%3Fname+%3D%3D+'checked'%5D)", method: .get, headers: Self.admin) { response in
                #expect(Self.value("@", in: response.body) == 1)
            }
            try await client.execute(uri: "/_handson/state?query=sqs.queues%5B", method: .get, headers: Self.admin) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/_handson/clock", method: .post, headers: Self.admin, body: ByteBuffer(string: #"{"advance":"1h30m"}"#)) { response in
                #expect(Self.value("offsetSeconds", in: response.body) == 5400)
            }
            try await client.execute(uri: "/_handson/clock", method: .post, headers: Self.admin, body: ByteBuffer(string: #"{"advance":"soon"}"#)) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/moto-api/reset", method: .post, headers: Self.admin) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/_handson/state", method: .get, headers: Self.admin) { response in
                #expect(Self.value("length(sqs.queues)", in: response.body) == 0)
                #expect(Self.value("clock.offsetSeconds", in: response.body) == 5400, "reset keeps the clock")
            }
        }
    }

    static func sqs(_ operation: String, _ body: String) -> (HTTPFields, ByteBuffer) {
        ([HTTPField.Name("X-Amz-Target")!: "AmazonSQS.\(operation)", .contentType: "application/x-amz-json-1.0"],
         ByteBuffer(string: body))
    }

    @Test func snapshotRestoresQueuesMessagesAndCallLogButNotTheClock() async throws {
        try await Self.app().test(.router) { client in
            let (headers, body) = Self.sqs("CreateQueue", #"{"QueueName":"kept"}"#)
            try await client.execute(uri: "/", method: .post, headers: headers, body: body) { #expect($0.status == .ok) }
            let (sendHeaders, sendBody) = Self.sqs("SendMessage", #"{"QueueUrl":"kept","MessageBody":"before"}"#)
            try await client.execute(uri: "/", method: .post, headers: sendHeaders, body: sendBody) { #expect($0.status == .ok) }
            try await client.execute(uri: "/_handson/snapshots/step-2", method: .post, headers: Self.admin) { #expect($0.status == .ok) }

            let (later, laterBody) = Self.sqs("CreateQueue", #"{"QueueName":"later"}"#)
            try await client.execute(uri: "/", method: .post, headers: later, body: laterBody) { #expect($0.status == .ok) }
            try await client.execute(uri: "/", method: .post, headers: sendHeaders, body: sendBody) { #expect($0.status == .ok) }
            try await client.execute(uri: "/_handson/clock", method: .post, headers: Self.admin, body: ByteBuffer(string: #"{"advance":"10m"}"#)) { _ in }

            try await client.execute(uri: "/_handson/snapshots/step-2/restore", method: .post, headers: Self.admin) { #expect($0.status == .ok) }
            try await client.execute(uri: "/_handson/state", method: .get, headers: Self.admin) { response in
                #expect(Self.value("sqs.queues[].name", in: response.body) == ["kept"])
                #expect(Self.value("sqs.queues[0].messageBodies[].body", in: response.body) == ["before"])
                #expect(Self.value("length(calls)", in: response.body) == 2)
                #expect(Self.value("clock.offsetSeconds", in: response.body) == 600, "the clock never goes back")
            }
            // The restored queue is live again: it takes new messages.
            try await client.execute(uri: "/", method: .post, headers: sendHeaders, body: sendBody) { #expect($0.status == .ok) }
            try await client.execute(uri: "/_handson/snapshots", method: .get, headers: Self.admin) { response in
                #expect(Self.value("snapshots", in: response.body) == ["step-2"])
            }
            try await client.execute(uri: "/_handson/snapshots/missing/restore", method: .post, headers: Self.admin) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/_handson/snapshots/..%2Fescape", method: .post, headers: Self.admin) { #expect($0.status == .badRequest) }
        }
    }

    @Test func malformedRequestsGetAWSErrorsNotCrashes() async throws {
        try await Self.app().test(.router) { client in
            try await client.execute(uri: "/", method: .post, headers: Self.createQueue, body: ByteBuffer(string: "{not json")) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("SerializationException"))
            }
            try await client.execute(uri: "/", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "Action=NoSuchThing&Version=2012-11-05")) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("<Code>InvalidAction</Code>"))
            }
            try await client.execute(uri: "/_handson/nope", method: .get, headers: Self.admin) { response in
                #expect(response.status == .notFound)
            }
            // The bare root is the emulator's, not an AWS call.
            try await client.execute(uri: "/_handson", method: .post, headers: Self.admin) { response in
                #expect(response.status == .notFound)
                #expect(!String(buffer: response.body).contains("InvalidAction"))
            }
        }
    }

    @Test func largeBodiesAreSpooledAndBodiesOverTheLimitRefused() async throws {
        let app = try await buildApplication(Self.configuration(maxBodyBytes: 3 << 20), version: "test")
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .post, headers: Self.createQueue,
                                     body: ByteBuffer(string: #"{"QueueName":"big"}"#)) { #expect($0.status == .ok) }
            let send: HTTPFields = [HTTPField.Name("X-Amz-Target")!: "AmazonSQS.SendMessage", .contentType: "application/x-amz-json-1.0"]
            // Above the 1 MiB kept in memory: read back from the spool file and decoded whole.
            let message = String(repeating: "x", count: 2 << 20)
            let body = #"{"QueueUrl":"http://localhost:4566/123456789012/big","MessageBody":"\#(message)"}"#
            try await client.execute(uri: "/", method: .post, headers: send, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("Message must be shorter than 1048576 bytes"))
            }
            let tooLarge = String(repeating: "y", count: 4 << 20)
            try await client.execute(uri: "/", method: .post, headers: send, body: ByteBuffer(string: tooLarge)) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    @Test func clockAdvancesBeyondItsRangeAreRefusedAndTheServerKeepsRunning() async throws {
        try await Self.app().test(.router) { client in
            for body in [#"{"advance": 1e17}"#, #"{"advance": "99999999999999999999d"}"#, #"{"advance": -5}"#] {
                try await client.execute(uri: "/_handson/clock", method: .post, headers: Self.admin, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .badRequest, "\(body)")
                }
            }
            try await client.execute(uri: "/_handson/clock", method: .get, headers: Self.admin) { response in
                #expect(Self.value("offsetSeconds", in: response.body) == 0)
            }
            try await client.execute(uri: "/", method: .post, headers: Self.createQueue,
                                     body: ByteBuffer(string: #"{"QueueName":"after"}"#)) { #expect($0.status == .ok) }
        }
    }
}
