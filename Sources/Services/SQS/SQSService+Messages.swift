import EmulatorKit
import Foundation
import JSON

/// Sending, receiving (short and long polling, dead-letter redrive), deleting and changing
/// the visibility of messages.
extension SQSService {
    /// Runs `body` on the queue a URL names, after bringing the queue up to now; the
    /// changes are committed even when `body` throws (refreshing may have expired messages).
    func withQueue(_ url: String, _ context: RequestContext,
                   _ body: (SQSQueue, Double, inout [SQSStore.Change]) throws(AWSError) -> JSONValue) throws(AWSError) -> Outcome {
        let queue = try queue(url: url, context)
        let now = self.now
        var changes: [SQSStore.Change] = []
        touch(queue, now: now, &changes)
        do {
            let output = try body(queue, now, &changes)
            return Outcome(output: output, ticket: store.commit(changes))
        } catch {
            _ = store.commit(changes)
            throw error
        }
    }

    // MARK: Send

    func sendMessage(queueUrl: String, _ prepared: PreparedMessage, _ context: RequestContext) throws(AWSError) -> Outcome {
        try withQueue(queueUrl, context) { (queue, now, changes) throws(AWSError) in
            try send(prepared, to: queue, now: now, &changes)
        }
    }

    /// Enqueues one message; answers SendMessage's output (also a batch entry's, minus Id).
    func send(_ prepared: PreparedMessage, to queue: SQSQueue, now: Double,
              _ changes: inout [SQSStore.Change]) throws(AWSError) -> JSONValue {
        if let error = prepared.error { throw error }
        if prepared.size > queue.settings.maximumMessageSize {
            throw SQSErrors.invalidParameterValue(
                "One or more parameters are invalid. Reason: Message must be shorter than \(queue.settings.maximumMessageSize) bytes.")
        }
        var delay = queue.settings.delaySeconds
        var deduplication: (key: String, id: String)?
        if queue.isFIFO {
            if let perMessage = prepared.delaySeconds, perMessage != 0 {
                throw SQSErrors.invalidValue(String(perMessage), parameter: "DelaySeconds",
                                             reason: "The request include parameter that is not valid for this queue type.")
            }
            guard let groupId = prepared.groupId else { throw SQSErrors.missingParameter("MessageGroupId") }
            guard let id = prepared.deduplicationId
                    ?? (queue.settings.contentBasedDeduplication ? MessageAttributesMD5.sha256(prepared.body) : nil) else {
                throw SQSErrors.invalidParameterValue(
                    "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly")
            }
            let key = queue.deduplicationKey(id: id, groupId: groupId)
            if let original = queue.duplicate(of: key, now: now) {
                // A duplicate within five minutes is accepted but not enqueued again.
                return sendOutput(prepared, messageId: original.messageId, sequenceNumber: original.sequenceNumber)
            }
            deduplication = (key, id)
        } else {
            if let id = prepared.deduplicationId {
                throw SQSErrors.invalidValue(id, parameter: "MessageDeduplicationId",
                                             reason: "The request includes a parameter that is not valid for this queue type.")
            }
            if let perMessage = prepared.delaySeconds { delay = perMessage }
        }

        let seq = nextSeq()
        let messageId = UUID.random().lowercasedString
        let sequenceNumber = queue.isFIFO ? String(UInt64(10_000_000_000_000_000_000) + UInt64(seq)) : nil
        let message = SQSMessage(
            messageId: messageId, seq: seq, body: prepared.body, md5OfBody: prepared.md5OfBody,
            messageAttributes: prepared.attributes, md5OfMessageAttributes: prepared.md5OfMessageAttributes,
            systemAttributes: prepared.systemAttributes, md5OfMessageSystemAttributes: prepared.md5OfMessageSystemAttributes,
            senderId: prepared.senderId, groupId: prepared.groupId, deduplicationId: deduplication?.id,
            sequenceNumber: sequenceNumber, sentAt: now, receiveCount: 0, firstReceiveAt: nil, lastReceiveAt: nil,
            visibleAt: now + Double(delay), deadLetterSourceArn: nil)
        queue.insert(message, now: now)
        changes.append(.saveMessage(SQSStore.MessageRow(message, queueId: queue.id, messageAttributesJSON: prepared.attributesJSON)))
        if let deduplication {
            let entry = SQSQueue.DeduplicationEntry(messageId: messageId, sequenceNumber: sequenceNumber, expiresAt: now + 300)
            queue.recordDeduplication(key: deduplication.key, entry: entry)
            changes.append(.saveDeduplication(.init(queueId: queue.id, dedupKey: deduplication.key, messageId: messageId,
                                                    sequenceNumber: sequenceNumber, expiresAt: entry.expiresAt)))
        }
        if delay == 0 { wakeWaiters(queue) }
        return sendOutput(prepared, messageId: messageId, sequenceNumber: sequenceNumber)
    }

