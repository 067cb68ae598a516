import EmulatorKit
import Foundation

/// IAM as the emulator's permission authority: what other services ask (Lambda: may this
/// role receive from that queue? may lambda.amazonaws.com assume it?), answered by the one
/// `PolicyEvaluator` over the role's inline and attached policies or its trust policy.
extension IAMService: PermissionAuthority {
    public func decide(roleArn: String, action: String, resource: String, context: [String: String]) async -> PolicyDecision {
        guard let role = role(arn: roleArn) else { return .implicitDeny }
        var policyContext = PolicyContext(context)
        addGlobalKeys(&policyContext, principalArn: role.arn, account: role.account, type: "AssumedRole")
        let request = PolicyEvaluator.Request(action: action, resource: resource, context: policyContext)
        return PolicyEvaluator.evaluate(policySources(role), request).decision
    }

    public func trusts(roleArn: String, servicePrincipal: String) async -> Bool? {
        guard let role = role(arn: roleArn) else { return nil }
        var policyContext = PolicyContext()
        // A service assuming a role on the account's behalf says which account that is.
        policyContext.setDefault("aws:SourceAccount", role.account)
        addGlobalKeys(&policyContext, principalArn: nil, account: role.account, type: nil)
        return trustDecision(role, principal: .service(servicePrincipal), context: policyContext) == .allowed
    }

    /// The role's identity policies: inline ones first, then attached managed ones.
    func policySources(_ role: IAMRole) -> [PolicyEvaluator.Source] {
        var sources: [PolicyEvaluator.Source] = []
        for (name, text) in role.inlinePolicies.sorted(by: { $0.key < $1.key }) {
            if let document = parsed(text, kind: .identity) { sources.append(.init(document: document, id: name, type: "role")) }
        }
        sources += managedSources(role.attachedPolicies)
        return sources
    }

    func policySources(_ user: IAMUser) -> [PolicyEvaluator.Source] {
        var sources: [PolicyEvaluator.Source] = []
        for (name, text) in user.inlinePolicies.sorted(by: { $0.key < $1.key }) {
            if let document = parsed(text, kind: .identity) { sources.append(.init(document: document, id: name, type: "user")) }
        }
        return sources + managedSources(user.attachedPolicies)
    }

    private func managedSources(_ arns: [String]) -> [PolicyEvaluator.Source] {
        arns.compactMap { arn in
            guard let policy = managedPolicy(arn: arn), let document = parsed(policy.defaultDocument, kind: .identity) else { return nil }
            return .init(document: document, id: policy.name, type: policy.isAWSManaged ? "aws-managed" : "user-managed")
        }
    }

    /// The trust policy's verdict for a principal asking to assume the role.
    func trustDecision(_ role: IAMRole, principal: PolicyPrincipal, context: PolicyContext) -> PolicyDecision {
        guard let document = parsed(role.trustPolicy, kind: .trust) else { return .implicitDeny }
        let request = PolicyEvaluator.Request(action: "sts:AssumeRole", resource: role.arn, principal: principal, context: context)
        return PolicyEvaluator.evaluate([.init(document: document, id: role.name, type: "resource")], request).decision
    }

    /// Global condition keys every request carries.
    func addGlobalKeys(_ context: inout PolicyContext, principalArn: String?, account: String, type: String?) {
        let now = clock.now
        if let principalArn { context.setDefault("aws:PrincipalArn", principalArn) }
        if let type { context.setDefault("aws:PrincipalType", type) }
        context.setDefault("aws:PrincipalAccount", account)
        context.setDefault("aws:CurrentTime", ISO8601.string(now))
        context.setDefault("aws:EpochTime", String(Int(now.timeIntervalSince1970)))
        context.setDefault("aws:SecureTransport", "false")
    }

    /// Stored documents were validated when written; parsing them again is memoised.
    func parsed(_ text: String, kind: PolicyParser.Kind) -> PolicyDocument? {
        let key = "\(kind)\u{0}\(text)"
        if let document = parsedDocuments[key] { return document }
        guard let document = try? PolicyParser.parse(text, kind: kind) else { return nil }
        if parsedDocuments.count > 2000 { parsedDocuments.removeAll() }
        parsedDocuments[key] = document
        return document
    }
}
