import EmulatorKit
import Foundation
import JSON

/// AWS Identity and Access Management: roles with trust policies, managed (AWS and
/// customer) and inline policies, instance profiles, users, the policy simulator, and the
/// temporary credentials STS hands out (STS is a thin front on this actor, because an
/// assumed role's session and its role are one piece of state).
///
/// Like SQS: state in memory, every change mirrored to SQLite through the group-commit
/// writer, a request answered only once its change is committed. Every permission question
/// goes to the one `PolicyEvaluator`; other services ask through `PermissionAuthority`.
public actor IAMService: EmulatorService, DurableService {
    public nonisolated let name = "iam"

    let store: IAMStore
    let clock: VirtualClock

    var roles: [IAMKey: IAMRole] = [:]
    /// Customer managed policies by ARN.
    var policies: [String: IAMManagedPolicy] = [:]
    var instanceProfiles: [IAMKey: IAMInstanceProfile] = [:]
    var users: [IAMKey: IAMUser] = [:]
    /// AssumeRole sessions by access key id.
    var sessions: [String: STSSession] = [:]
    /// The AWS managed policies, by ARN: built in, never stored; built on first use (parsing
    /// their dates is a noticeable share of the emulator's start-up).
    var awsManaged: [String: IAMManagedPolicy] { Self.awsManagedPolicies }
    private static let awsManagedPolicies = builtInPolicies()
    /// Policy text → parsed document, so permission checks do not re-parse (see `parsed`).
    var parsedDocuments: [String: PolicyDocument] = [:]

    /// Opens the IAM state stored in `database` (empty for a new one).
    public init(database: AppDatabase, clock: VirtualClock) async throws {
        self.store = IAMStore(database: database)
        self.clock = clock
        restore(try await store.load())
        store.recoverByReloading(self)
    }

    // MARK: Requests

    public nonisolated func handle(operation: String, input: JSONValue, context: RequestContext) async throws(AWSError) -> JSONValue {
        let input = ServiceInput(input, style: IAMInputStyle())
        let outcome: Outcome
        switch operation {
        case "CreateRole": outcome = try await createRole(input, context)
        case "GetRole": outcome = try await getRole(input, context)
        case "ListRoles": outcome = try await listRoles(input, context)
        case "DeleteRole": outcome = try await deleteRole(input, context)
        case "UpdateRole": outcome = try await updateRole(input, context)
        case "UpdateAssumeRolePolicy": outcome = try await updateAssumeRolePolicy(input, context)
        case "TagRole": outcome = try await tagRole(input, context)
        case "UntagRole": outcome = try await untagRole(input, context)
        case "ListRoleTags": outcome = try await listRoleTags(input, context)
        case "CreatePolicy": outcome = try await createPolicy(input, context)
        case "GetPolicy": outcome = try await getPolicy(input, context)
        case "DeletePolicy": outcome = try await deletePolicy(input, context)
        case "ListPolicies": outcome = try await listPolicies(input, context)
        case "GetPolicyVersion": outcome = try await getPolicyVersion(input, context)
        case "CreatePolicyVersion": outcome = try await createPolicyVersion(input, context)
        case "ListPolicyVersions": outcome = try await listPolicyVersions(input, context)
        case "SetDefaultPolicyVersion": outcome = try await setDefaultPolicyVersion(input, context)
        case "DeletePolicyVersion": outcome = try await deletePolicyVersion(input, context)
        case "AttachRolePolicy": outcome = try await attachRolePolicy(input, context)
        case "DetachRolePolicy": outcome = try await detachRolePolicy(input, context)
        case "ListAttachedRolePolicies": outcome = try await listAttachedRolePolicies(input, context)
        case "PutRolePolicy": outcome = try await putRolePolicy(input, context)
        case "GetRolePolicy": outcome = try await getRolePolicy(input, context)
        case "ListRolePolicies": outcome = try await listRolePolicies(input, context)
        case "DeleteRolePolicy": outcome = try await deleteRolePolicy(input, context)
        case "CreateInstanceProfile": outcome = try await createInstanceProfile(input, context)
        case "GetInstanceProfile": outcome = try await getInstanceProfile(input, context)
        case "ListInstanceProfiles": outcome = try await listInstanceProfiles(input, context)
        case "ListInstanceProfilesForRole": outcome = try await listInstanceProfilesForRole(input, context)
        case "AddRoleToInstanceProfile": outcome = try await addRoleToInstanceProfile(input, context)
        case "RemoveRoleFromInstanceProfile": outcome = try await removeRoleFromInstanceProfile(input, context)
        case "DeleteInstanceProfile": outcome = try await deleteInstanceProfile(input, context)
        case "CreateUser": outcome = try await createUser(input, context)
        case "GetUser": outcome = try await getUser(input, context)
        case "ListUsers": outcome = try await listUsers(input, context)
        case "DeleteUser": outcome = try await deleteUser(input, context)
        case "AttachUserPolicy": outcome = try await attachUserPolicy(input, context)
        case "DetachUserPolicy": outcome = try await detachUserPolicy(input, context)
        case "ListAttachedUserPolicies": outcome = try await listAttachedUserPolicies(input, context)
        case "SimulatePrincipalPolicy": outcome = try await simulatePrincipalPolicy(input, context)
        case "SimulateCustomPolicy": outcome = try await simulateCustomPolicy(input, context)
        default: throw IAMErrors.invalidAction(operation)
        }
        return try await answer(outcome)
    }

    public nonisolated var database: AppDatabase { store.database }

    public nonisolated func storageFailure(_ message: String) -> AWSError { IAMErrors.serviceFailure(message) }

    public func reset() async throws {
        clear()
        try await store.commitAndWait([.deleteEverything])
    }

    public func reload() async throws {
        try await store.reload { snapshot in
            clear()
            restore(snapshot)
        }
    }

    // MARK: Shared helpers

    /// The virtual time in whole seconds: IAM reports dates without fractions.
    var now: Double { clock.now.timeIntervalSince1970.rounded(.down) }

    func role(named name: String, _ context: RequestContext) throws(AWSError) -> IAMRole {
        guard let role = roles[IAMKey(context.account, name)] else { throw IAMErrors.noSuchRole(name) }
        return role
    }

    /// The role an ARN names (its path included), if it exists.
    func role(arn: String) -> IAMRole? {
        guard let parsed = IAMArn(arn), parsed.type == "role",
              let role = roles[IAMKey(parsed.account, parsed.name)], role.arn == arn else { return nil }
        return role
    }

    func user(arn: String) -> IAMUser? {
        guard let parsed = IAMArn(arn), parsed.type == "user",
              let user = users[IAMKey(parsed.account, parsed.name)], user.arn == arn else { return nil }
        return user
    }

    /// An AWS managed or customer managed policy.
    func managedPolicy(arn: String) -> IAMManagedPolicy? {
        awsManaged[arn] ?? policies[arn]
    }

    /// How many roles and users a managed policy is attached to.
    func attachmentCount(_ arn: String) -> Int {
        roles.values.filter { $0.attachedPolicies.contains(arn) }.count + users.values.filter { $0.attachedPolicies.contains(arn) }.count
    }

    /// Parses an identity policy, mapping grammar errors to `MalformedPolicyDocument`.
    func identityPolicy(_ text: String) throws(AWSError) -> PolicyDocument {
        do {
            return try PolicyParser.parse(text, kind: .identity)
        } catch {
            throw IAMErrors.malformedPolicyDocument(error.message)
        }
    }

    /// Parses a trust policy; IAM also refuses principals naming roles or users of this
    /// account that do not exist.
    func trustPolicy(_ text: String, _ context: RequestContext) throws(AWSError) -> PolicyDocument {
        let document: PolicyDocument
        do {
            document = try PolicyParser.parse(text, kind: .trust)
        } catch {
            throw IAMErrors.malformedPolicyDocument(error.message)
        }
        for statement in document.statements {
            let set: PrincipalSet
            switch statement.principals {
            case .principal(let s)?, .notPrincipal(let s)?: set = s
            case nil: continue
            }
            for value in set.values(ofType: "AWS") {
                guard let arn = IAMArn(value), arn.account == context.account else { continue }
                let exists = switch arn.type {
                case "role": roles[IAMKey(arn.account, arn.name)] != nil
                case "user": users[IAMKey(arn.account, arn.name)] != nil
                default: true
                }
                if !exists { throw IAMErrors.malformedPolicyDocument("Invalid principal in policy: \"AWS\":\"\(value)\"") }
            }
        }
        return document
    }

    // MARK: Loading

    private func clear() {
        roles.removeAll()
        policies.removeAll()
        instanceProfiles.removeAll()
        users.removeAll()
        sessions.removeAll()
    }

    private func restore(_ snapshot: IAMStore.Snapshot) {
        for role in snapshot.roles { roles[IAMKey(role.account, role.name)] = role }
        for policy in snapshot.policies { policies[policy.arn] = policy }
        for profile in snapshot.instanceProfiles { instanceProfiles[IAMKey(profile.account, profile.name)] = profile }
        for user in snapshot.users { users[IAMKey(user.account, user.name)] = user }
        for session in snapshot.sessions { sessions[session.accessKeyId] = session }
    }

    private static func builtInPolicies() -> [String: IAMManagedPolicy] {
        var result: [String: IAMManagedPolicy] = [:]
        for data in AWSManagedPolicies.all {
            let arn = "arn:aws:iam::aws:policy\(data.path)\(data.name)"
            let created = ConditionEvaluator.epochSeconds(data.created) ?? 0
            let updated = ConditionEvaluator.epochSeconds(data.updated) ?? created
            result[arn] = IAMManagedPolicy(
                account: "aws", arn: arn, name: data.name, id: IAMIdentifiers.stableId(prefix: "ANPA", seed: arn),
                path: data.path, policyDescription: data.description, createdAt: created, updatedAt: updated,
                defaultVersionId: data.versionId, nextVersion: 0, tags: [],
                versions: [IAMPolicyVersion(versionId: data.versionId, document: data.document, createdAt: updated)])
        }
        return result
    }
}