    private func sendOutput(_ prepared: PreparedMessage, messageId: String, sequenceNumber: String?) -> JSONValue {
        var output: [String: JSONValue] = [
            "MessageId": .string(messageId),
            "MD5OfMessageBody": .string(prepared.md5OfBody),
        ]
        if let md5 = prepared.md5OfMessageAttributes { output["MD5OfMessageAttributes"] = .string(md5) }
        if let md5 = prepared.md5OfMessageSystemAttributes { output["MD5OfMessageSystemAttributes"] = .string(md5) }
        if let sequenceNumber { output["SequenceNumber"] = .string(sequenceNumber) }
        return .object(output)
    }

    // MARK: Receive

    enum ReceiveStep: Sendable {
        case done(Outcome)
        /// Nothing yet: wait on the waiter for up to `seconds`, then try again until `deadline`.
        case wait(PollWaiter, deadline: Double, seconds: Double)
    }

    /// Short poll (returns what is visible now) or long poll (waits until a message is
    /// visible or WaitTimeSeconds — or the queue's ReceiveMessageWaitTimeSeconds — passes on
    /// the virtual clock). The wait happens outside the actor.
    nonisolated func receiveMessage(_ request: ReceiveRequest, _ context: RequestContext) async throws(AWSError) -> JSONValue {
        var deadline: Double?
        while true {
            switch try await receiveStep(request, context, deadline: deadline) {
            case .done(let outcome):
                try await durable(outcome.ticket)
                return outcome.output
            case .wait(let waiter, let until, let seconds):
                deadline = until
                await waiter.wait(upTo: seconds)
                if Task.isCancelled { return [:] }
            }
        }
    }

