import EmulatorKit
import Foundation
import JSON

/// The policy simulator: SimulatePrincipalPolicy (a role's or user's policies, plus any
/// given) and SimulateCustomPolicy (only the given ones), one result per action and
/// resource, decided by the same `PolicyEvaluator` everything else uses.
extension IAMService {
    func simulatePrincipalPolicy(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let sourceArn = try input.requiredString("PolicySourceArn")
        var sources: [PolicyEvaluator.Source]
        if let role = role(arn: sourceArn) {
            sources = policySources(role)
        } else if let user = user(arn: sourceArn) {
            sources = policySources(user)
        } else if let parsed = IAMArn(sourceArn), ["role", "user", "group"].contains(parsed.type) {
            throw IAMErrors.noSuchEntity("The \(parsed.type) with name \(parsed.name) cannot be found.")
        } else {
            throw IAMErrors.invalidInput("Invalid ARN: \(sourceArn)")
        }
        sources += try inputPolicies(input, required: false)
        return try simulate(sources, callerArn: input.string("CallerArn") ?? sourceArn, input, context)
    }

    func simulateCustomPolicy(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let sources = try inputPolicies(input, required: true)
        return try simulate(sources, callerArn: input.string("CallerArn"), input, context)
    }

    /// `PolicyInputList.member.N`, named `PolicyInputList.N` in the results.
    private func inputPolicies(_ input: ServiceInput, required: Bool) throws(AWSError) -> [PolicyEvaluator.Source] {
        let texts = try input.stringList("PolicyInputList") ?? []
        if required && texts.isEmpty {
            throw IAMErrors.validation(value: "null", member: "policyInputList", constraint: "Member must not be null")
        }
        var sources: [PolicyEvaluator.Source] = []
        for (index, text) in texts.enumerated() {
            do {
                sources.append(.init(document: try PolicyParser.parse(text, kind: .identity), id: "PolicyInputList.\(index + 1)", type: "none"))
            } catch {
                throw IAMErrors.invalidInput(error.message)
            }
        }
        return sources
    }

    private func simulate(_ sources: [PolicyEvaluator.Source], callerArn: String?, _ input: ServiceInput,
                          _ context: RequestContext) throws(AWSError) -> Outcome {
        let actions = try input.stringList("ActionNames") ?? []
        if actions.isEmpty {
            throw IAMErrors.validation(value: "null", member: "actionNames", constraint: "Member must not be null")
        }
        let resources = try input.stringList("ResourceArns").flatMap { $0.isEmpty ? nil : $0 } ?? ["*"]
        var policyContext = PolicyContext()
        for entry in try input.objectList("ContextEntries") ?? [] {
            guard let key = try entry.string("ContextKeyName") else { continue }
            policyContext[key] = try entry.stringList("ContextKeyValues") ?? []
        }
        var resourcePolicy: PolicyEvaluator.Source?
        if let text = try input.string("ResourcePolicy") {
            do {
                resourcePolicy = .init(document: try PolicyParser.parse(text, kind: .resource), id: "ResourcePolicy", type: "resource")
            } catch {
                throw IAMErrors.invalidInput(error.message)
            }
        }
        let principal = callerArn.map { PolicyPrincipal.aws(arns: [$0], account: context.account) }
        var results: [JSONValue] = []
        for action in actions {
            for resource in resources {
                let request = PolicyEvaluator.Request(action: action, resource: resource, principal: principal, context: policyContext)
                var result = PolicyEvaluator.evaluate(sources, request)
                if let resourcePolicy {
                    result = Self.combine(result, PolicyEvaluator.evaluate([resourcePolicy], request))
                }
                results.append(Self.evaluationResult(action: action, resource: resource, result))
            }
        }
        let indexed = results.enumerated().map { ($0.offset, $0.element) }
        let page = try IAMPage(indexed, key: { String(format: "%08d", $0.0) }, input: input)
        return Outcome(output: page.output(["EvaluationResults": .array(page.items.map(\.1))]))
    }

    /// Identity and resource policies in one account: either may allow, any explicit deny wins.
    private static func combine(_ identity: PolicyEvaluator.Result, _ resource: PolicyEvaluator.Result) -> PolicyEvaluator.Result {
        let missing = identity.missingContextKeys + resource.missingContextKeys.filter { !identity.missingContextKeys.contains($0) }
        for decision in [PolicyDecision.explicitDeny, .allowed] {
            let deciding = [identity, resource].filter { $0.decision == decision }
            if !deciding.isEmpty {
                return .init(decision: decision, matchedStatements: deciding.flatMap(\.matchedStatements), missingContextKeys: missing)
            }
        }
        return .init(decision: .implicitDeny, matchedStatements: [], missingContextKeys: missing)
    }

    private static func evaluationResult(action: String, resource: String, _ result: PolicyEvaluator.Result) -> JSONValue {
        let statements: [JSONValue] = result.matchedStatements.map { match in
            var fields: [String: JSONValue] = [
                "SourcePolicyId": .string(match.sourceId),
                "SourcePolicyType": .string(match.sourceType),
            ]
            if let start = match.start { fields["StartPosition"] = position(start) }
            if let end = match.end { fields["EndPosition"] = position(end) }
            return .object(fields)
        }
        return [
            "EvalActionName": .string(action),
            "EvalResourceName": .string(resource),
            "EvalDecision": .string(result.decision.rawValue),
            "MatchedStatements": .array(statements),
            "MissingContextValues": .array(result.missingContextKeys.map(JSONValue.string)),
        ]
    }

    private static func position(_ position: PolicyPosition) -> JSONValue {
        ["Line": .number(Double(position.line)), "Column": .number(Double(position.column))]
    }
}
