import EmulatorKit
import GRDB

/// This service's schema as named migrations. One is never edited once it has landed: a
/// change is a new, later-named migration appended here, so existing databases upgrade.
enum IAMMigrations {
    /// IAM and STS: roles (trust policy, inline policies and attached policy ARNs as
    /// JSON), customer managed policies with their versions, instance profiles, users,
    /// and the temporary credentials AssumeRole handed out. Names are unique per account
    /// whatever their case, so the key holds the lowercased name.
    static let all: [SchemaMigration] = [
        SchemaMigration("v1-iam") { db in
            try db.create(table: "iamRole") { t in
                t.column("account", .text).notNull()
                t.column("key", .text).notNull()
                t.column("name", .text).notNull()
                t.column("id", .text).notNull()
                t.column("path", .text).notNull()
                t.column("arn", .text).notNull()
                t.column("createdAt", .double).notNull()
                t.column("trustPolicy", .text).notNull()
                t.column("roleDescription", .text)
                t.column("maxSessionDuration", .integer).notNull()
                t.column("tags", .text).notNull()
                t.column("inlinePolicies", .text).notNull()
                t.column("attachedPolicies", .text).notNull()
                t.primaryKey(["account", "key"])
            }
            try db.create(table: "iamPolicy") { t in
                t.primaryKey("arn", .text)
                t.column("account", .text).notNull()
                t.column("name", .text).notNull()
                t.column("id", .text).notNull()
                t.column("path", .text).notNull()
                t.column("policyDescription", .text)
                t.column("createdAt", .double).notNull()
                t.column("updatedAt", .double).notNull()
                t.column("defaultVersionId", .text).notNull()
                t.column("nextVersion", .integer).notNull()
                t.column("tags", .text).notNull()
                t.column("versions", .text).notNull()
            }
            try db.create(table: "iamInstanceProfile") { t in
                t.column("account", .text).notNull()
                t.column("key", .text).notNull()
                t.column("name", .text).notNull()
                t.column("id", .text).notNull()
                t.column("path", .text).notNull()
                t.column("arn", .text).notNull()
                t.column("createdAt", .double).notNull()
                t.column("roles", .text).notNull()
                t.column("tags", .text).notNull()
                t.primaryKey(["account", "key"])
            }
            try db.create(table: "iamUser") { t in
                t.column("account", .text).notNull()
                t.column("key", .text).notNull()
                t.column("name", .text).notNull()
                t.column("id", .text).notNull()
                t.column("path", .text).notNull()
                t.column("arn", .text).notNull()
                t.column("createdAt", .double).notNull()
                t.column("tags", .text).notNull()
                t.column("attachedPolicies", .text).notNull()
                t.column("inlinePolicies", .text).notNull()
                t.primaryKey(["account", "key"])
            }
            try db.create(table: "stsSession") { t in
                t.primaryKey("accessKeyId", .text)
                t.column("account", .text).notNull()
                t.column("secretAccessKey", .text).notNull()
                t.column("sessionToken", .text).notNull()
                t.column("roleArn", .text).notNull()
                t.column("roleId", .text).notNull()
                t.column("roleName", .text).notNull()
                t.column("sessionName", .text).notNull()
                t.column("sourceArn", .text).notNull()
                t.column("createdAt", .double).notNull()
                t.column("expiresAt", .double).notNull()
            }
        },
    ]
}
