import EmulatorKit
import Foundation
import JSON

/// Queue attributes, and the access policy AddPermission/RemovePermission maintain.
extension SQSService {
    /// Every attribute as GetQueueAttributes with `All` returns it. The queue must have been
    /// touched first so the counts are current.
    func attributeValues(_ queue: SQSQueue) -> [String: String] {
        var values = queue.attributes
        values["QueueArn"] = queue.arn
        values["ApproximateNumberOfMessages"] = String(queue.visibleCount)
        values["ApproximateNumberOfMessagesNotVisible"] = String(queue.inFlightCount)
        values["ApproximateNumberOfMessagesDelayed"] = String(queue.delayedCount)
        values["CreatedTimestamp"] = String(Int64(queue.createdAt))
        values["LastModifiedTimestamp"] = String(Int64(queue.lastModifiedAt))
        return values
    }

    func getQueueAttributes(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let queue = try queue(url: try input.requiredString("QueueUrl"), context)
        let names = try input.stringList("AttributeNames") ?? []
        for name in names where name != "All"
            && !QueueAttributeRules.settable.contains(name) && !QueueAttributeRules.readOnly.contains(name) {
            throw SQSErrors.unknownAttribute(name)
        }
        guard !names.isEmpty else { return Outcome(output: [:]) }
        var changes: [SQSStore.Change] = []
        touch(queue, now: now, &changes)
        let all = attributeValues(queue)
        let selected = names.contains("All") ? all : all.filter { names.contains($0.key) }
        let output: JSONValue = selected.isEmpty ? [:] : ["Attributes": .object(selected.mapValues { .string($0) })]
        return Outcome(output: output, ticket: store.commit(changes))
    }

    func setQueueAttributes(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let queue = try queue(url: try input.requiredString("QueueUrl"), context)
        guard let requested = try input.stringMap("Attributes") else { throw SQSErrors.missingParameter("Attributes") }
        let changes = try QueueAttributeRules.normalize(requested, fifo: queue.isFIFO, creating: false)
        if let policy = changes["RedrivePolicy"], !policy.isEmpty {
            try validateDeadLetterTarget(policy, sourceArn: queue.arn, sourceIsFIFO: queue.isFIFO)
        }
        var values = queue.attributes
        QueueAttributeRules.apply(changes, to: &values)
        guard values != queue.attributes else { return Outcome(output: [:]) }
        queue.setAttributes(values)
        queue.lastModifiedAt = now.rounded(.down)
        // A shorter wait or a new redrive policy changes what waiting polls should do.
        wakeWaiters(queue)
        return Outcome(output: [:], ticket: store.commit([saveQueue(queue)]))
    }

    // MARK: Permissions

    static let permissionActions: Set<String> = [
        "*", "AddPermission", "CancelMessageMoveTask", "ChangeMessageVisibility", "ChangeMessageVisibilityBatch",
        "CreateQueue", "DeleteMessage", "DeleteMessageBatch", "DeleteQueue", "GetQueueAttributes", "GetQueueUrl",
        "ListDeadLetterSourceQueues", "ListMessageMoveTasks", "ListQueueTags", "ListQueues", "PurgeQueue",
        "ReceiveMessage", "RemovePermission", "SendMessage", "SendMessageBatch", "SetQueueAttributes",
        "StartMessageMoveTask", "TagQueue", "UntagQueue",
    ]

