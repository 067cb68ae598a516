import EmulatorKit
import Foundation
import JSON

/// Where a message is in its life: receivable, received and hidden until its visibility
/// timeout ends, or not yet receivable because of a delay.
enum MessageState: String, Sendable {
    case visible
    case inFlight
    case delayed
}

/// One message in a queue. A class so the queue's indexes (ready heap, timer heap, retention
/// heap, FIFO group) can point at it and it can remember its own positions in them.
final class SQSMessage {
    let messageId: String
    /// Global send order: the database key, and the order messages are served in.
    let seq: Int64
    let body: String
    let md5OfBody: String
    let messageAttributes: [MessageAttribute]
    let md5OfMessageAttributes: String?
    let systemAttributes: [MessageAttribute]
    let md5OfMessageSystemAttributes: String?
    let senderId: String
    let groupId: String?
    let deduplicationId: String?
    /// FIFO only: the large increasing number SQS assigns.
    let sequenceNumber: String?

    /// When it entered the queue (virtual clock, seconds); retention counts from here.
    var sentAt: Double
    var receiveCount: Int
    var firstReceiveAt: Double?
    var lastReceiveAt: Double?
    /// When it becomes (or became) receivable.
    var visibleAt: Double
    /// Set when the message was moved to a dead-letter queue.
    var deadLetterSourceArn: String?

    var state: MessageState = .visible
    /// Position in the ready heap (standard), group heap (FIFO) or timer heap; -1 if none.
    var stateIndex = -1
    /// Position in the queue's retention heap; -1 if none.
    var retentionIndex = -1

    init(messageId: String, seq: Int64, body: String, md5OfBody: String,
         messageAttributes: [MessageAttribute], md5OfMessageAttributes: String?,
         systemAttributes: [MessageAttribute], md5OfMessageSystemAttributes: String?,
         senderId: String, groupId: String?, deduplicationId: String?, sequenceNumber: String?,
         sentAt: Double, receiveCount: Int, firstReceiveAt: Double?, lastReceiveAt: Double?,
         visibleAt: Double, deadLetterSourceArn: String?) {
        self.messageId = messageId
        self.seq = seq
        self.body = body
        self.md5OfBody = md5OfBody
        self.messageAttributes = messageAttributes
        self.md5OfMessageAttributes = md5OfMessageAttributes
        self.systemAttributes = systemAttributes
        self.md5OfMessageSystemAttributes = md5OfMessageSystemAttributes
        self.senderId = senderId
        self.groupId = groupId
        self.deduplicationId = deduplicationId
        self.sequenceNumber = sequenceNumber
        self.sentAt = sentAt
        self.receiveCount = receiveCount
        self.firstReceiveAt = firstReceiveAt
        self.lastReceiveAt = lastReceiveAt
        self.visibleAt = visibleAt
        self.deadLetterSourceArn = deadLetterSourceArn
    }

    var traceHeader: String? {
        for attribute in systemAttributes where attribute.name == "AWSTraceHeader" {
            if case .string(let text) = attribute.value.content { return text }
        }
        return nil
    }

    /// The state a message should be in at `now`: hidden messages that were received are in
    /// flight, hidden ones never received are delayed.
    func naturalState(now: Double) -> MessageState {
        if visibleAt <= now { return .visible }
        return receiveCount > 0 ? .inFlight : .delayed
    }

    /// The message system attributes SQS can return, by name.
    func systemAttributeValues(queueIsFIFO: Bool) -> [String: String] {
        var values: [String: String] = [
            "SenderId": senderId,
            "SentTimestamp": String(Int64((sentAt * 1000).rounded(.down))),
            "ApproximateReceiveCount": String(receiveCount),
        ]
        if let firstReceiveAt { values["ApproximateFirstReceiveTimestamp"] = String(Int64((firstReceiveAt * 1000).rounded(.down))) }
        if let groupId { values["MessageGroupId"] = groupId }
        if queueIsFIFO {
            if let deduplicationId { values["MessageDeduplicationId"] = deduplicationId }
            if let sequenceNumber { values["SequenceNumber"] = sequenceNumber }
        }
        if let traceHeader { values["AWSTraceHeader"] = traceHeader }
        if let deadLetterSourceArn { values["DeadLetterQueueSourceArn"] = deadLetterSourceArn }
        return values
    }

    static let systemAttributeNames: Set<String> = [
        "SenderId", "SentTimestamp", "ApproximateReceiveCount", "ApproximateFirstReceiveTimestamp",
        "SequenceNumber", "MessageDeduplicationId", "MessageGroupId", "AWSTraceHeader",
        "DeadLetterQueueSourceArn",
    ]
}

// The orders the queue keeps its messages in.

/// Standard queues and FIFO groups serve visible messages oldest first.
enum ReadyBySeq: HeapPolicy {
    static func precedes(_ a: SQSMessage, _ b: SQSMessage) -> Bool { a.seq < b.seq }
    static func index(of node: SQSMessage) -> Int { node.stateIndex }
    static func setIndex(_ index: Int, of node: SQSMessage) { node.stateIndex = index }
}

/// Hidden messages (in flight or delayed) by the time they become visible.
enum HiddenByVisibleAt: HeapPolicy {
    static func precedes(_ a: SQSMessage, _ b: SQSMessage) -> Bool {
        a.visibleAt != b.visibleAt ? a.visibleAt < b.visibleAt : a.seq < b.seq
    }
    static func index(of node: SQSMessage) -> Int { node.stateIndex }
    static func setIndex(_ index: Int, of node: SQSMessage) { node.stateIndex = index }
}

/// Every message by the time it entered the queue, so expired ones are found at the top.
enum RetentionBySentAt: HeapPolicy {
    static func precedes(_ a: SQSMessage, _ b: SQSMessage) -> Bool {
        a.sentAt != b.sentAt ? a.sentAt < b.sentAt : a.seq < b.seq
    }
    static func index(of node: SQSMessage) -> Int { node.retentionIndex }
    static func setIndex(_ index: Int, of node: SQSMessage) { node.retentionIndex = index }
}