    func receiveStep(_ request: ReceiveRequest, _ context: RequestContext, deadline: Double?) throws(AWSError) -> ReceiveStep {
        let queue: SQSQueue
        do {
            queue = try self.queue(url: request.queueUrl, context)
        } catch {
            // Deleted while a long poll waited: the poll just ends empty.
            if deadline != nil { return .done(Outcome(output: [:])) }
            throw error
        }
        let now = self.now
        var changes: [SQSStore.Change] = []
        touch(queue, now: now, &changes)
        let deadline = deadline ?? now + Double(request.waitTimeSeconds ?? queue.settings.receiveMessageWaitTimeSeconds)

        if queue.isFIFO, let attemptId = request.attemptId, let attempt = queue.receiveAttempts[attemptId], attempt.expiresAt > now {
            // A retried receive gets the same messages and handles while nothing changed them.
            let same = attempt.messages.compactMap { entry -> SQSMessage? in
                guard let message = queue.messages[entry.seq], message.receiveCount == entry.receiveCount,
                      message.state == .inFlight else { return nil }
                return message
            }
            if !same.isEmpty, same.count == attempt.messages.count {
                return .done(Outcome(output: receiveOutput(same, queue: queue, request: request), ticket: store.commit(changes)))
            }
        }

        let visibilityTimeout = request.visibilityTimeout ?? queue.settings.visibilityTimeout
        let redrive = redriveTarget(for: queue)
        let selection = queue.receive(maximum: request.maximumMessages, now: now,
                                      visibilityTimeout: visibilityTimeout, redriveAfter: redrive?.maxReceiveCount)
        if let redrive {
            for message in selection.redriven { moveToDeadLetterQueue(message, from: queue, to: redrive.queue, now: now, &changes) }
        }
        for message in selection.delivered {
            changes.append(.recordReceive(seq: message.seq, receiveCount: message.receiveCount,
                                          firstReceiveAt: message.firstReceiveAt, lastReceiveAt: message.lastReceiveAt,
                                          visibleAt: message.visibleAt))
        }
        if !selection.delivered.isEmpty || now >= deadline {
            if queue.isFIFO, let attemptId = request.attemptId, !selection.delivered.isEmpty {
                let attempt = ReceiveAttempt(expiresAt: now + 300, messages: selection.delivered.map { ($0.seq, $0.receiveCount) })
                queue.receiveAttempts[attemptId] = attempt
                changes.append(.saveReceiveAttempt(.init(queueId: queue.id, attemptId: attemptId, attempt)))
            }
            return .done(Outcome(output: receiveOutput(selection.delivered, queue: queue, request: request),
                                 ticket: store.commit(changes)))
        }
        _ = store.commit(changes)
        if queue.waiters.count > 64 { queue.waiters.removeAll { $0.isSignaled } }
        let waiter = PollWaiter()
        queue.waiters.append(waiter)
        let wakeAt = min(deadline, queue.nextVisibilityChange ?? deadline)
        return .wait(waiter, deadline: deadline, seconds: max(0.001, wakeAt - now))
    }

    func receiveOutput(_ messages: [SQSMessage], queue: SQSQueue, request: ReceiveRequest) -> JSONValue {
        guard !messages.isEmpty else { return [:] }
        return ["Messages": .array(messages.map { message in
            let handle = ReceiptHandle(account: queue.account, region: queue.region, queueName: queue.name,
                                       messageId: message.messageId, seq: message.seq, receiveCount: message.receiveCount)
            var fields: [String: JSONValue] = [
                "MessageId": .string(message.messageId),
                "ReceiptHandle": .string(handle.encoded),
                "MD5OfBody": .string(message.md5OfBody),
                "Body": .string(message.body),
            ]
            if !request.systemAttributeNames.isEmpty {
                let values = message.systemAttributeValues(queueIsFIFO: queue.isFIFO)
                    .filter { request.wantsSystemAttribute($0.key) }
                if !values.isEmpty { fields["Attributes"] = .object(values.mapValues { .string($0) }) }
            }
            if !request.messageAttributeNames.isEmpty, !message.messageAttributes.isEmpty {
                let selected = message.messageAttributes.filter { request.wantsMessageAttribute($0.name) }
                if !selected.isEmpty {
                    fields["MessageAttributes"] = MessageAttributeParser.json(selected)
                    let md5 = selected.count == message.messageAttributes.count
                        ? message.md5OfMessageAttributes : MessageAttributesMD5.attributes(selected)
                    if let md5 { fields["MD5OfMessageAttributes"] = .string(md5) }
                }
            }
            return .object(fields)
        })]
    }

    /// The dead-letter queue messages of `queue` move to, when its redrive policy names an
    /// existing queue of the same type that allows it.
    func redriveTarget(for queue: SQSQueue) -> (queue: SQSQueue, maxReceiveCount: Int)? {
        guard let policy = queue.settings.redrivePolicy, let target = self.queue(arn: policy.deadLetterTargetArn),
              target !== queue, target.isFIFO == queue.isFIFO else { return nil }
        if let allow = target.settings.redriveAllowPolicy, !allow.allows(sourceArn: queue.arn) { return nil }
        return (target, policy.maxReceiveCount)
    }

