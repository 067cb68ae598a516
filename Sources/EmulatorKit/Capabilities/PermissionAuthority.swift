/// The outcome of evaluating IAM policies for one request: explicit deny beats allow, and
/// without an allow the answer is an implicit deny.
public enum PolicyDecision: String, Sendable {
    case allowed
    case explicitDeny
    case implicitDeny

    public var isAllowed: Bool { self == .allowed }
}

/// What other services ask IAM where AWS enforces a permission, e.g. Lambda checking that a
/// function's role may receive from a queue before creating an event source mapping.
/// Implemented by the IAM service; one policy evaluator answers every such question.
public protocol PermissionAuthority: Sendable {
    /// Whether the role `roleArn` (its attached managed and inline policies) allows `action`
    /// (`sqs:ReceiveMessage`) on `resource` (an ARN). A role that does not exist allows nothing.
    func decide(roleArn: String, action: String, resource: String, context: [String: String]) async -> PolicyDecision

    /// Whether the role's trust policy lets `servicePrincipal` (`lambda.amazonaws.com`) assume it;
    /// nil when there is no such role.
    func trusts(roleArn: String, servicePrincipal: String) async -> Bool?
}
