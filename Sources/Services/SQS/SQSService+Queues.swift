import EmulatorKit
import Foundation
import JSON

/// Queue lifecycle: create (idempotent for identical attributes), look up, list, delete,
/// purge, tags, and the dead-letter relationships between queues.
extension SQSService {
    func createQueue(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        noteEndpoint(context.endpoint)
        let name = try input.requiredString("QueueName")
        let requested = try input.stringMap("Attributes") ?? [:]
        let tags = try input.stringMap("tags") ?? [:]
        var fifo = false
        if let flag = requested["FifoQueue"] {
            guard let value = QueueAttributeRules.boolean(flag) else { throw SQSErrors.invalidAttributeValue("FifoQueue") }
            fifo = value
        }
        try Self.validateQueueName(name, fifo: fifo)
        let attributes = try QueueAttributeRules.normalize(requested, fifo: fifo, creating: true)
        let now = self.now
        let key = QueueKey(account: context.account, region: context.region, name: name)

        if let existing = queues[key] {
            for attribute in attributes.keys.sorted() {
                let current = existing.attributes[attribute] ?? (attribute == "FifoQueue" ? "false" : "")
                if current != attributes[attribute]! { throw SQSErrors.queueNameExists(attribute: attribute) }
            }
            return Outcome(output: ["QueueUrl": .string(existing.url(endpoint: context.endpoint))])
        }
        var changes: [SQSStore.Change] = []
        if let deletedAt = recentlyDeleted[key] {
            if now - deletedAt < 60 { throw SQSErrors.queueDeletedRecently() }
            recentlyDeleted[key] = nil
            changes.append(.forgetDeletedName(account: key.account, region: key.region, name: key.name))
        }
        let arn = "arn:aws:sqs:\(context.region):\(context.account):\(name)"
        if let policy = attributes["RedrivePolicy"], !policy.isEmpty {
            try validateDeadLetterTarget(policy, sourceArn: arn, sourceIsFIFO: fifo)
        }
        try Self.validateTags(tags, existing: [:], queueName: name)

        var values = QueueAttributeRules.defaults(fifo: fifo)
        QueueAttributeRules.apply(attributes, to: &values)
        if !fifo { values["FifoQueue"] = nil }
        let created = now.rounded(.down)
        let queue = SQSQueue(id: nextQueueId, account: context.account, region: context.region, name: name,
                             isFIFO: fifo, attributes: values, tags: tags, createdAt: created,
                             lastModifiedAt: created, lastPurgeAt: nil)
        nextQueueId += 1
        queues[key] = queue
        urlCache.removeAll()
        changes.append(saveQueue(queue))
        return Outcome(output: ["QueueUrl": .string(queue.url(endpoint: context.endpoint))],
                       ticket: store.commit(changes))
    }

    /// 1–80 characters of [A-Za-z0-9_-]; FIFO names end in `.fifo` (counted in the 80).
    static func validateQueueName(_ name: String, fifo: Bool) throws(AWSError) {
        func plain(_ text: Substring) -> Bool {
            text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
        }
        let length = name.unicodeScalars.count
        if fifo {
            guard name.hasSuffix(".fifo"), length > 5, length <= 80, plain(name.dropLast(5)) else {
                throw SQSErrors.invalidParameterValue(
                    "The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.")
            }
        } else {
            guard (1...80).contains(length), plain(Substring(name)) else {
                throw SQSErrors.invalidParameterValue(
                    "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length")
            }
        }
    }

    /// At most 50 tags; keys 1–128 characters not starting with `aws:`, values up to 256.
    static func validateTags(_ tags: [String: String], existing: [String: String], queueName: String) throws(AWSError) {
        for (key, value) in tags {
            if key.isEmpty || key.count > 128 {
                throw SQSErrors.invalidParameterValue("Tag keys must be between 1 and 128 characters in length.")
            }
            if key.lowercased().hasPrefix("aws:") {
                throw SQSErrors.invalidParameterValue("Tag keys can't start with 'aws:'; that prefix is reserved for AWS use.")
            }
            if value.count > 256 {
                throw SQSErrors.invalidParameterValue("Tag values must be at most 256 characters in length.")
            }
        }
        if existing.merging(tags, uniquingKeysWith: { _, new in new }).count > 50 {
            throw SQSErrors.invalidParameterValue("Too many tags added for queue \(queueName).")
        }
    }

    /// A dead-letter target must exist, be of the same type, and allow this source.
    func validateDeadLetterTarget(_ canonicalPolicy: String, sourceArn: String, sourceIsFIFO: Bool) throws(AWSError) {
        let policy = try QueueAttributeRules.parseRedrivePolicy(canonicalPolicy)
        func invalid(_ reason: String) -> AWSError {
            SQSErrors.invalidValue(canonicalPolicy, parameter: "RedrivePolicy", reason: reason)
        }
        guard let target = queue(arn: policy.deadLetterTargetArn) else { throw invalid("Dead letter target does not exist.") }
        if target.isFIFO != sourceIsFIFO {
            throw invalid(sourceIsFIFO
                ? "Dead-letter target queue of a FIFO queue must also be a FIFO queue."
                : "Dead-letter target queue of a standard queue must also be a standard queue.")
        }
        if let allow = target.settings.redriveAllowPolicy, !allow.allows(sourceArn: sourceArn) {
            throw invalid("Queue \(target.arn) does not allow \(sourceArn) to use it as a dead-letter queue (RedriveAllowPolicy).")
        }
    }

