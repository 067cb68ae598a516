/// A resource policy (a queue's, a topic's, a function's) asked whether an AWS service may
/// act on the resource: the one check SQS, SNS and Lambda make before a service's delivery.
public enum ServiceCallerPolicy {
    /// nil when the policy allows `caller` `action` on `resource`; otherwise why not, in
    /// words a learner can act on. No policy (or one that does not parse) allows nothing.
    public static func refusal(policyText: String?, caller: ServiceCaller, action: String, resource: String,
                               resourceKind: String) -> String? {
        guard let policyText, !policyText.isEmpty else {
            return "the \(resourceKind) has no access policy, so \(caller.principal) may not call \(action) on it (add a statement allowing it, conditioned on aws:SourceArn \(caller.sourceArn))"
        }
        guard let document = try? PolicyParser.parse(policyText, kind: .resource) else {
            return "the \(resourceKind)'s access policy does not parse, so it allows nothing"
        }
        let request = PolicyEvaluator.Request(action: action, resource: resource, principal: caller.policyPrincipal,
                                              context: caller.policyContext)
        switch PolicyEvaluator.evaluate([.init(document: document, id: resourceKind, type: "resource")], request).decision {
        case .allowed: return nil
        case .explicitDeny: return "the \(resourceKind)'s access policy explicitly denies \(action) to \(caller.principal) for \(caller.sourceArn)"
        case .implicitDeny: return "the \(resourceKind)'s access policy does not allow \(caller.principal) to call \(action) for \(caller.sourceArn)"
        }
    }
}