    /// Adds a statement `{Sid: label, Effect: Allow, Principal: {AWS: account roots},
    /// Action: SQS:…, Resource: queue ARN}` to the queue's Policy, creating the policy
    /// document SQS creates when there is none.
    func addPermission(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let queue = try queue(url: try input.requiredString("QueueUrl"), context)
        let label = try input.requiredString("Label")
        guard let accounts = try input.stringList("AWSAccountIds"), !accounts.isEmpty else {
            throw SQSErrors.missingParameter("AWSAccountIds")
        }
        guard let actions = try input.stringList("Actions"), !actions.isEmpty else {
            throw SQSErrors.missingParameter("Actions")
        }
        try Self.validateLabel(label)
        for action in actions where !Self.permissionActions.contains(action) {
            throw SQSErrors.invalidValue("SQS:\(action)", parameter: "ActionName",
                                         reason: "Please refer to the appropriate WSDL for a list of valid actions. ")
        }
        var document = policyDocument(queue)
        var statements = document.statements
        if statements.contains(where: { $0["Sid"] == .string(label) }) {
            throw SQSErrors.invalidValue(label, parameter: "Label", reason: "Already exists.")
        }
        let principals = accounts.map { JSONValue.string("arn:aws:iam::\($0):root") }
        let actionValues = actions.map { JSONValue.string("SQS:\($0)") }
        statements.append([
            "Sid": .string(label),
            "Effect": "Allow",
            "Principal": ["AWS": principals.count == 1 ? principals[0] : .array(principals)],
            "Action": actionValues.count == 1 ? actionValues[0] : .array(actionValues),
            "Resource": .string(queue.arn),
        ])
        document.statements = statements
        return savePolicy(document, of: queue)
    }

    func removePermission(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let queue = try queue(url: try input.requiredString("QueueUrl"), context)
        let label = try input.requiredString("Label")
        var document = policyDocument(queue)
        let remaining = document.statements.filter { $0["Sid"] != .string(label) }
        guard remaining.count < document.statements.count else {
            throw SQSErrors.invalidValue(label, parameter: "Label", reason: "can't find label.")
        }
        document.statements = remaining
        return savePolicy(document, of: queue)
    }

    static func validateLabel(_ label: String) throws(AWSError) {
        let valid = (1...80).contains(label.unicodeScalars.count) && label.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
        }
        if !valid {
            throw SQSErrors.invalidValue(label, parameter: "Label",
                                         reason: "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length")
        }
    }

    struct PolicyDocument {
        var fields: [String: JSONValue]
        var statements: [[String: JSONValue]] {
            get {
                switch fields["Statement"] {
                case .array(let elements)?: elements.compactMap { if case .object(let s) = $0 { s } else { nil } }
                case .object(let statement)?: [statement]
                default: []
                }
            }
            set { fields["Statement"] = .array(newValue.map { .object($0) }) }
        }
    }

    private func policyDocument(_ queue: SQSQueue) -> PolicyDocument {
        if let text = queue.attributes["Policy"], case .object(let fields)? = try? JSONValue(jsonString: text) {
            return PolicyDocument(fields: fields)
        }
        return PolicyDocument(fields: [
            "Version": "2008-10-17",
            "Id": .string("\(queue.arn)/SQSDefaultPolicy"),
            "Statement": [],
        ])
    }

    private func savePolicy(_ document: PolicyDocument, of queue: SQSQueue) -> Outcome {
        var values = queue.attributes
        values["Policy"] = document.statements.isEmpty ? nil : PolicyJSON.text(.object(document.fields))
        queue.setAttributes(values)
        queue.lastModifiedAt = now.rounded(.down)
        return Outcome(output: [:], ticket: store.commit([saveQueue(queue)]))
    }
}

/// Serialises policy documents with their keys in the order AWS writes them (Version, Id,
/// Statement; Sid, Effect, Principal, Action, Resource, Condition), other keys sorted after.
enum PolicyJSON {
    static let order = ["Version", "Id", "Statement", "Sid", "Effect", "Principal", "NotPrincipal",
                        "Action", "NotAction", "Resource", "NotResource", "Condition"]

    static func text(_ value: JSONValue) -> String {
        switch value {
        case .object(let members):
            let keys = members.keys.sorted { a, b in
                let ia = order.firstIndex(of: a) ?? order.count, ib = order.firstIndex(of: b) ?? order.count
                return ia != ib ? ia < ib : a < b
            }
            return "{" + keys.map { JSONValue.string($0).jsonText() + ":" + text(members[$0]!) }.joined(separator: ",") + "}"
        case .array(let elements):
            return "[" + elements.map(text).joined(separator: ",") + "]"
        default:
            return value.jsonText()
        }
    }
}
