import EmulatorKit
import GRDB

// The IAM resources as the service holds them in memory and as rows in SQLite (GRDB
// stores the nested lists and maps as JSON text). Times are epoch seconds, whole seconds
// because IAM reports them without fractions.

struct IAMTag: Codable, Sendable, Equatable {
    var key: String
    var value: String
}

struct IAMRole: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "iamRole"
    var account: String
    /// The lowercased name: IAM names are unique whatever their case.
    var key: String
    var name: String
    var id: String
    var path: String
    var arn: String
    var createdAt: Double
    /// The trust policy exactly as submitted (IAM returns it as written, URL-encoded).
    var trustPolicy: String
    var roleDescription: String?
    var maxSessionDuration: Int
    var tags: [IAMTag]
    /// Inline policy name → document text.
    var inlinePolicies: [String: String]
    /// Attached managed policy ARNs, in attachment order.
    var attachedPolicies: [String]
}

struct IAMPolicyVersion: Codable, Sendable, Equatable {
    var versionId: String
    var document: String
    var createdAt: Double
}

/// A managed policy: customer managed ones are stored, AWS managed ones are built in.
struct IAMManagedPolicy: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "iamPolicy"
    var account: String
    var arn: String
    var name: String
    var id: String
    var path: String
    var policyDescription: String?
    var createdAt: Double
    var updatedAt: Double
    var defaultVersionId: String
    /// The number the next CreatePolicyVersion gets (IAM never reuses version ids).
    var nextVersion: Int
    var tags: [IAMTag]
    var versions: [IAMPolicyVersion]

    var isAWSManaged: Bool { account == "aws" }
    var defaultDocument: String { versions.first { $0.versionId == defaultVersionId }?.document ?? "{}" }
}

struct IAMInstanceProfile: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "iamInstanceProfile"
    var account: String
    /// The lowercased name: IAM names are unique whatever their case.
    var key: String
    var name: String
    var id: String
    var path: String
    var arn: String
    var createdAt: Double
    /// Role names (IAM allows at most one).
    var roles: [String]
    var tags: [IAMTag]
}

struct IAMUser: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "iamUser"
    var account: String
    /// The lowercased name: IAM names are unique whatever their case.
    var key: String
    var name: String
    var id: String
    var path: String
    var arn: String
    var createdAt: Double
    var tags: [IAMTag]
    var attachedPolicies: [String]
    var inlinePolicies: [String: String]
}

/// Temporary credentials handed out by AssumeRole; requests signed with the access key
/// act as the assumed role.
struct STSSession: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "stsSession"
    var accessKeyId: String
    var account: String
    var secretAccessKey: String
    var sessionToken: String
    var roleArn: String
    var roleId: String
    var roleName: String
    var sessionName: String
    /// Who assumed the role (an ARN).
    var sourceArn: String
    var createdAt: Double
    var expiresAt: Double

    /// `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION` (the role's path is not part of it).
    var assumedRoleArn: String { "arn:aws:sts::\(account):assumed-role/\(roleName)/\(sessionName)" }
    var assumedRoleId: String { "\(roleId):\(sessionName)" }
}

/// IAM names are unique per account whatever their case: lookups use the lowercased name.
struct IAMKey: Hashable, Sendable {
    var account: String
    var name: String

    init(_ account: String, _ name: String) {
        self.account = account
        self.name = name.lowercased()
    }
}