    func deleteQueue(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let queue = try queue(url: try input.requiredString("QueueUrl"), context)
        let key = QueueKey(account: queue.account, region: queue.region, name: queue.name)
        queues[key] = nil
        urlCache.removeAll()
        let now = self.now
        // Only the last 60 seconds matter (CreateQueue's rule); older names go.
        recentlyDeleted = recentlyDeleted.filter { now - $0.value < 60 }
        recentlyDeleted[key] = now
        wakeWaiters(queue)
        queue.removeAllMessages()
        let name = SQSStore.DeletedNameRow(account: key.account, region: key.region, name: key.name, deletedAt: now)
        return Outcome(output: [:], ticket: store.commit([.deleteQueue(id: queue.id), .recordDeletedName(name)]))
    }

    func getQueueUrl(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let name = try input.requiredString("QueueName")
        let account = try input.string("QueueOwnerAWSAccountId") ?? context.account
        guard let queue = queues[QueueKey(account: account, region: context.region, name: name)] else {
            throw SQSErrors.queueDoesNotExist()
        }
        return Outcome(output: ["QueueUrl": .string(queue.url(endpoint: context.endpoint))])
    }

    func listQueues(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let prefix = try input.string("QueueNamePrefix") ?? ""
        let names = queues.values
            .filter { $0.account == context.account && $0.region == context.region && $0.name.hasPrefix(prefix) }
            .sorted { $0.name < $1.name }
        let (page, token) = try Self.paginate(names, input: input, limit: 1000)
        var output: [String: JSONValue] = [:]
        if !page.isEmpty { output["QueueUrls"] = .array(page.map { .string($0.url(endpoint: context.endpoint)) }) }
        if let token { output["NextToken"] = .string(token) }
        return Outcome(output: .object(output))
    }

    func listDeadLetterSourceQueues(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let target = try queue(url: try input.requiredString("QueueUrl"), context)
        let sources = queues.values
            .filter { $0.settings.redrivePolicy?.deadLetterTargetArn == target.arn }
            .sorted { $0.name < $1.name }
        let (page, token) = try Self.paginate(sources, input: input, limit: 1000)
        var output: [String: JSONValue] = ["queueUrls": .array(page.map { .string($0.url(endpoint: context.endpoint)) })]
        if let token { output["NextToken"] = .string(token) }
        return Outcome(output: .object(output))
    }

    /// MaxResults/NextToken paging over queues sorted by name; the token is the last name
    /// returned. Without MaxResults, up to `limit` queues and no token (as SQS does).
    static func paginate(_ sorted: [SQSQueue], input: ServiceInput, limit: Int) throws(AWSError) -> ([SQSQueue], String?) {
        let maximum = try input.int("MaxResults")
        if let maximum, !(1...1000).contains(maximum) {
            throw SQSErrors.invalidValue(String(maximum), parameter: "MaxResults",
                                         reason: "MaxResults must be an integer between 1 and 1000.")
        }
        var start = sorted.startIndex
        if let token = try input.string("NextToken"), !token.isEmpty {
            guard let data = Data(base64Encoded: token), let after = String(data: data, encoding: .utf8) else {
                throw SQSErrors.invalidParameterValue("Invalid NextToken value.")
            }
            start = sorted.firstIndex { $0.name > after } ?? sorted.endIndex
        }
        let size = maximum ?? limit
        let end = min(sorted.endIndex, start + size)
        let page = Array(sorted[start..<end])
        guard maximum != nil, end < sorted.endIndex, let last = page.last else { return (page, nil) }
        return (page, Data(last.name.utf8).base64EncodedString())
    }

    func purgeQueue(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let queue = try queue(url: try input.requiredString("QueueUrl"), context)
        let now = self.now
        if let last = queue.lastPurgeAt, now - last < 60 { throw SQSErrors.purgeQueueInProgress(queue: queue.name) }
        queue.removeAllMessages()
        queue.receiveAttempts.removeAll()
        queue.lastPurgeAt = now
        return Outcome(output: [:], ticket: store.commit([.deleteMessages(queueId: queue.id),
                                                          .deleteReceiveAttempts(queueId: queue.id), saveQueue(queue)]))
    }

    // MARK: Tags

    func tagQueue(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let queue = try queue(url: try input.requiredString("QueueUrl"), context)
        guard let tags = try input.stringMap("Tags") else { throw SQSErrors.missingParameter("Tags") }
        try Self.validateTags(tags, existing: queue.tags, queueName: queue.name)
        queue.tags.merge(tags) { _, new in new }
        return Outcome(output: [:], ticket: store.commit([saveQueue(queue)]))
    }

    func untagQueue(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let queue = try queue(url: try input.requiredString("QueueUrl"), context)
        guard let keys = try input.stringList("TagKeys") else { throw SQSErrors.missingParameter("TagKeys") }
        for key in keys { queue.tags[key] = nil }
        return Outcome(output: [:], ticket: store.commit([saveQueue(queue)]))
    }

    func listQueueTags(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let queue = try queue(url: try input.requiredString("QueueUrl"), context)
        guard !queue.tags.isEmpty else { return Outcome(output: [:]) }
        return Outcome(output: ["Tags": .object(queue.tags.mapValues { .string($0) })])
    }
}
