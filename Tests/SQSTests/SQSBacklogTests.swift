import Foundation
import JSON
import Testing
import EmulatorKit
@testable import SQS

/// The queue keeps its messages in indexes by state, so each operation touches only the
/// messages it concerns however deep the backlog. These tests check the indexes' behaviour
/// on a large backlog (orders, counts, no leftovers), not timings.
@Suite("SQS backlog")
struct SQSBacklogTests {
    @Test("A deep standard queue serves oldest first, counts stay exact, and deletions leave nothing behind")
    func standardBacklog() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("deep", ["VisibilityTimeout": "60"])
        let total = 3_000
        for start in stride(from: 0, to: total, by: 10) {
            let entries: [JSONValue] = (start..<start + 10).map { ["Id": .string("e\($0)"), "MessageBody": .string("m\($0)")] }
            try await h.call("SendMessageBatch", ["QueueUrl": .string(url), "Entries": .array(entries)])
        }
        #expect(try await h.counts(url) == (total, 0, 0))

        // Take 500 in flight, delete 250 of them.
        var inFlight: [JSONValue] = []
        for _ in 0..<50 { inFlight += try await h.receive(url, max: 10) }
        #expect(inFlight.compactMap { $0["Body"]?.stringValue } == (0..<500).map { "m\($0)" })
        for message in inFlight.prefix(250) { try await h.delete(url, message) }
        #expect(try await h.counts(url) == (total - 500, 250, 0))
        var diagnostics = try #require(await h.sqs.diagnostics(queueName: "deep"))
        #expect(diagnostics.messages == total - 250)
        #expect(diagnostics.indexesConsistent)

        // When the remaining 250 become visible again they are served before the rest.
        try h.clock.advance(by: 60)
        let next = try await h.receive(url, max: 10)
        #expect(next.compactMap { $0["Body"]?.stringValue } == (250..<260).map { "m\($0)" })
        #expect(next.allSatisfy { $0.attribute("ApproximateReceiveCount") == "2" })

        try await h.call("PurgeQueue", ["QueueUrl": .string(url)])
        diagnostics = try #require(await h.sqs.diagnostics(queueName: "deep"))
        #expect(diagnostics == .init(messages: 0, visible: 0, inFlight: 0, delayed: 0, groups: 0, waiters: 0, indexesConsistent: true))
    }

    @Test("A deep FIFO queue with many groups keeps per-group order and drops empty groups")
    func fifoBacklog() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("deep.fifo", ["FifoQueue": "true", "ContentBasedDeduplication": "true"])
        let groups = 50, perGroup = 20
        for i in 0..<perGroup {
            for g in 0..<groups {
                try await h.send(url, "g\(g)-\(i)", ["MessageGroupId": .string("g\(g)")])
            }
        }
        #expect(await h.sqs.diagnostics(queueName: "deep.fifo")?.groups == groups)

        var nextIndex = [String: Int]()
        var received = 0
        while received < groups * perGroup {
            let batch = try await h.receive(url, max: 10)
            #expect(!batch.isEmpty)
            for message in batch {
                let group = try #require(message.attribute("MessageGroupId"))
                let body = try #require(message["Body"]?.stringValue)
                #expect(body == "\(group)-\(nextIndex[group, default: 0])")
                nextIndex[group, default: 0] += 1
                try await h.delete(url, message)
            }
            received += batch.count
        }
        let diagnostics = try #require(await h.sqs.diagnostics(queueName: "deep.fifo"))
        #expect(diagnostics.messages == 0)
        #expect(diagnostics.groups == 0)
        #expect(diagnostics.indexesConsistent)
    }

    @Test("The state document lists at most 1000 bodies but counts every message, and reading it receives nothing")
    func stateIsReadOnly() async throws {
        let h = try await SQSHarness.make()
        let url = try await h.createQueue("big")
        for start in stride(from: 0, to: 1_200, by: 10) {
            let entries: [JSONValue] = (start..<start + 10).map { ["Id": .string("e\($0)"), "MessageBody": .string("m\($0)")] }
            try await h.call("SendMessageBatch", ["QueueUrl": .string(url), "Entries": .array(entries)])
        }
        _ = try await h.receive(url, max: 1)
        let first = await h.sqs.state()
        let second = await h.sqs.state()
        #expect(first == second)
        let queue = try #require(first["queues"]?.arrayValue?.first)
        #expect(queue["messages"] == ["visible": 1199, "inFlight": 1, "delayed": 0])
        let bodies = try #require(queue["messageBodies"]?.arrayValue)
        #expect(bodies.count == 1000)
        #expect(bodies.first?["body"] == "m0")
        #expect(bodies.first?["state"] == "inFlight")
        #expect(bodies.first?["receiveCount"] == 1)
        #expect(bodies[1]["receiveCount"] == 0)
        #expect(queue["attributes"]?["ApproximateNumberOfMessages"] == "1199")
        #expect(try await h.counts(url) == (1199, 1, 0))
    }
}
