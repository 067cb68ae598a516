import EmulatorKit
import Foundation
import JSON

/// SQS's part of `/_handson/state` (documented in docs/state.md). Reading it receives
/// nothing and counts as no receive; it only applies what time already did (timeouts and
/// delays ending, retention expiring, move tasks progressing), as any request would.
extension SQSService {
    /// Queue bodies listed per queue, oldest first; the counts always cover every message.
    static let stateMessageLimit = 1000

    public func state() -> JSONValue {
        let now = self.now
        var changes: [SQSStore.Change] = []
        advanceMoveTasks(now: now, &changes)
        let sorted = queues.values.sorted { ($0.account, $0.region, $0.name) < ($1.account, $1.region, $1.name) }
        var sources: [String: [String]] = [:]
        for queue in sorted {
            if let target = queue.settings.redrivePolicy?.deadLetterTargetArn { sources[target, default: []].append(queue.name) }
        }
        let queueStates: [JSONValue] = sorted.map { queue in
            touch(queue, now: now, &changes)
            let bodies: [JSONValue] = queue.messagesForState(limit: Self.stateMessageLimit).map { message in
                var fields: [String: JSONValue] = [
                    "messageId": .string(message.messageId),
                    "body": .string(message.body),
                    "receiveCount": .number(Double(message.receiveCount)),
                    "state": .string(message.state.rawValue),
                    "sentTimestamp": .number((message.sentAt * 1000).rounded(.down)),
                ]
                if let groupId = message.groupId { fields["groupId"] = .string(groupId) }
                if !message.messageAttributes.isEmpty {
                    fields["messageAttributes"] = MessageAttributeParser.json(message.messageAttributes)
                }
                if let arn = message.deadLetterSourceArn { fields["deadLetterQueueSourceArn"] = .string(arn) }
                return .object(fields)
            }
            return [
                "name": .string(queue.name),
                "url": .string(queue.url(endpoint: stateEndpoint)),
                "arn": .string(queue.arn),
                "account": .string(queue.account),
                "region": .string(queue.region),
                "fifo": .bool(queue.isFIFO),
                "attributes": .object(attributeValues(queue).mapValues { .string($0) }),
                "tags": .object(queue.tags.mapValues { .string($0) }),
                "messages": [
                    "visible": .number(Double(queue.visibleCount)),
                    "inFlight": .number(Double(queue.inFlightCount)),
                    "delayed": .number(Double(queue.delayedCount)),
                ],
                "messageBodies": .array(bodies),
                "deadLetterSourceQueues": .array((sources[queue.arn] ?? []).map { .string($0) }),
            ]
        }
        _ = store.commit(changes)
        return [
            "queues": .array(queueStates),
            "moveTasks": .array(moveTasks.map { $0.json(includeHandle: true) }),
        ]
    }
}

extension SQSService {
    /// Internal bookkeeping of one queue, for tests: counts, index sizes and whether the
    /// indexes agree with the messages' states.
    struct QueueDiagnostics: Sendable, Equatable {
        var messages: Int
        var visible: Int
        var inFlight: Int
        var delayed: Int
        var groups: Int
        var waiters: Int
        var indexesConsistent: Bool
    }

    func diagnostics(queueName: String) -> QueueDiagnostics? {
        guard let queue = queues.values.first(where: { $0.name == queueName }) else { return nil }
        var changes: [SQSStore.Change] = []
        touch(queue, now: now, &changes)
        _ = store.commit(changes)
        return QueueDiagnostics(messages: queue.messages.count, visible: queue.visibleCount,
                                inFlight: queue.inFlightCount, delayed: queue.delayedCount,
                                groups: queue.groupCount, waiters: queue.waiters.filter { !$0.isSignaled }.count,
                                indexesConsistent: queue.indexesAreConsistent)
    }
}
