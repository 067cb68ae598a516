import EmulatorKit
import JSON

/// Tags on log groups, through both APIs: the ARN-based TagResource family and the older
/// name-based TagLogGroup family (AWS deprecated the latter but the CLI still offers it).
extension LogsService {
    static let maximumTags = 50

    /// The log group an ARN names (with or without the trailing `:*`).
    func taggedGroup(_ input: ServiceInput) throws(AWSError) -> LogGroup {
        let text = try input.requiredString("resourceArn")
        guard let arn = LogGroupArn(text) else { throw LogsErrors.resourceNotFound() }
        do {
            return try group(named: arn.name, account: arn.account, region: arn.region)
        } catch {
            throw LogsErrors.resourceNotFound()
        }
    }

    func addTags(_ tags: [String: String]?, to group: LogGroup) throws(AWSError) -> Outcome {
        var validation = LogsValidation()
        validation.tags(tags)
        try validation.check()
        let merged = group.tags.merging(tags ?? [:]) { _, new in new }
        if merged.count > Self.maximumTags { throw LogsErrors.tooManyTags() }
        group.tags = merged
        return Outcome(output: [:], ticket: store.commit([.saveGroup(.init(group))]))
    }

    func removeTags(_ keys: [String], from group: LogGroup) -> Outcome {
        for key in keys { group.tags[key] = nil }
        return Outcome(output: [:], ticket: store.commit([.saveGroup(.init(group))]))
    }

    func tagsOutput(_ group: LogGroup) -> Outcome {
        Outcome(output: ["tags": .object(group.tags.mapValues { .string($0) })])
    }

    func tagResource(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let tags = try input.stringMap("tags")
        return try addTags(tags, to: try taggedGroup(input))
    }

    func untagResource(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let keys = try input.stringList("tagKeys") ?? []
        return removeTags(keys, from: try taggedGroup(input))
    }

    func listTagsForResource(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        tagsOutput(try taggedGroup(input))
    }

    func namedGroup(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> LogGroup {
        let name = try input.requiredString("logGroupName")
        var validation = LogsValidation()
        validation.groupName(name)
        try validation.check()
        return try group(named: name, account: context.account, region: context.region)
    }

    func tagLogGroup(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let tags = try input.stringMap("tags")
        return try addTags(tags, to: try namedGroup(input, context))
    }

    /// UntagLogGroup's `tags` member is a list of keys.
    func untagLogGroup(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let keys = try input.stringList("tags") ?? []
        return removeTags(keys, from: try namedGroup(input, context))
    }

    func listTagsLogGroup(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        tagsOutput(try namedGroup(input, context))
    }
}