    /// Files a message that exceeded maxReceiveCount in the dead-letter queue. It keeps its
    /// ID, body, attributes and receive count; standard queues keep the original enqueue time
    /// (retention counts from it), FIFO queues reset it, as SQS documents.
    func moveToDeadLetterQueue(_ message: SQSMessage, from source: SQSQueue, to target: SQSQueue, now: Double,
                               _ changes: inout [SQSStore.Change]) {
        message.deadLetterSourceArn = source.arn
        if target.isFIFO { message.sentAt = now }
        message.visibleAt = now
        target.insert(message, now: now)
        changes.append(.saveMessage(SQSStore.MessageRow(message, queueId: target.id)))
        wakeWaiters(target)
    }

    // MARK: Delete

    func deleteMessage(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let handle = try input.requiredString("ReceiptHandle")
        return try withQueue(try input.requiredString("QueueUrl"), context) { (queue, now, changes) throws(AWSError) in
            try delete(handle: handle, in: queue, &changes)
            return [:]
        }
    }

    /// Standard queues accept any handle of the message (deleting an already deleted message
    /// succeeds); FIFO queues only the current receive's, while it is in flight.
    func delete(handle text: String, in queue: SQSQueue, _ changes: inout [SQSStore.Change]) throws(AWSError) {
        let handle = try decodeHandle(text, for: queue)
        guard let message = queue.message(for: handle) else { return }
        if queue.isFIFO, message.receiveCount != handle.receiveCount || message.state != .inFlight {
            throw SQSErrors.receiptHandleExpired(text)
        }
        queue.remove(message)
        changes.append(.deleteMessage(seq: message.seq))
        // Deleting the in-flight message of a FIFO group unlocks the group.
        if queue.isFIFO { wakeWaiters(queue) }
    }

    func decodeHandle(_ text: String, for queue: SQSQueue) throws(AWSError) -> ReceiptHandle {
        guard let handle = ReceiptHandle(decoding: text), handle.account == queue.account,
              handle.region == queue.region, handle.queueName == queue.name else {
            throw SQSErrors.receiptHandleIsInvalid(text)
        }
        return handle
    }

    // MARK: Visibility

    func changeMessageVisibility(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let handle = try input.requiredString("ReceiptHandle")
        guard let timeout = try input.int("VisibilityTimeout") else { throw SQSErrors.missingParameter("VisibilityTimeout") }
        return try withQueue(try input.requiredString("QueueUrl"), context) { (queue, now, changes) throws(AWSError) in
            try changeVisibility(handle: handle, timeout: timeout, in: queue, now: now, &changes)
            return [:]
        }
    }

    /// Restarts the message's visibility timeout at `timeout` seconds from now (0 makes it
    /// visible at once). The total since the receive may not exceed 12 hours.
    func changeVisibility(handle text: String, timeout: Int, in queue: SQSQueue, now: Double,
                          _ changes: inout [SQSStore.Change]) throws(AWSError) {
        guard (0...43_200).contains(timeout) else {
            throw SQSErrors.invalidValue(String(timeout), parameter: "VisibilityTimeout",
                                         reason: "Must be >= 0 and <= 43200, if provided.")
        }
        let handle = try decodeHandle(text, for: queue)
        guard let message = queue.message(for: handle) else {
            throw SQSErrors.invalidValue(text, parameter: "ReceiptHandle",
                                         reason: "Message does not exist or is not available for visibility timeout change.")
        }
        let current = message.receiveCount == handle.receiveCount
        if queue.isFIFO {
            if !current { throw SQSErrors.receiptHandleExpired(text) }
            if message.state != .inFlight { throw SQSErrors.messageNotInflight() }
        } else if message.state == .delayed || (message.state == .visible && !current) {
            // The latest handle may re-hide a message whose timeout just ran out, as SQS allows.
            throw SQSErrors.messageNotInflight()
        }
        if let received = message.lastReceiveAt, now - received + Double(timeout) > 43_200 {
            throw SQSErrors.invalidValue(String(timeout), parameter: "VisibilityTimeout",
                                         reason: "Total VisibilityTimeout for the message is beyond the limit [43200 seconds].")
        }
        queue.reschedule(message, visibleAt: now + Double(timeout), now: now)
        changes.append(.setVisibleAt(seq: message.seq, visibleAt: message.visibleAt))
        if timeout == 0 { wakeWaiters(queue) }
    }
}
