import EmulatorKit
import Foundation
import JSON

/// SQS event source mappings: created only when the function's role may read the queue,
/// then polled: a batch is received, the function invoked with it, and on success the batch
/// (or, with ReportBatchItemFailures, all but the reported items) deleted. A failed batch is
/// left alone: SQS makes it visible again after its visibility timeout and, past the
/// queue's maxReceiveCount, moves it to the dead-letter queue — SQS's own rules, on the
/// virtual clock.
extension LambdaService {
    static let pollerActions = ["ReceiveMessage", "DeleteMessage", "GetQueueAttributes"]

    func createEventSourceMapping(_ input: ServiceInput, _ context: RequestContext) async throws(AWSError) -> JSONValue {
        let function = try function(input, context)
        let source = try input.requiredString("EventSourceArn")
        guard let queue = ARN.queue(source) else {
            throw LambdaErrors.invalidParameter("handson emulates event source mappings from SQS queues (arn:aws:sqs:…), not \(source)")
        }
        guard await queueURL(queue) != nil else {
            throw LambdaErrors.invalidParameter("Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist.")
        }
        if let existing = mappings.values.first(where: { $0.functionKey == function.key && $0.eventSourceArn == source }) {
            throw AWSError(code: "ResourceConflictException",
                           message: "An event source mapping with SQS arn (\" \(source) \") and function (\" \(function.name) \") already exists. Please update or delete the existing mapping with UUID \(existing.uuid)",
                           httpStatus: 409)
        }
        if let permissions {
            for action in Self.pollerActions {
                let decision = await permissions.decide(roleArn: function.role, action: "sqs:\(action)", resource: source, context: [:])
                guard decision.isAllowed else {
                    throw LambdaErrors.invalidParameter("The function execution role does not have permissions to call \(action) on SQS")
                }
            }
        }
        let batchSize = try input.int("BatchSize") ?? 10
        let window = try input.int("MaximumBatchingWindowInSeconds") ?? 0
        try Self.validateBatching(batchSize: batchSize, window: window)
        let mapping = EventSourceMapping(
            uuid: UUID().uuidString.lowercased(), functionKey: function.key, functionArn: function.arn, eventSourceArn: source,
            batchSize: batchSize, batchingWindow: window, enabled: try input.bool("Enabled") ?? true,
            reportBatchItemFailures: (try input.stringList("FunctionResponseTypes") ?? []).contains("ReportBatchItemFailures"),
            lastModified: now)
        mappings[mapping.uuid] = mapping
        try await durable(store.commit([LambdaStore.save(mapping)]))
        startPolling(mapping)
        return mapping.description(state: mapping.enabled ? "Creating" : "Disabled")
    }

    func mapping(_ input: ServiceInput) throws(AWSError) -> EventSourceMapping {
        let uuid = try input.requiredString("UUID")
        guard let mapping = mappings[uuid] else { throw LambdaErrors.mappingNotFound(uuid) }
        return mapping
    }

    func listEventSourceMappings(_ input: ServiceInput, _ context: RequestContext) -> JSONValue {
        var selected = mappings.values.sorted { $0.uuid < $1.uuid }
        if let reference = try? input.string("FunctionName") {
            let (account, region, name) = Self.parse(reference, context)
            selected = selected.filter { $0.functionKey == "\(account):\(region):\(name)" }
        }
        if let source = try? input.string("EventSourceArn") { selected = selected.filter { $0.eventSourceArn == source } }
        return ["EventSourceMappings": .array(selected.map { $0.description() })]
    }

    func updateEventSourceMapping(_ input: ServiceInput, _ context: RequestContext) async throws(AWSError) -> JSONValue {
        var mapping = try mapping(input)
        if let enabled = try input.bool("Enabled") { mapping.enabled = enabled }
        if let size = try input.int("BatchSize") { mapping.batchSize = size }
        if let window = try input.int("MaximumBatchingWindowInSeconds") { mapping.batchingWindow = window }
        if let types = try input.stringList("FunctionResponseTypes") { mapping.reportBatchItemFailures = types.contains("ReportBatchItemFailures") }
        if try input.string("FunctionName") != nil {
            let function = try function(input, context)
            mapping.functionKey = function.key
            mapping.functionArn = function.arn
        }
        try Self.validateBatching(batchSize: mapping.batchSize, window: mapping.batchingWindow)
        mapping.lastModified = now
        mappings[mapping.uuid] = mapping
        try await durable(store.commit([LambdaStore.save(mapping)]))
        pollers.removeValue(forKey: mapping.uuid)?.cancel()
        startPolling(mapping)
        return mapping.description(state: mapping.enabled ? "Updating" : "Disabling")
    }

    func deleteEventSourceMapping(_ input: ServiceInput) async throws(AWSError) -> JSONValue {
        let mapping = try mapping(input)
        mappings.removeValue(forKey: mapping.uuid)
        pollers.removeValue(forKey: mapping.uuid)?.cancel()
        try await durable(store.commit([.deleteMapping(uuid: mapping.uuid)]))
        return mapping.description(state: "Deleting")
    }

