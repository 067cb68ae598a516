import EmulatorKit
import Foundation
import JSON

/// A message to send, parsed, validated and digested outside the actor (the costly part of
/// a send: character checks and MD5 over the body). Problems are kept, not thrown, so the
/// service can first report a missing queue and so a batch can fail entries one by one.
struct PreparedMessage: Sendable {
    var body = ""
    var delaySeconds: Int?
    var attributes: [MessageAttribute] = []
    var systemAttributes: [MessageAttribute] = []
    var deduplicationId: String?
    var groupId: String?
    var md5OfBody = ""
    var md5OfMessageAttributes: String?
    var md5OfMessageSystemAttributes: String?
    var attributesJSON: String?
    /// Body plus attribute bytes, what MaximumMessageSize limits.
    var size = 0
    var senderId: String
    var error: AWSError?

    init(_ input: ServiceInput, senderId: String) {
        self.senderId = senderId
        do throws(AWSError) {
            try parse(input)
        } catch {
            self.error = error
        }
    }

    private mutating func parse(_ input: ServiceInput) throws(AWSError) {
        guard let body = try input.string("MessageBody"), !body.isEmpty else {
            throw SQSErrors.missingParameter("MessageBody")
        }
        self.body = body
        delaySeconds = try input.int("DelaySeconds")
        if let delay = delaySeconds, !(0...900).contains(delay) {
            throw SQSErrors.invalidValue(String(delay), parameter: "DelaySeconds",
                                         reason: "DelaySeconds must be >= 0 and <= 900.")
        }
        attributes = try MessageAttributeParser.parse(try input.objectMap("MessageAttributes"))
        systemAttributes = try MessageAttributeParser.parseSystem(try input.objectMap("MessageSystemAttributes"))
        guard MessageBody.hasOnlyValidCharacters(body) else { throw SQSErrors.invalidMessageContents() }
        groupId = try input.string("MessageGroupId")
        deduplicationId = try input.string("MessageDeduplicationId")
        if let groupId { try Self.validateFIFOIdentifier(groupId, parameter: "MessageGroupId") }
        if let deduplicationId { try Self.validateFIFOIdentifier(deduplicationId, parameter: "MessageDeduplicationId") }

        md5OfBody = MessageAttributesMD5.body(body)
        md5OfMessageAttributes = MessageAttributesMD5.attributes(attributes)
        md5OfMessageSystemAttributes = MessageAttributesMD5.attributes(systemAttributes)
        attributesJSON = attributes.isEmpty ? nil : MessageAttributeParser.json(attributes).jsonText(sortedKeys: false)
        size = body.utf8.count + attributes.reduce(0) { $0 + $1.value.size(name: $1.name) }
    }

    /// Group, deduplication and receive-attempt IDs: 1–128 alphanumeric or punctuation characters.
    static func validateFIFOIdentifier(_ value: String, parameter: String) throws(AWSError) {
        let valid = (1...128).contains(value.unicodeScalars.count) && value.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains(scalar))
        }
        if !valid {
            throw SQSErrors.invalidValue(value, parameter: parameter,
                                         reason: "\(parameter) can only include alphanumeric and punctuation characters. 1 to 128 in length.")
        }
    }
}

/// Checks every batch makes before looking at its entries: 1–10 entries with distinct,
/// well-formed IDs.
enum BatchRules {
    static let maximumEntries = 10
    /// SendMessageBatch's limit on the sum of its messages.
    static let maximumPayload = 1_048_576

    static func entries(_ input: ServiceInput, entryName: String) throws(AWSError) -> [ServiceInput] {
        let entries = try input.objectList("Entries") ?? []
        if entries.isEmpty { throw SQSErrors.emptyBatchRequest(entry: entryName) }
        if entries.count > maximumEntries { throw SQSErrors.tooManyEntriesInBatchRequest(entries.count) }
        var seen: Set<String> = []
        for entry in entries {
            let id = try entry.string("Id") ?? ""
            guard isValidId(id) else { throw SQSErrors.invalidBatchEntryId() }
            guard seen.insert(id).inserted else { throw SQSErrors.batchEntryIdsNotDistinct(id) }
        }
        return entries
    }

