import JMESPath

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
            var successful: [JSONValue] = []
            var failed: [JSONValue] = []
            for (id, message) in request.entries {
                do throws(AWSError) {
                    guard case .object(var result) = try send(message, to: queue, now: now, &changes) else { continue }
                    result["Id"] = .string(id)
                    successful.append(.object(result))
                } catch {
                    failed.append(BatchRules.failure(id: id, error))
                }
            }
            return ["Successful": .array(successful), "Failed": .array(failed)]
        }
    }

    func deleteMessageBatch(_ input: SQSInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let url = try input.requiredString("QueueUrl")
        let entries = try BatchRules.entries(input, entryName: "DeleteMessageBatchRequestEntry")
        return try withQueue(url, context) { (queue, _, changes) throws(AWSError) in
            var successful: [JSONValue] = []
            var failed: [JSONValue] = []
            for entry in entries {
                let id = try entry.string("Id") ?? ""
                do throws(AWSError) {
                    try delete(handle: try entry.requiredString("ReceiptHandle"), in: queue, &changes)
                    successful.append(["Id": .string(id)])
                } catch {
                    failed.append(BatchRules.failure(id: id, error))
                }
            }
            return ["Successful": .array(successful), "Failed": .array(failed)]
        }
    }

    func changeMessageVisibilityBatch(_ input: SQSInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let url = try input.requiredString("QueueUrl")
        let entries = try BatchRules.entries(input, entryName: "ChangeMessageVisibilityBatchRequestEntry")
        return try withQueue(url, context) { (queue, now, changes) throws(AWSError) in
            var successful: [JSONValue] = []
            var failed: [JSONValue] = []
            for entry in entries {
                let id = try entry.string("Id") ?? ""
                do throws(AWSError) {
                    guard let timeout = try entry.int("VisibilityTimeout") else {
                        throw SQSErrors.missingParameter("VisibilityTimeout")
                    }
                    try changeVisibility(handle: try entry.requiredString("ReceiptHandle"), timeout: timeout,
                                         in: queue, now: now, &changes)
                    successful.append(["Id": .string(id)])
                } catch {
                    failed.append(BatchRules.failure(id: id, error))
                }
            }
            return ["Successful": .array(successful), "Failed": .array(failed)]
        }
    }
}
