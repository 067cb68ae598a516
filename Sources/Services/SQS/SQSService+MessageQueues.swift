import EmulatorKit
import JSON

/// What SQS offers other services: polling and delivering through its own operations, so
/// visibility timeouts, receive counts, FIFO order and redrive behave as for any client.
extension SQSService: MessageQueues {
    public nonisolated func queueURL(arn: ARN) async -> String? {
        guard let queue = ARN.queue(arn.description) else { return nil }
        let context = RequestContext(account: queue.account, region: queue.region)
        let input: JSONValue = ["QueueName": .string(queue.resource), "QueueOwnerAWSAccountId": .string(queue.account)]
        guard case .object(let output)? = try? await handle(operation: "GetQueueUrl", input: input, context: context),
              case .string(let url)? = output["QueueUrl"] else { return nil }
        return url
    }

    public nonisolated func receive(queueURL: String, maximum: Int, waitSeconds: Int,
                                    context: RequestContext) async throws(AWSError) -> [JSONValue] {
        let request: JSONValue = ["QueueUrl": .string(queueURL), "MaxNumberOfMessages": .number(Double(maximum)),
                                  "WaitTimeSeconds": .number(Double(waitSeconds)),
                                  "AttributeNames": ["All"], "MessageAttributeNames": ["All"]]
        guard case .object(let output) = try await handle(operation: "ReceiveMessage", input: request, context: context),
              case .array(let messages)? = output["Messages"] else { return [] }
        return messages
    }

    public nonisolated func delete(queueURL: String, receiptHandles: [String], context: RequestContext) async throws(AWSError) {
        let entries: [JSONValue] = receiptHandles.enumerated().map { index, handle in
            ["Id": .string("m\(index)"), "ReceiptHandle": .string(handle)]
        }
        _ = try await handle(operation: "DeleteMessageBatch", input: ["QueueUrl": .string(queueURL), "Entries": .array(entries)],
                             context: context)
    }

    public nonisolated func send(queueURL: String, message: JSONValue, context: RequestContext) async throws(AWSError) -> JSONValue {
        guard case .object(var fields) = message else {
            throw SQSErrors.invalidParameterValue("The message must be a structure.")
        }
        fields["QueueUrl"] = .string(queueURL)
        return try await handle(operation: "SendMessage", input: .object(fields), context: context)
    }
}

extension SQSService {
    public nonisolated func deliver(queueArn: String, message: JSONValue, from caller: ServiceCaller) async -> DeliveryOutcome {
        guard let arn = ARN(queueArn), let url = await queueURL(arn: arn) else {
            return .failed("there is no queue \(queueArn)")
        }
        let context = RequestContext(account: arn.account, region: arn.region)
        let attributes = try? await handle(operation: "GetQueueAttributes",
                                           input: ["QueueUrl": .string(url), "AttributeNames": ["Policy"]], context: context)
        var policy: String?
        if case .object(let output)? = attributes, case .object(let values)? = output["Attributes"],
           case .string(let text)? = values["Policy"] { policy = text }
        if let refusal = ServiceCallerPolicy.refusal(policyText: policy, caller: caller, action: "sqs:SendMessage",
                                                     resource: queueArn, resourceKind: "queue") {
            return .refused(refusal)
        }
        do {
            let answer = try await send(queueURL: url, message: message, context: context)
            if case .object(let fields) = answer, case .string(let id)? = fields["MessageId"] { return .delivered(id) }
            return .delivered("")
        } catch {
            return .failed("\(error.code): \(error.message)")
        }
    }
}
