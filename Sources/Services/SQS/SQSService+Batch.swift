import EmulatorKit
import JSON

/// The batch operations: 1–10 entries with distinct IDs; problems with the request as a
/// whole fail it, problems with one entry land in `Failed` while the others succeed.
extension SQSService {
    func sendMessageBatch(_ request: SendBatchRequest, _ context: RequestContext) throws(AWSError) -> Outcome {
        try withQueue(request.queueUrl, context) { (queue, now, changes) throws(AWSError) in
            if queue.isFIFO {
                for entry in request.entries where entry.message.error == nil {
                    if entry.message.groupId == nil {
                        throw SQSErrors.invalidParameterValue("The request must contain the parameter MessageGroupId.")
                    }
                    if entry.message.deduplicationId == nil, !queue.settings.contentBasedDeduplication {
                        throw SQSErrors.invalidParameterValue(
                            "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly")
                    }
                }
            }
            let total = request.totalSize
            if total > BatchRules.maximumPayload {
                throw SQSErrors.batchRequestTooLong(limit: BatchRules.maximumPayload, sent: total)
            }
            return BatchRules.collect(request.entries, id: \.id) { (entry) throws(AWSError) in
                guard case .object(let result) = try send(entry.message, to: queue, now: now, &changes) else { return [:] }
                return result
            }
        }
    }

    func deleteMessageBatch(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let url = try input.requiredString("QueueUrl")
        let entries = try BatchRules.entries(input, entryName: "DeleteMessageBatchRequestEntry")
        return try withQueue(url, context) { (queue, _, changes) throws(AWSError) in
            BatchRules.collect(entries, id: Self.entryId) { (entry) throws(AWSError) in
                try delete(handle: try entry.requiredString("ReceiptHandle"), in: queue, &changes)
                return [:]
            }
        }
    }

    func changeMessageVisibilityBatch(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let url = try input.requiredString("QueueUrl")
        let entries = try BatchRules.entries(input, entryName: "ChangeMessageVisibilityBatchRequestEntry")
        return try withQueue(url, context) { (queue, now, changes) throws(AWSError) in
            BatchRules.collect(entries, id: Self.entryId) { (entry) throws(AWSError) in
                guard let timeout = try entry.int("VisibilityTimeout") else {
                    throw SQSErrors.missingParameter("VisibilityTimeout")
                }
                try changeVisibility(handle: try entry.requiredString("ReceiptHandle"), timeout: timeout,
                                     in: queue, now: now, &changes)
                return [:]
            }
        }
    }

    /// Entry ids were validated by `BatchRules.entries`, so reading one cannot fail here.
    static func entryId(_ entry: ServiceInput) -> String { (try? entry.string("Id")) ?? "" }
}
