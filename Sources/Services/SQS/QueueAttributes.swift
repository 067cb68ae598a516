import EmulatorKit
import Foundation
import JSON

/// The queue attributes a caller can set, their ranges and their canonical spelling. A queue
/// keeps its settable attributes as the strings SQS returns ("30", "true", normalised JSON
/// policies); `QueueSettings` is the typed view the message logic reads.
enum QueueAttributeRules {
    static let settable: Set<String> = [
        "DelaySeconds", "MaximumMessageSize", "MessageRetentionPeriod", "Policy",
        "ReceiveMessageWaitTimeSeconds", "RedrivePolicy", "RedriveAllowPolicy", "VisibilityTimeout",
        "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled",
        "FifoQueue", "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit",
    ]
    static let readOnly: Set<String> = [
        "QueueArn", "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
        "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp", "LastModifiedTimestamp",
    ]
    static let fifoOnly: Set<String> = ["ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit"]

    static let integerRanges: [String: ClosedRange<Int>] = [
        "DelaySeconds": 0...900,
        "MaximumMessageSize": 1_024...1_048_576,
        "MessageRetentionPeriod": 60...1_209_600,
        "ReceiveMessageWaitTimeSeconds": 0...20,
        "VisibilityTimeout": 0...43_200,
        "KmsDataKeyReusePeriodSeconds": 60...86_400,
    ]

    static func defaults(fifo: Bool) -> [String: String] {
        var attributes = [
            "DelaySeconds": "0",
            "MaximumMessageSize": "1048576",
            "MessageRetentionPeriod": "345600",
            "ReceiveMessageWaitTimeSeconds": "0",
            "VisibilityTimeout": "30",
            "SqsManagedSseEnabled": "true",
        ]
        if fifo {
            attributes["FifoQueue"] = "true"
            attributes["ContentBasedDeduplication"] = "false"
            attributes["DeduplicationScope"] = "queue"
            attributes["FifoThroughputLimit"] = "perQueue"
        }
        return attributes
    }

    /// Validates requested attributes for a queue of the given kind and returns their
    /// canonical values; an empty string means "remove" (Policy, RedrivePolicy, …).
    /// Dead-letter targets are checked by the service, which knows the other queues.
    static func normalize(_ requested: [String: String], fifo: Bool, creating: Bool) throws(AWSError) -> [String: String] {
        var result: [String: String] = [:]
        for name in requested.keys.sorted() {
            let value = requested[name]!
            guard settable.contains(name) else { throw SQSErrors.unknownAttribute(name) }
            if !fifo && fifoOnly.contains(name) {
                if name == "ContentBasedDeduplication" { throw SQSErrors.unknownAttribute(name) }
                throw SQSErrors.invalidAttributeName("You can specify the \(name) only when FifoQueue is set to true.")
            }
            if let range = integerRanges[name] {
                guard let number = Int(value), range.contains(number) else { throw SQSErrors.invalidAttributeValue(name) }
                result[name] = String(number)
                continue
            }
            switch name {
            case "FifoQueue":
                guard let flag = boolean(value) else { throw SQSErrors.invalidAttributeValue(name) }
                if !creating {
                    if !fifo { throw SQSErrors.unknownAttribute(name) }
                    if !flag { throw SQSErrors.invalidAttributeValue(name, reason: "Modifying queue type is not supported.") }
                }
                result[name] = flag ? "true" : "false"
            case "ContentBasedDeduplication", "SqsManagedSseEnabled":
                guard let flag = boolean(value) else { throw SQSErrors.invalidAttributeValue(name) }
                result[name] = flag ? "true" : "false"
            case "DeduplicationScope":
                guard ["messageGroup", "queue"].contains(value) else { throw SQSErrors.invalidAttributeValue(name) }
                result[name] = value
            case "FifoThroughputLimit":
                guard ["perQueue", "perMessageGroupId"].contains(value) else { throw SQSErrors.invalidAttributeValue(name) }
                result[name] = value
            case "Policy":
                if value.isEmpty { result[name] = ""; continue }
                guard let document = try? JSONValue(jsonString: value), case .object = document else {
                    throw SQSErrors.invalidAttributeValue(name)
                }
                result[name] = value
            case "RedrivePolicy":
                result[name] = value.isEmpty ? "" : try parseRedrivePolicy(value).canonical
            case "RedriveAllowPolicy":
                result[name] = value.isEmpty ? "" : try parseRedriveAllowPolicy(value).canonical
            case "KmsMasterKeyId":
                result[name] = value
            default:
                result[name] = value
            }
        }
        if result["KmsMasterKeyId"].map({ !$0.isEmpty }) == true, result["SqsManagedSseEnabled"] == "true" {
            throw SQSErrors.invalidAttributeName(
                "You can use one type of server-side encryption (SSE) at one time. You can either enable KMS SSE or SQS SSE.")
        }
        return result
    }

