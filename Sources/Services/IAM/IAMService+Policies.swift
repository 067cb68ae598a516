import EmulatorKit
import JSON

/// Managed policies: customer managed ones with up to five versions, and the built-in AWS
/// managed ones, which can be read and attached but not changed.
extension IAMService {
    static let maxPolicyVersions = 5

    func createPolicy(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let name = try input.requiredString("PolicyName")
        try IAMValidation.name(name, member: "policyName", max: 128)
        let path = try input.string("Path") ?? "/"
        try IAMValidation.path(path)
        let document = try input.requiredString("PolicyDocument")
        let description = try input.string("Description")
        if let description { try IAMValidation.length(description, member: "description", min: 0, max: 1000) }
        let tags = try IAMValidation.tags(input)
        if policies.values.contains(where: { $0.account == context.account && $0.name.lowercased() == name.lowercased() }) {
            throw IAMErrors.entityAlreadyExists("A policy called \(name) already exists. Duplicate names are not allowed.")
        }
        _ = try identityPolicy(document)
        let now = self.now
        let policy = IAMManagedPolicy(
            account: context.account, arn: IAMIdentifiers.arn(account: context.account, type: "policy", path: path, name: name),
            name: name, id: IAMIdentifiers.uniqueId(prefix: "ANPA"), path: path, policyDescription: description,
            createdAt: now, updatedAt: now, defaultVersionId: "v1", nextVersion: 2, tags: tags,
            versions: [IAMPolicyVersion(versionId: "v1", document: document, createdAt: now)])
        policies[policy.arn] = policy
        var output = IAMOutput.policy(policy, attachmentCount: 0, detail: false)
        if !tags.isEmpty, case .object(var fields) = output {
            fields["Tags"] = IAMOutput.tags(tags)
            output = .object(fields)
        }
        return Outcome(output: ["Policy": output], ticket: store.commit([.savePolicy(policy)]))
    }

    func getPolicy(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let policy = try existingPolicy(input)
        return Outcome(output: ["Policy": IAMOutput.policy(policy, attachmentCount: attachmentCount(policy.arn), detail: true)])
    }

    func deletePolicy(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let policy = try customerPolicy(input)
        if attachmentCount(policy.arn) > 0 { throw IAMErrors.deleteConflict("Cannot delete a policy attached to entities.") }
        if policy.versions.count > 1 {
            throw IAMErrors.deleteConflict("This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.")
        }
        policies[policy.arn] = nil
        return Outcome(output: .object([:]), ticket: store.commit([.deletePolicy(arn: policy.arn)]))
    }

    /// `Scope` All (default), AWS (built-in) or Local (customer managed); `OnlyAttached`;
    /// `PathPrefix`. Sorted by name, as IAM lists them.
    func listPolicies(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let scope = try input.string("Scope") ?? "All"
        guard ["All", "AWS", "Local"].contains(scope) else {
            throw IAMErrors.validation(value: scope, member: "scope", constraint: "Member must satisfy enum value set: [All, AWS, Local]")
        }
        let prefix = try input.string("PathPrefix") ?? "/"
        try IAMValidation.pathPrefix(prefix)
        let onlyAttached = try input.bool("OnlyAttached") ?? false
        var candidates: [IAMManagedPolicy] = []
        if scope != "Local" { candidates += awsManaged.values }
        if scope != "AWS" { candidates += policies.values.filter { $0.account == context.account } }
        let counted = candidates
            .filter { $0.path.hasPrefix(prefix) }
            .map { ($0, attachmentCount($0.arn)) }
            .filter { !onlyAttached || $0.1 > 0 }
            .sorted { ($0.0.name.lowercased(), $0.0.arn) < ($1.0.name.lowercased(), $1.0.arn) }
        let page = try IAMPage(counted, key: { $0.0.name.lowercased() + "|" + $0.0.arn }, input: input)
        let items = page.items.map { IAMOutput.policy($0.0, attachmentCount: $0.1, detail: false) }
        return Outcome(output: page.output(["Policies": .array(items)]))
    }

