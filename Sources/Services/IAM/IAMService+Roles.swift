import EmulatorKit
import JSON

/// Roles: create (with a trust policy), read, list, update, delete, tags.
extension IAMService {
    func createRole(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let name = try input.requiredString("RoleName")
        try IAMValidation.name(name, member: "roleName", max: 64)
        let path = try input.string("Path") ?? "/"
        try IAMValidation.path(path)
        let document = try input.requiredString("AssumeRolePolicyDocument")
        let description = try input.string("Description")
        if let description { try IAMValidation.length(description, member: "description", min: 0, max: 1000) }
        let maxSession = try input.int("MaxSessionDuration") ?? 3600
        try IAMValidation.range(maxSession, member: "maxSessionDuration", min: 3600, max: 43200)
        let tags = try IAMValidation.tags(input)
        let key = IAMKey(context.account, name)
        if roles[key] != nil { throw IAMErrors.entityAlreadyExists("Role with name \(name) already exists.") }
        _ = try trustPolicy(document, context)
        let role = IAMRole(account: context.account, key: key.name, name: name, id: IAMIdentifiers.uniqueId(prefix: "AROA"),
                           path: path, arn: IAMIdentifiers.arn(account: context.account, type: "role", path: path, name: name),
                           createdAt: now, trustPolicy: document, roleDescription: description,
                           maxSessionDuration: maxSession, tags: tags, inlinePolicies: [:], attachedPolicies: [])
        roles[key] = role
        var output = IAMOutput.role(role)
        if !tags.isEmpty, case .object(var fields) = output {
            fields["Tags"] = IAMOutput.tags(tags)
            output = .object(fields)
        }
        return Outcome(output: ["Role": output], ticket: store.commit([.saveRole(role)]))
    }

    func getRole(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let role = try role(named: try input.requiredString("RoleName"), context)
        return Outcome(output: ["Role": IAMOutput.role(role, detail: true)])
    }

    func listRoles(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let prefix = try input.string("PathPrefix") ?? "/"
        try IAMValidation.pathPrefix(prefix)
        let matching = roles.values
            .filter { $0.account == context.account && $0.path.hasPrefix(prefix) }
            .sorted { $0.key < $1.key }
        let page = try IAMPage(matching, key: \.key, input: input)
        return Outcome(output: page.output(["Roles": .array(page.items.map { IAMOutput.role($0) })]))
    }

    /// IAM refuses while anything still hangs off the role: managed policies, inline
    /// policies, instance profiles (checked in that order).
    func deleteRole(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let role = try role(named: try input.requiredString("RoleName"), context)
        if !role.attachedPolicies.isEmpty {
            throw IAMErrors.deleteConflict("Cannot delete entity, must detach all policies first.")
        }
        if !role.inlinePolicies.isEmpty {
            throw IAMErrors.deleteConflict("Cannot delete entity, must delete policies first.")
        }
        if instanceProfiles.values.contains(where: { $0.account == role.account && $0.roles.contains { $0.lowercased() == role.key } }) {
            throw IAMErrors.deleteConflict("Cannot delete entity, must remove roles from instance profile first.")
        }
        let key = IAMKey(role.account, role.name)
        roles[key] = nil
        return Outcome(output: .object([:]), ticket: store.commit([.deleteRole(key)]))
    }

    func updateRole(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        var role = try role(named: try input.requiredString("RoleName"), context)
        if let description = try input.string("Description") {
            try IAMValidation.length(description, member: "description", min: 0, max: 1000)
            role.roleDescription = description
        }
        if let maxSession = try input.int("MaxSessionDuration") {
            try IAMValidation.range(maxSession, member: "maxSessionDuration", min: 3600, max: 43200)
            role.maxSessionDuration = maxSession
        }
        return save(role)
    }

    func updateAssumeRolePolicy(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        var role = try role(named: try input.requiredString("RoleName"), context)
        let document = try input.requiredString("PolicyDocument")
        _ = try trustPolicy(document, context)
        role.trustPolicy = document
        return save(role)
    }

    func tagRole(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        var role = try role(named: try input.requiredString("RoleName"), context)
        role.tags = try IAMValidation.merge(role.tags, try IAMValidation.tags(input), entity: "role")
        return save(role)
    }

    func untagRole(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        var role = try role(named: try input.requiredString("RoleName"), context)
        let keys = Set((try input.stringList("TagKeys") ?? []).map { $0.lowercased() })
        role.tags.removeAll { keys.contains($0.key.lowercased()) }
        return save(role)
    }

    func listRoleTags(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let role = try role(named: try input.requiredString("RoleName"), context)
        let page = try IAMPage(role.tags, key: \.key, input: input)
        return Outcome(output: page.output(["Tags": IAMOutput.tags(page.items)]))
    }

    func save(_ role: IAMRole) -> Outcome {
        roles[IAMKey(role.account, role.name)] = role
        return Outcome(output: .object([:]), ticket: store.commit([.saveRole(role)]))
    }
}