    /// Applies canonical values to a queue's attribute map, keeping the SSE settings
    /// consistent: KMS and SQS-managed encryption exclude each other.
    static func apply(_ changes: [String: String], to attributes: inout [String: String]) {
        for (name, value) in changes {
            if value.isEmpty, ["Policy", "RedrivePolicy", "RedriveAllowPolicy", "KmsMasterKeyId"].contains(name) {
                attributes[name] = nil
            } else {
                attributes[name] = value
            }
        }
        if let key = changes["KmsMasterKeyId"], !key.isEmpty {
            attributes["SqsManagedSseEnabled"] = "false"
            if attributes["KmsDataKeyReusePeriodSeconds"] == nil { attributes["KmsDataKeyReusePeriodSeconds"] = "300" }
        } else if changes["SqsManagedSseEnabled"] == "true" {
            attributes["KmsMasterKeyId"] = nil
            attributes["KmsDataKeyReusePeriodSeconds"] = nil
        }
        if attributes["KmsMasterKeyId"] == nil, changes["KmsMasterKeyId"] != nil {
            attributes["KmsDataKeyReusePeriodSeconds"] = nil
        }
    }

    static func boolean(_ value: String) -> Bool? {
        switch value.lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }

    static func parseRedrivePolicy(_ raw: String) throws(AWSError) -> RedrivePolicy {
        func invalid(_ reason: String) -> AWSError { SQSErrors.invalidValue(raw, parameter: "RedrivePolicy", reason: reason) }
        guard let document = try? JSONValue(jsonString: raw), case .object(let fields) = document else {
            throw invalid("Redrive policy is not a valid JSON map.")
        }
        for key in fields.keys where key != "deadLetterTargetArn" && key != "maxReceiveCount" {
            throw invalid("Only following attributes are supported: [deadLetterTargetArn, maxReceiveCount].")
        }
        guard let countValue = fields["maxReceiveCount"] else {
            throw invalid("Redrive policy does not contain mandatory attribute: maxReceiveCount.")
        }
        guard let arnValue = fields["deadLetterTargetArn"] else {
            throw invalid("Redrive policy does not contain mandatory attribute: deadLetterTargetArn.")
        }
        guard case .string(let arn) = arnValue, ARN.queue(arn) != nil else {
            throw invalid("Invalid value for deadLetterTargetArn.")
        }
        let count: Int?
        switch countValue {
        case .number(let number) where number == number.rounded() && abs(number) < 1e9: count = Int(number)
        case .string(let text): count = Int(text)
        default: count = nil
        }
        guard let count, (1...1000).contains(count) else {
            throw invalid("Invalid value for maxReceiveCount: \(countValue.textValue), valid values are from 1 to 1000 both inclusive.")
        }
        return RedrivePolicy(deadLetterTargetArn: arn, maxReceiveCount: count)
    }

