import EmulatorKit
import JSON

/// Instance profiles: the container EC2 uses to pass a role to an instance (one role each).
extension IAMService {
    func createInstanceProfile(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let name = try input.requiredString("InstanceProfileName")
        try IAMValidation.name(name, member: "instanceProfileName", max: 128)
        let path = try input.string("Path") ?? "/"
        try IAMValidation.path(path)
        let tags = try IAMValidation.tags(input)
        let key = IAMKey(context.account, name)
        if instanceProfiles[key] != nil {
            throw IAMErrors.entityAlreadyExists("Instance Profile \(name) already exists.")
        }
        let profile = IAMInstanceProfile(
            account: context.account, key: key.name, name: name, id: IAMIdentifiers.uniqueId(prefix: "AIPA"), path: path,
            arn: IAMIdentifiers.arn(account: context.account, type: "instance-profile", path: path, name: name),
            createdAt: now, roles: [], tags: tags)
        instanceProfiles[key] = profile
        return Outcome(output: ["InstanceProfile": output(profile)], ticket: store.commit([.saveInstanceProfile(profile)]))
    }

    func getInstanceProfile(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let profile = try instanceProfile(named: try input.requiredString("InstanceProfileName"), context)
        return Outcome(output: ["InstanceProfile": output(profile)])
    }

    func listInstanceProfiles(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let prefix = try input.string("PathPrefix") ?? "/"
        try IAMValidation.pathPrefix(prefix)
        let matching = instanceProfiles.values
            .filter { $0.account == context.account && $0.path.hasPrefix(prefix) }
            .sorted { $0.key < $1.key }
        let page = try IAMPage(matching, key: \.key, input: input)
        return Outcome(output: page.output(["InstanceProfiles": .array(page.items.map { output($0) })]))
    }

    func listInstanceProfilesForRole(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let role = try role(named: try input.requiredString("RoleName"), context)
        let matching = instanceProfiles.values
            .filter { $0.account == context.account && $0.roles.contains { $0.lowercased() == role.key } }
            .sorted { $0.key < $1.key }
        let page = try IAMPage(matching, key: \.key, input: input)
        return Outcome(output: page.output(["InstanceProfiles": .array(page.items.map { output($0) })]))
    }

    func addRoleToInstanceProfile(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        var profile = try instanceProfile(named: try input.requiredString("InstanceProfileName"), context)
        let role = try role(named: try input.requiredString("RoleName"), context)
        if profile.roles.contains(where: { $0.lowercased() == role.key }) {
            throw IAMErrors.entityAlreadyExists("The role \(role.name) is already associated with instance profile \(profile.name).")
        }
        if !profile.roles.isEmpty {
            throw IAMErrors.limitExceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1")
        }
        profile.roles.append(role.name)
        return save(profile)
    }

    func removeRoleFromInstanceProfile(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        var profile = try instanceProfile(named: try input.requiredString("InstanceProfileName"), context)
        let roleName = try input.requiredString("RoleName")
        let role = try role(named: roleName, context)
        guard profile.roles.contains(where: { $0.lowercased() == role.key }) else {
            throw IAMErrors.noSuchEntity("Role \(role.name) in instance profile \(profile.name) cannot be found.")
        }
        profile.roles.removeAll { $0.lowercased() == role.key }
        return save(profile)
    }

    func deleteInstanceProfile(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let profile = try instanceProfile(named: try input.requiredString("InstanceProfileName"), context)
        if !profile.roles.isEmpty {
            throw IAMErrors.deleteConflict("Cannot delete entity, must remove roles from instance profile first.")
        }
        let key = IAMKey(profile.account, profile.name)
        instanceProfiles[key] = nil
        return Outcome(output: .object([:]), ticket: store.commit([.deleteInstanceProfile(key)]))
    }

    private func instanceProfile(named name: String, _ context: RequestContext) throws(AWSError) -> IAMInstanceProfile {
        guard let profile = instanceProfiles[IAMKey(context.account, name)] else { throw IAMErrors.noSuchInstanceProfile(name) }
        return profile
    }

    private func save(_ profile: IAMInstanceProfile) -> Outcome {
        instanceProfiles[IAMKey(profile.account, profile.name)] = profile
        return Outcome(output: .object([:]), ticket: store.commit([.saveInstanceProfile(profile)]))
    }

    /// The profile with its role(s) in full, as IAM returns it.
    private func output(_ profile: IAMInstanceProfile) -> JSONValue {
        IAMOutput.instanceProfile(profile, roles: profile.roles.compactMap { roles[IAMKey(profile.account, $0)] })
    }
}
