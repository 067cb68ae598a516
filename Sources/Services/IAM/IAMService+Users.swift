import EmulatorKit
import JSON

/// Users, minimal: enough to hold attached policies for the simulator and to appear in
/// trust policies. No passwords, access keys or groups.
extension IAMService {
    func createUser(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let name = try input.requiredString("UserName")
        try IAMValidation.name(name, member: "userName", max: 64)
        let path = try input.string("Path") ?? "/"
        try IAMValidation.path(path)
        let tags = try IAMValidation.tags(input)
        let key = IAMKey(context.account, name)
        if users[key] != nil { throw IAMErrors.entityAlreadyExists("User with name \(name) already exists.") }
        let user = IAMUser(account: context.account, key: key.name, name: name, id: IAMIdentifiers.uniqueId(prefix: "AIDA"),
                           path: path, arn: IAMIdentifiers.arn(account: context.account, type: "user", path: path, name: name),
                           createdAt: now, tags: tags, attachedPolicies: [], inlinePolicies: [:])
        users[key] = user
        return Outcome(output: ["User": IAMOutput.user(user, detail: true)], ticket: store.commit([.saveUser(user)]))
    }

    /// Without `UserName`, the caller: the account's root user, or for role sessions the
    /// error IAM gives them.
    func getUser(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        if let name = try input.string("UserName") {
            return Outcome(output: ["User": IAMOutput.user(try user(named: name, context), detail: true)])
        }
        if case .assumedRole = caller(context) {
            throw IAMErrors.validationError("Must specify userName when calling with non-User credentials")
        }
        return Outcome(output: ["User": [
            "UserId": .string(context.account),
            "Arn": .string("arn:aws:iam::\(context.account):root"),
            "CreateDate": .number(0),
        ]])
    }

    func listUsers(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let prefix = try input.string("PathPrefix") ?? "/"
        try IAMValidation.pathPrefix(prefix)
        let matching = users.values
            .filter { $0.account == context.account && $0.path.hasPrefix(prefix) }
            .sorted { $0.key < $1.key }
        let page = try IAMPage(matching, key: \.key, input: input)
        return Outcome(output: page.output(["Users": .array(page.items.map { IAMOutput.user($0) })]))
    }

    func deleteUser(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let user = try user(named: try input.requiredString("UserName"), context)
        if !user.attachedPolicies.isEmpty {
            throw IAMErrors.deleteConflict("Cannot delete entity, must detach all policies first.")
        }
        if !user.inlinePolicies.isEmpty {
            throw IAMErrors.deleteConflict("Cannot delete entity, must delete policies first.")
        }
        let key = IAMKey(user.account, user.name)
        users[key] = nil
        return Outcome(output: .object([:]), ticket: store.commit([.deleteUser(key)]))
    }

    func user(named name: String, _ context: RequestContext) throws(AWSError) -> IAMUser {
        guard let user = users[IAMKey(context.account, name)] else { throw IAMErrors.noSuchUser(name) }
        return user
    }

    func save(_ user: IAMUser) -> Outcome {
        users[IAMKey(user.account, user.name)] = user
        return Outcome(output: .object([:]), ticket: store.commit([.saveUser(user)]))
    }
}
