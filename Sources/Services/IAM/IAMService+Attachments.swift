import EmulatorKit
import JSON

/// Attaching managed policies to roles and users (at most ten each, as IAM's default quota).
extension IAMService {
    static let maxAttachedPolicies = 10

    func attachRolePolicy(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        var role = try role(named: try input.requiredString("RoleName"), context)
        let arn = try attachablePolicy(input)
        guard !role.attachedPolicies.contains(arn) else { return Outcome(output: .object([:])) }
        if role.attachedPolicies.count >= Self.maxAttachedPolicies {
            throw IAMErrors.limitExceeded("Cannot exceed quota for PoliciesPerRole: \(Self.maxAttachedPolicies)")
        }
        role.attachedPolicies.append(arn)
        return save(role)
    }

    func detachRolePolicy(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        var role = try role(named: try input.requiredString("RoleName"), context)
        let arn = try input.requiredString("PolicyArn")
        try validatePolicyArn(arn)
        guard role.attachedPolicies.contains(arn) else { throw IAMErrors.noSuchPolicy(arn) }
        role.attachedPolicies.removeAll { $0 == arn }
        return save(role)
    }

    func listAttachedRolePolicies(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let role = try role(named: try input.requiredString("RoleName"), context)
        return try attachedOutput(role.attachedPolicies, input)
    }

    func attachUserPolicy(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        var user = try user(named: try input.requiredString("UserName"), context)
        let arn = try attachablePolicy(input)
        guard !user.attachedPolicies.contains(arn) else { return Outcome(output: .object([:])) }
        if user.attachedPolicies.count >= Self.maxAttachedPolicies {
            throw IAMErrors.limitExceeded("Cannot exceed quota for PoliciesPerUser: \(Self.maxAttachedPolicies)")
        }
        user.attachedPolicies.append(arn)
        return save(user)
    }

    func detachUserPolicy(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        var user = try user(named: try input.requiredString("UserName"), context)
        let arn = try input.requiredString("PolicyArn")
        try validatePolicyArn(arn)
        guard user.attachedPolicies.contains(arn) else { throw IAMErrors.noSuchPolicy(arn) }
        user.attachedPolicies.removeAll { $0 == arn }
        return save(user)
    }

    func listAttachedUserPolicies(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let user = try user(named: try input.requiredString("UserName"), context)
        return try attachedOutput(user.attachedPolicies, input)
    }

    /// The `PolicyArn` of an existing managed policy.
    private func attachablePolicy(_ input: ServiceInput) throws(AWSError) -> String {
        let arn = try input.requiredString("PolicyArn")
        try validatePolicyArn(arn)
        guard managedPolicy(arn: arn) != nil else { throw IAMErrors.notAttachable(arn) }
        return arn
    }

    private func attachedOutput(_ arns: [String], _ input: ServiceInput) throws(AWSError) -> Outcome {
        let prefix = try input.string("PathPrefix") ?? "/"
        try IAMValidation.pathPrefix(prefix)
        let matching = arns.filter { (managedPolicy(arn: $0)?.path ?? "/").hasPrefix(prefix) }
        let page = try IAMPage(matching, key: { $0 }, input: input)
        let items = IAMOutput.attached(page.items) { self.managedPolicy(arn: $0)?.name ?? IAMArn($0)?.name ?? $0 }
        return Outcome(output: page.output(["AttachedPolicies": items]))
    }
}
