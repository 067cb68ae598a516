import EmulatorKit
import Foundation
import JSON

/// Log groups: create (with tags and a KMS key id, stored only), delete, describe with a
/// prefix or a pattern and pagination, and the retention policy.
extension LogsService {
    static let logGroupClasses = ["STANDARD", "INFREQUENT_ACCESS", "DELIVERY"]

    func createLogGroup(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let name = try input.requiredString("logGroupName")
        // AWS checks the length apart from the other constraints, in its own words.
        if name.utf16.count > 512 {
            throw LogsErrors.invalidParameter("Invalid LogGroup or LogStream, both must have length less than or equal to 512.")
        }
        let tags = try input.stringMap("tags")
        let logGroupClass = try input.string("logGroupClass")
        var validation = LogsValidation()
        validation.groupName(name)
        validation.tags(tags)
        validation.oneOf(logGroupClass, Self.logGroupClasses, at: "logGroupClass")
        try validation.check()
        if let tags, tags.count > 50 { throw LogsErrors.tooManyTags() }

        let key = GroupKey(account: context.account, region: context.region, name: name)
        guard groups[key] == nil else { throw LogsErrors.groupExists() }
        let group = LogGroup(id: nextGroupId, account: context.account, region: context.region, name: name,
                             creationTime: now, kmsKeyId: try input.string("kmsKeyId"),
                             logGroupClass: logGroupClass ?? "STANDARD",
                             deletionProtectionEnabled: try input.bool("deletionProtectionEnabled") ?? false,
                             tags: tags ?? [:])
        nextGroupId += 1
        groups[key] = group
        return Outcome(output: [:], ticket: store.commit([.saveGroup(.init(group))]))
    }

    func deleteLogGroup(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let name = try input.requiredString("logGroupName")
        var validation = LogsValidation()
        validation.groupName(name)
        try validation.check()
        let group = try group(named: name, account: context.account, region: context.region)
        groups[GroupKey(account: group.account, region: group.region, name: group.name)] = nil
        return Outcome(output: [:], ticket: store.commit([.deleteGroup(id: group.id)]))
    }

    func describeLogGroups(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let prefix = try input.string("logGroupNamePrefix")
        let pattern = try input.string("logGroupNamePattern")
        let limit = try input.int("limit")
        let logGroupClass = try input.string("logGroupClass")
        let identifiers = try input.stringList("logGroupIdentifiers")
        var validation = LogsValidation()
        validation.groupName(prefix, at: "logGroupNamePrefix")
        validation.groupNamePattern(pattern)
        validation.limit(limit, max: 50)
        validation.oneOf(logGroupClass, Self.logGroupClasses, at: "logGroupClass")
        try validation.check()
        if prefix != nil, pattern != nil {
            throw LogsErrors.invalidParameter("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.")
        }
        // logGroupIdentifiers name groups by ARN (or name); they select exactly those.
        let named: Set<String>? = identifiers.map { Set($0.map { LogGroupArn($0)?.name ?? $0 }) }
        var after: String?
        if let token = try input.string("nextToken") {
            guard let name = Self.decodeNameToken(token) else { throw LogsErrors.invalidToken() }
            after = name
        }
        let loweredPattern = pattern?.lowercased()
        let matching = groups.values.filter { group in
            group.account == context.account && group.region == context.region
                && (prefix.map { group.name.hasPrefix($0) } ?? true)
                && (loweredPattern.map { $0.isEmpty || group.name.lowercased().contains($0) } ?? true)
                && (logGroupClass.map { group.logGroupClass == $0 } ?? true)
                && (named.map { $0.contains(group.name) } ?? true)
                && (after.map { group.name > $0 } ?? true)
        }.sorted { $0.name < $1.name }

        let page = matching.prefix(limit ?? 50)
        let now = self.now
        var changes: [LogsStore.Change] = []
        let described: [JSONValue] = page.map { group in
            touch(group, now: now, &changes)
            return describe(group)
        }
        var output: [String: JSONValue] = ["logGroups": .array(described)]
        if page.count < matching.count, let last = page.last {
            output["nextToken"] = .string(Self.encodeNameToken(last.name))
        }
        return Outcome(output: .object(output), ticket: store.commit(changes))
    }

    /// A group as DescribeLogGroups shows it.
    func describe(_ group: LogGroup) -> JSONValue {
        var fields: [String: JSONValue] = [
            "logGroupName": .string(group.name),
            "creationTime": .number(Double(group.creationTime)),
            "metricFilterCount": 0,
            "arn": .string(group.wildcardArn),
            "logGroupArn": .string(group.arn),
            "storedBytes": .number(Double(group.storedBytes)),
            "logGroupClass": .string(group.logGroupClass),
            "deletionProtectionEnabled": .bool(group.deletionProtectionEnabled),
        ]
        if let days = group.retentionInDays { fields["retentionInDays"] = .number(Double(days)) }
        if let key = group.kmsKeyId { fields["kmsKeyId"] = .string(key) }
        return .object(fields)
    }

    func putRetentionPolicy(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let name = try input.requiredString("logGroupName")
        guard let days = try input.int("retentionInDays") else {
            throw LogsErrors.constraint(nil, at: "retentionInDays", "Member must not be null")
        }
        var validation = LogsValidation()
        validation.groupName(name)
        validation.retention(days)
        try validation.check()
        let group = try group(named: name, account: context.account, region: context.region)
        group.retentionInDays = days
        var changes: [LogsStore.Change] = [.saveGroup(.init(group))]
        touch(group, now: now, &changes)
        return Outcome(output: [:], ticket: store.commit(changes))
    }

    func deleteRetentionPolicy(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let name = try input.requiredString("logGroupName")
        var validation = LogsValidation()
        validation.groupName(name)
        try validation.check()
        let group = try group(named: name, account: context.account, region: context.region)
        group.retentionInDays = nil
        return Outcome(output: [:], ticket: store.commit([.saveGroup(.init(group))]))
    }

    /// DescribeLogGroups' and DescribeLogStreams' nextToken: base64 of the last key returned.
    static func encodeNameToken(_ name: String) -> String {
        Data(("after:" + name).utf8).base64EncodedString()
    }

    static func decodeNameToken(_ token: String) -> String? {
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
              text.hasPrefix("after:")
        else { return nil }
        return String(text.dropFirst("after:".count))
    }
}