    static func parseRedriveAllowPolicy(_ raw: String) throws(AWSError) -> RedriveAllowPolicy {
        func invalid(_ reason: String) -> AWSError { SQSErrors.invalidAttributeValue("RedriveAllowPolicy", reason: reason) }
        guard let document = try? JSONValue(jsonString: raw), case .object(let fields) = document else {
            throw invalid("Redrive allow policy is not a valid JSON map.")
        }
        for key in fields.keys where key != "redrivePermission" && key != "sourceQueueArns" {
            throw invalid("Only following attributes are supported: [redrivePermission, sourceQueueArns].")
        }
        guard case .string(let permissionText)? = fields["redrivePermission"],
              let permission = RedriveAllowPolicy.Permission(rawValue: permissionText) else {
            throw invalid("redrivePermission must be one of allowAll, denyAll, byQueue.")
        }
        var arns: [String] = []
        if let value = fields["sourceQueueArns"] {
            guard case .array(let elements) = value else { throw invalid("sourceQueueArns must be a list of queue ARNs.") }
            for element in elements {
                guard case .string(let arn) = element, ARN.queue(arn) != nil else {
                    throw invalid("sourceQueueArns must be a list of queue ARNs.")
                }
                arns.append(arn)
            }
        }
        switch permission {
        case .byQueue:
            if arns.isEmpty { throw invalid("sourceQueueArns must be specified when redrivePermission is byQueue.") }
            if arns.count > 10 { throw invalid("sourceQueueArns can contain at most 10 queue ARNs.") }
        case .allowAll, .denyAll:
            if fields["sourceQueueArns"] != nil {
                throw invalid("sourceQueueArns can be specified only when redrivePermission is byQueue.")
            }
        }
        return RedriveAllowPolicy(permission: permission, sourceQueueArns: arns)
    }
}

/// `{"deadLetterTargetArn": …, "maxReceiveCount": …}`: after that many receives a message
/// moves to the dead-letter queue.
struct RedrivePolicy: Equatable, Sendable {
    var deadLetterTargetArn: String
    var maxReceiveCount: Int

    /// SQS returns the policy re-serialised, with the count as a number.
    var canonical: String {
        "{\"deadLetterTargetArn\":\(JSONValue.string(deadLetterTargetArn).jsonText()),\"maxReceiveCount\":\(maxReceiveCount)}"
    }
}

/// Which source queues may use this queue as their dead-letter queue.
struct RedriveAllowPolicy: Equatable, Sendable {
    enum Permission: String, Sendable { case allowAll, denyAll, byQueue }
    var permission: Permission
    var sourceQueueArns: [String]

    var canonical: String {
        var text = "{\"redrivePermission\":\"\(permission.rawValue)\""
        if permission == .byQueue {
            text += ",\"sourceQueueArns\":" + JSONValue.array(sourceQueueArns.map { .string($0) }).jsonText()
        }
        return text + "}"
    }

    func allows(sourceArn: String) -> Bool {
        switch permission {
        case .allowAll: true
        case .denyAll: false
        case .byQueue: sourceQueueArns.contains(sourceArn)
        }
    }
}

/// The typed view of a queue's attributes that sending and receiving read.
struct QueueSettings: Sendable {
    var delaySeconds = 0
    var maximumMessageSize = 1_048_576
    var messageRetentionPeriod = 345_600
    var receiveMessageWaitTimeSeconds = 0
    var visibilityTimeout = 30
    var redrivePolicy: RedrivePolicy?
    var redriveAllowPolicy: RedriveAllowPolicy?
    var contentBasedDeduplication = false
    var deduplicationScopeIsMessageGroup = false

    init(attributes: [String: String]) {
        func int(_ name: String, _ fallback: Int) -> Int { attributes[name].flatMap { Int($0) } ?? fallback }
        delaySeconds = int("DelaySeconds", 0)
        maximumMessageSize = int("MaximumMessageSize", 1_048_576)
        messageRetentionPeriod = int("MessageRetentionPeriod", 345_600)
        receiveMessageWaitTimeSeconds = int("ReceiveMessageWaitTimeSeconds", 0)
        visibilityTimeout = int("VisibilityTimeout", 30)
        redrivePolicy = attributes["RedrivePolicy"].flatMap { try? QueueAttributeRules.parseRedrivePolicy($0) }
        redriveAllowPolicy = attributes["RedriveAllowPolicy"].flatMap { try? QueueAttributeRules.parseRedriveAllowPolicy($0) }
        contentBasedDeduplication = attributes["ContentBasedDeduplication"] == "true"
        deduplicationScopeIsMessageGroup = attributes["DeduplicationScope"] == "messageGroup"
    }
}

extension JSONValue {
    /// A scalar as text (strings without quotes), for error messages.
    var textValue: String {
        if case .string(let text) = self { return text }
        return jsonText()
    }
}