    static func isValidId(_ id: String) -> Bool {
        (1...80).contains(id.unicodeScalars.count) && id.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
        }
    }

    /// Runs `body` for each entry: its result (plus the entry's `Id`) lands in `Successful`,
    /// its error in `Failed`, so one bad entry never fails the others.
    static func collect<Entry>(_ entries: [Entry], id: (Entry) -> String,
                               _ body: (Entry) throws(AWSError) -> [String: JSONValue]) -> JSONValue {
        var successful: [JSONValue] = []
        var failed: [JSONValue] = []
        for entry in entries {
            do throws(AWSError) {
                var result = try body(entry)
                result["Id"] = .string(id(entry))
                successful.append(.object(result))
            } catch {
                failed.append(failure(id: id(entry), error))
            }
        }
        return ["Successful": .array(successful), "Failed": .array(failed)]
    }

    static func failure(id: String, _ error: AWSError) -> JSONValue {
        ["Id": .string(id), "SenderFault": .bool(error.senderFault),
         "Code": .string(error.queryCode ?? error.code), "Message": .string(error.message)]
    }
}

struct SendBatchRequest: Sendable {
    var queueUrl: String
    var entries: [(id: String, message: PreparedMessage)]

    init(_ input: ServiceInput, senderId: String) throws(AWSError) {
        queueUrl = try input.requiredString("QueueUrl")
        entries = []
        for entry in try BatchRules.entries(input, entryName: "SendMessageBatchRequestEntry") {
            entries.append((try entry.string("Id") ?? "", PreparedMessage(entry, senderId: senderId)))
        }
    }

    var totalSize: Int { entries.reduce(0) { $0 + $1.message.size } }
}

/// ReceiveMessage's parameters, validated.
struct ReceiveRequest: Sendable {
    var queueUrl: String
    var maximumMessages = 1
    var visibilityTimeout: Int?
    var waitTimeSeconds: Int?
    var systemAttributeNames: Set<String> = []
    var messageAttributeNames: [String] = []
    var attemptId: String?

    init(_ input: ServiceInput) throws(AWSError) {
        queueUrl = try input.requiredString("QueueUrl")
        if let maximum = try input.int("MaxNumberOfMessages") {
            guard (1...10).contains(maximum) else {
                throw SQSErrors.invalidValue(String(maximum), parameter: "MaxNumberOfMessages",
                                             reason: "Must be between 1 and 10, if provided.")
            }
            maximumMessages = maximum
        }
        if let timeout = try input.int("VisibilityTimeout") {
            guard (0...43_200).contains(timeout) else {
                throw SQSErrors.invalidValue(String(timeout), parameter: "VisibilityTimeout",
                                             reason: "Must be >= 0 and <= 43200, if provided.")
            }
            visibilityTimeout = timeout
        }
        if let wait = try input.int("WaitTimeSeconds") {
            guard (0...20).contains(wait) else {
                throw SQSErrors.invalidValue(String(wait), parameter: "WaitTimeSeconds",
                                             reason: "Must be >= 0 and <= 20, if provided.")
            }
            waitTimeSeconds = wait
        }
        systemAttributeNames = Set(try input.stringList("AttributeNames") ?? [])
            .union(try input.stringList("MessageSystemAttributeNames") ?? [])
        messageAttributeNames = try input.stringList("MessageAttributeNames") ?? []
        attemptId = try input.string("ReceiveRequestAttemptId")
        if let attemptId { try PreparedMessage.validateFIFOIdentifier(attemptId, parameter: "ReceiveRequestAttemptId") }
    }

    /// The message system attributes to return.
    func wantsSystemAttribute(_ name: String) -> Bool {
        systemAttributeNames.contains("All") || systemAttributeNames.contains(name)
    }

    /// `All`, `.*`, a `prefix.*` or an exact name select message attributes.
    func wantsMessageAttribute(_ name: String) -> Bool {
        for filter in messageAttributeNames {
            if filter == "All" || filter == ".*" || filter == "*" || filter == name { return true }
            if filter.hasSuffix(".*"), name.hasPrefix(String(filter.dropLast(2))) { return true }
        }
        return false
    }
}
