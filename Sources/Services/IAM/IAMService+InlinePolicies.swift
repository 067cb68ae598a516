import EmulatorKit
import JSON

/// Inline policies: documents embedded in a role, named per role.
extension IAMService {
    func putRolePolicy(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        var role = try role(named: try input.requiredString("RoleName"), context)
        let name = try input.requiredString("PolicyName")
        try IAMValidation.name(name, member: "policyName", max: 128)
        let document = try input.requiredString("PolicyDocument")
        _ = try identityPolicy(document)
        // A name differing only in case replaces the existing policy.
        if let existing = role.inlinePolicies.keys.first(where: { $0.lowercased() == name.lowercased() }) {
            role.inlinePolicies[existing] = nil
        }
        role.inlinePolicies[name] = document
        return save(role)
    }

    func getRolePolicy(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let role = try role(named: try input.requiredString("RoleName"), context)
        let (name, document) = try inlinePolicy(role, try input.requiredString("PolicyName"))
        return Outcome(output: [
            "RoleName": .string(role.name),
            "PolicyName": .string(name),
            "PolicyDocument": .string(IAMOutput.encodeDocument(document)),
        ])
    }

    func listRolePolicies(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let role = try role(named: try input.requiredString("RoleName"), context)
        let page = try IAMPage(role.inlinePolicies.keys.sorted(), key: { $0 }, input: input)
        return Outcome(output: page.output(["PolicyNames": .array(page.items.map(JSONValue.string))]))
    }

    func deleteRolePolicy(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        var role = try role(named: try input.requiredString("RoleName"), context)
        let (name, _) = try inlinePolicy(role, try input.requiredString("PolicyName"))
        role.inlinePolicies[name] = nil
        return save(role)
    }

    private func inlinePolicy(_ role: IAMRole, _ name: String) throws(AWSError) -> (String, String) {
        guard let entry = role.inlinePolicies.first(where: { $0.key.lowercased() == name.lowercased() }) else {
            throw IAMErrors.noSuchEntity("The role policy with name \(name) cannot be found.")
        }
        return (entry.key, entry.value)
    }
}
