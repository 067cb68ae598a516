import EmulatorKit
import GRDB

/// IAM's and STS's rows and the changes an operation makes to them. The service keeps
/// everything in memory and mirrors each operation's changes here as one group-committed
/// write; at start-up (and after a snapshot restore) it loads them back.
struct IAMStore: ServiceStore {
    let database: AppDatabase
    let lane = CommitLane(name: "iam")

    struct Snapshot: Sendable {
        var roles: [IAMRole] = []
        var policies: [IAMManagedPolicy] = []
        var instanceProfiles: [IAMInstanceProfile] = []
        var users: [IAMUser] = []
        var sessions: [STSSession] = []
    }

    enum Change: Sendable {
        case saveRole(IAMRole)
        case deleteRole(IAMKey)
        case savePolicy(IAMManagedPolicy)
        case deletePolicy(arn: String)
        case saveInstanceProfile(IAMInstanceProfile)
        case deleteInstanceProfile(IAMKey)
        case saveUser(IAMUser)
        case deleteUser(IAMKey)
        case saveSession(STSSession)
        case deleteEverything
    }

    static func apply(_ change: Change, _ db: Database) throws {
        switch change {
        case .saveRole(let role): try role.upsert(db)
        case .deleteRole(let key):
            try db.execute(sql: "DELETE FROM iamRole WHERE account = ? AND key = ?", arguments: [key.account, key.name])
        case .savePolicy(let policy): try policy.upsert(db)
        case .deletePolicy(let arn):
            try db.execute(sql: "DELETE FROM iamPolicy WHERE arn = ?", arguments: [arn])
        case .saveInstanceProfile(let profile): try profile.upsert(db)
        case .deleteInstanceProfile(let key):
            try db.execute(sql: "DELETE FROM iamInstanceProfile WHERE account = ? AND key = ?", arguments: [key.account, key.name])
        case .saveUser(let user): try user.upsert(db)
        case .deleteUser(let key):
            try db.execute(sql: "DELETE FROM iamUser WHERE account = ? AND key = ?", arguments: [key.account, key.name])
        case .saveSession(let session): try session.upsert(db)
        case .deleteEverything:
            for table in ["iamRole", "iamPolicy", "iamInstanceProfile", "iamUser", "stsSession"] {
                try db.execute(sql: "DELETE FROM \(table)")
            }
        }
    }

    func load() async throws -> Snapshot {
        try await database.read { db in
            Snapshot(roles: try IAMRole.fetchAll(db, sql: "SELECT * FROM iamRole"),
                     policies: try IAMManagedPolicy.fetchAll(db, sql: "SELECT * FROM iamPolicy"),
                     instanceProfiles: try IAMInstanceProfile.fetchAll(db, sql: "SELECT * FROM iamInstanceProfile"),
                     users: try IAMUser.fetchAll(db, sql: "SELECT * FROM iamUser"),
                     sessions: try STSSession.fetchAll(db, sql: "SELECT * FROM stsSession"))
        }
    }
}