    func getPolicyVersion(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let policy = try existingPolicy(input)
        let versionId = try input.requiredString("VersionId")
        guard let version = policy.versions.first(where: { $0.versionId == versionId }) else {
            throw IAMErrors.noSuchEntity("Policy \(policy.arn) version \(versionId) does not exist or is not attachable.")
        }
        return Outcome(output: ["PolicyVersion": IAMOutput.version(version, defaultId: policy.defaultVersionId, withDocument: true)])
    }

    func createPolicyVersion(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        var policy = try customerPolicy(input)
        let document = try input.requiredString("PolicyDocument")
        _ = try identityPolicy(document)
        if policy.versions.count >= Self.maxPolicyVersions {
            throw IAMErrors.limitExceeded("A managed policy can have up to \(Self.maxPolicyVersions) versions. Before you create a new version, you must delete an existing version.")
        }
        let version = IAMPolicyVersion(versionId: "v\(policy.nextVersion)", document: document, createdAt: now)
        policy.nextVersion += 1
        policy.versions.append(version)
        if try input.bool("SetAsDefault") == true {
            policy.defaultVersionId = version.versionId
            policy.updatedAt = now
        }
        policies[policy.arn] = policy
        return Outcome(output: ["PolicyVersion": IAMOutput.version(version, defaultId: policy.defaultVersionId, withDocument: false)],
                       ticket: store.commit([.savePolicy(policy)]))
    }

    func listPolicyVersions(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let policy = try existingPolicy(input)
        // Newest first, as IAM lists them.
        let versions = policy.versions.reversed().map { $0 }
        let page = try IAMPage(versions, key: \.versionId, input: input)
        let items = page.items.map { IAMOutput.version($0, defaultId: policy.defaultVersionId, withDocument: false) }
        return Outcome(output: page.output(["Versions": .array(items)]))
    }

    func setDefaultPolicyVersion(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        var policy = try customerPolicy(input)
        let versionId = try input.requiredString("VersionId")
        guard policy.versions.contains(where: { $0.versionId == versionId }) else {
            throw IAMErrors.noSuchEntity("Policy \(policy.arn) version \(versionId) does not exist or is not attachable.")
        }
        policy.defaultVersionId = versionId
        policy.updatedAt = now
        policies[policy.arn] = policy
        return Outcome(output: .object([:]), ticket: store.commit([.savePolicy(policy)]))
    }

    func deletePolicyVersion(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        var policy = try customerPolicy(input)
        let versionId = try input.requiredString("VersionId")
        guard policy.versions.contains(where: { $0.versionId == versionId }) else {
            throw IAMErrors.noSuchEntity("Policy \(policy.arn) version \(versionId) does not exist or is not attachable.")
        }
        if versionId == policy.defaultVersionId {
            throw IAMErrors.deleteConflict("Cannot delete the default version of a policy.")
        }
        policy.versions.removeAll { $0.versionId == versionId }
        policies[policy.arn] = policy
        return Outcome(output: .object([:]), ticket: store.commit([.savePolicy(policy)]))
    }

    /// The policy `PolicyArn` names, AWS or customer managed.
    private func existingPolicy(_ input: ServiceInput) throws(AWSError) -> IAMManagedPolicy {
        let arn = try input.requiredString("PolicyArn")
        try validatePolicyArn(arn)
        guard let policy = managedPolicy(arn: arn) else { throw IAMErrors.noSuchPolicy(arn) }
        return policy
    }

    /// A customer managed policy; AWS managed ones cannot be changed.
    private func customerPolicy(_ input: ServiceInput) throws(AWSError) -> IAMManagedPolicy {
        let policy = try existingPolicy(input)
        if policy.isAWSManaged {
            throw AWSError(code: "UnmodifiableEntityException",
                           message: "Cannot modify AWS-managed policy \(policy.arn).", queryCode: "UnmodifiableEntity")
        }
        return policy
    }

    func validatePolicyArn(_ arn: String) throws(AWSError) {
        try IAMValidation.length(arn, member: "policyArn", min: 20, max: 2048)
        guard let parsed = IAMArn(arn), parsed.type == "policy" else {
            throw IAMErrors.invalidInput("ARN \(arn) is not valid.")
        }
    }
}