    static func validateBatching(batchSize: Int, window: Int) throws(AWSError) {
        guard (1...10_000).contains(batchSize) else {
            throw LambdaErrors.invalidParameter("1 validation error detected: Value '\(batchSize)' at 'batchSize' failed to satisfy constraint: Member must have value less than or equal to 10000")
        }
        guard (0...300).contains(window) else {
            throw LambdaErrors.invalidParameter("1 validation error detected: Value '\(window)' at 'maximumBatchingWindowInSeconds' failed to satisfy constraint: Member must have value less than or equal to 300")
        }
        if batchSize > 10 && window == 0 {
            throw LambdaErrors.invalidParameter("Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10")
        }
    }

    // MARK: Polling

    func startPolling(_ mapping: EventSourceMapping) {
        guard mapping.enabled, queues != nil else { return }
        let uuid = mapping.uuid
        pollers[uuid] = Task { [weak self] in
            while !Task.isCancelled {
                guard let self else { return }
                let worked = await self.pollOnce(uuid)
                if !worked { try? await Task.sleep(for: .milliseconds(200)) }
            }
        }
    }

    /// One receive-invoke-delete round; false when there was nothing to do.
    nonisolated func pollOnce(_ uuid: String) async -> Bool {
        guard let queues, let (mapping, function) = await current(uuid), let queue = ARN.queue(mapping.eventSourceArn),
              let url = await queueURL(queue) else { return false }
        let context = RequestContext(account: queue.account, region: queue.region)
        var messages: [JSONValue] = []
        // Long polls of one second keep a disabled or deleted mapping from holding messages.
        let deadline = Date().addingTimeInterval(Double(mapping.batchingWindow))
        repeat {
            let wanted = min(10, mapping.batchSize - messages.count)
            guard let batch = try? await queues.receive(queueURL: url, maximum: wanted, waitSeconds: 1, context: context),
                  !batch.isEmpty else { break }
            messages += batch
        } while messages.count < mapping.batchSize && Date() < deadline
        guard !messages.isEmpty else { return false }
        if Task.isCancelled { return true }  // left invisible: they come back after the visibility timeout

        let event: JSONValue = ["Records": .array(messages.map { Self.record($0, queue: queue) })]
        let result = await run(function, payload: event.jsonData())
        guard result.functionError == nil else { return true }
        var failed: Set<String> = []
        if mapping.reportBatchItemFailures, let response = try? JSONValue(jsonData: result.payload),
           case .array(let items)? = Self.field(response, "batchItemFailures") {
            for item in items { if case .string(let id)? = Self.field(item, "itemIdentifier") { failed.insert(id) } }
        }
        let done: [String] = messages.compactMap { message in
            guard case .string(let id)? = Self.field(message, "MessageId"), !failed.contains(id),
                  case .string(let handle)? = Self.field(message, "ReceiptHandle") else { return nil }
            return handle
        }
        for start in stride(from: 0, to: done.count, by: 10) {
            try? await queues.delete(queueURL: url, receiptHandles: Array(done[start..<min(start + 10, done.count)]), context: context)
        }
        return true
    }

    private func current(_ uuid: String) -> (EventSourceMapping, LambdaFunction)? {
        guard let mapping = mappings[uuid], mapping.enabled, let function = functions[mapping.functionKey] else { return nil }
        return (mapping, function)
    }

    nonisolated func queueURL(_ queue: ARN) async -> String? {
        await queues?.queueURL(arn: queue)
    }

    /// An SQS message as a Lambda event record.
    static func record(_ message: JSONValue, queue: ARN) -> JSONValue {
        var attributes: [String: JSONValue] = [:]
        if case .object(let fields)? = field(message, "Attributes") { attributes = fields }
        var messageAttributes: [String: JSONValue] = [:]
        if case .object(let fields)? = field(message, "MessageAttributes") {
            for (name, value) in fields {
                messageAttributes[name] = [
                    "stringValue": field(value, "StringValue") ?? .null, "binaryValue": field(value, "BinaryValue") ?? .null,
                    "stringListValues": [], "binaryListValues": [], "dataType": field(value, "DataType") ?? "String",
                ]
            }
        }
        return [
            "messageId": field(message, "MessageId") ?? .null, "receiptHandle": field(message, "ReceiptHandle") ?? .null,
            "body": field(message, "Body") ?? "", "attributes": .object(attributes), "messageAttributes": .object(messageAttributes),
            "md5OfBody": field(message, "MD5OfBody") ?? .null, "eventSource": "aws:sqs",
            "eventSourceARN": .string(queue.description), "awsRegion": .string(queue.region),
        ]
    }

    static func field(_ value: JSONValue, _ name: String) -> JSONValue? {
        if case .object(let fields) = value { return fields[name] }
        return nil
    }
}
