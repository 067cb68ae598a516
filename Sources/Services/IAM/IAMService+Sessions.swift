import EmulatorKit
import Foundation
import JSON

/// STS's logic, kept with IAM because a session belongs to a role: who is calling
/// (GetCallerIdentity) and AssumeRole, which checks the role's trust policy and hands out
/// temporary credentials the emulator recognises on later requests.
extension IAMService {
    /// Who signed a request. Any key the emulator did not issue is the account's root user,
    /// as the dummy keys labs use are meant to be.
    enum Caller {
        case root(account: String)
        case assumedRole(STSSession)
        case expired(STSSession)

        var arn: String {
            switch self {
            case .root(let account): "arn:aws:iam::\(account):root"
            case .assumedRole(let session), .expired(let session): session.assumedRoleArn
            }
        }
    }

    func caller(_ context: RequestContext) -> Caller {
        guard let key = context.accessKeyId, let session = sessions[key] else { return .root(account: context.account) }
        return session.expiresAt <= clock.now.timeIntervalSince1970 ? .expired(session) : .assumedRole(session)
    }

    /// The ARN a request signed with `accessKeyId` acts as: an assumed-role session's ARN,
    /// else the account's root user. For services that log or check their caller.
    public func callerArn(accessKeyId: String?, account: String) -> String {
        caller(RequestContext(account: account, region: "", accessKeyId: accessKeyId)).arn
    }

    func getCallerIdentity(_ context: RequestContext) throws(AWSError) -> JSONValue {
        switch caller(context) {
        case .root(let account):
            return ["UserId": .string(account), "Account": .string(account), "Arn": .string("arn:aws:iam::\(account):root")]
        case .assumedRole(let session):
            return ["UserId": .string(session.assumedRoleId), "Account": .string(session.account), "Arn": .string(session.assumedRoleArn)]
        case .expired:
            throw STSErrors.expiredToken()
        }
    }

    func assumeRole(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let roleArn = try input.requiredString("RoleArn")
        try IAMValidation.length(roleArn, member: "roleArn", min: 20, max: 2048)
        let sessionName = try input.requiredString("RoleSessionName")
        try IAMValidation.length(sessionName, member: "roleSessionName", min: 2, max: 64)
        if !sessionName.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_+=,.@-".unicodeScalars.contains($0)) }) {
            throw IAMErrors.validation(value: sessionName, member: "roleSessionName",
                                       constraint: "Member must satisfy regular expression pattern: [\\w+=,.@-]*")
        }
        let duration = try input.int("DurationSeconds") ?? 3600
        try IAMValidation.range(duration, member: "durationSeconds", min: 900, max: 43200)
        if let policy = try input.string("Policy") {
            do { _ = try PolicyParser.parse(policy, kind: .identity) } catch { throw STSErrors.malformedPolicyDocument(error.message) }
        }

        let who = caller(context)
        if case .expired = who { throw STSErrors.expiredToken() }
        guard let role = role(arn: roleArn), isAllowedToAssume(role, caller: who, input: input, context) else {
            throw STSErrors.accessDenied(caller: who.arn, roleArn: roleArn)
        }
        if duration > role.maxSessionDuration {
            throw IAMErrors.validationError("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")
        }
        if case .assumedRole = who, duration > 3600 {
            throw IAMErrors.validationError("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.")
        }

        let now = self.now
        let session = STSSession(
            accessKeyId: IAMIdentifiers.temporaryAccessKeyId(), account: role.account,
            secretAccessKey: IAMIdentifiers.secretAccessKey(), sessionToken: IAMIdentifiers.sessionToken(),
            roleArn: role.arn, roleId: role.id, roleName: role.name, sessionName: sessionName, sourceArn: who.arn,
            createdAt: now, expiresAt: now + Double(duration))
        sessions[session.accessKeyId] = session
        let output: JSONValue = [
            "Credentials": [
                "AccessKeyId": .string(session.accessKeyId),
                "SecretAccessKey": .string(session.secretAccessKey),
                "SessionToken": .string(session.sessionToken),
                "Expiration": .number(session.expiresAt),
            ],
            "AssumedRoleUser": [
                "AssumedRoleId": .string(session.assumedRoleId),
                "Arn": .string(session.assumedRoleArn),
            ],
        ]
        return Outcome(output: output, ticket: store.commit([.saveSession(session)]))
    }

    /// Same-account AssumeRole: the trust policy must allow the caller and not deny it. A
    /// policy naming the caller (or its role) is enough; one trusting only the account also
    /// needs the caller's own policies to allow `sts:AssumeRole` (the root user needs none).
    /// Unlike AWS, the root user may assume roles: the labs' dummy keys are root, and they
    /// stand for an administrator of the account.
    private func isAllowedToAssume(_ role: IAMRole, caller: Caller, input: ServiceInput, _ context: RequestContext) -> Bool {
        var policyContext = PolicyContext()
        policyContext.setDefault("sts:RoleSessionName", (try? input.string("RoleSessionName")) ?? "")
        if let externalId = try? input.string("ExternalId") { policyContext.setDefault("sts:ExternalId", externalId) }
        let identities: [String]
        let account: String
        var callerRole: IAMRole?
        switch caller {
        case .root(let rootAccount):
            identities = [caller.arn]
            account = rootAccount
            addGlobalKeys(&policyContext, principalArn: caller.arn, account: account, type: "Account")
        case .assumedRole(let session), .expired(let session):
            identities = [session.assumedRoleArn, session.roleArn]
            account = session.account
            callerRole = self.role(arn: session.roleArn)
            addGlobalKeys(&policyContext, principalArn: session.roleArn, account: account, type: "AssumedRole")
        }
        switch trustDecision(role, principal: .aws(arns: identities, account: nil), context: policyContext) {
        case .allowed: return trustDecision(role, principal: .aws(arns: identities, account: account), context: policyContext) != .explicitDeny
        case .explicitDeny: return false
        case .implicitDeny: break
        }
        guard trustDecision(role, principal: .aws(arns: identities, account: account), context: policyContext) == .allowed,
              account == role.account else { return false }
        guard let callerRole else { return true }  // the root user holds every permission
        let request = PolicyEvaluator.Request(action: "sts:AssumeRole", resource: role.arn, context: policyContext)
        return PolicyEvaluator.evaluate(policySources(callerRole), request).decision == .allowed
    }
}
