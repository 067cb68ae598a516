/// A parsed lab: its front matter, introduction and steps, each with source positions.
public struct Lab: Sendable {
    public var metadata: LabMetadata
    /// The path the lab was read from, as given (used in diagnostics).
    public var file: String
    /// Markdown before the first step (the lab's introduction).
    public var introduction: String
    public var steps: [Step]

    public init(metadata: LabMetadata, file: String, introduction: String, steps: [Step]) {
        self.metadata = metadata
        self.file = file
        self.introduction = introduction
        self.steps = steps
    }

    public var id: String { metadata.id }
    public var title: String { metadata.title }
}

public struct LabMetadata: Sendable, Hashable {
    public enum Level: String, Sendable, Hashable, CaseIterable { case beginner, intermediate, advanced }

    public var id: String
    public var title: String
    public var services: [String]
    public var level: Level
    public var minutes: Int
    public var lang: String
    public var format: Int

    public init(id: String, title: String, services: [String], level: Level, minutes: Int, lang: String, format: Int) {
        self.id = id
        self.title = title
        self.services = services
        self.level = level
        self.minutes = minutes
        self.lang = lang
        self.format = format
    }

    public static let currentFormat = 1

    /// The services a lab may name; each is (or will be) emulated.
    public static let knownServices: [String] = [
        "sqs", "sns", "lambda", "iam", "sts", "ec2", "ssm", "logs", "cloudwatch",
        "events", "ecs", "s3", "elbv2", "route53",
    ]
}
