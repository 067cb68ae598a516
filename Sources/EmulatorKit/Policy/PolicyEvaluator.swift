/// The one policy evaluator: every permission question in the emulator (the simulator,
/// AssumeRole's trust check, other services asking through `PermissionAuthority`) comes
/// here. Within one account: an explicit deny wins, otherwise any allow allows, otherwise
/// the answer is an implicit deny.
public enum PolicyEvaluator {
    /// A policy with where it came from, for `MatchedStatements`.
    public struct Source: Sendable {
        public var document: PolicyDocument
        /// The policy's name (inline, managed) or `PolicyInputList.N`.
        public var id: String
        /// `role`, `user`, `aws-managed`, `user-managed`, `resource` or `none`.
        public var type: String

        public init(document: PolicyDocument, id: String, type: String) {
            self.document = document
            self.id = id
            self.type = type
        }
    }

    public struct Request: Sendable {
        public var action: String
        public var resource: String
        public var principal: PolicyPrincipal?
        public var context: PolicyContext

        public init(action: String, resource: String, principal: PolicyPrincipal? = nil, context: PolicyContext = PolicyContext()) {
            self.action = action
            self.resource = resource
            self.principal = principal
            self.context = context
        }
    }

    public struct MatchedStatement: Sendable, Equatable {
        public var sourceId: String
        public var sourceType: String
        public var sid: String?
        public var start: PolicyPosition?
        public var end: PolicyPosition?
    }

    public struct Result: Sendable, Equatable {
        public var decision: PolicyDecision
        /// The statements that decided: the denying ones for an explicit deny, the allowing
        /// ones for an allow, none for an implicit deny.
        public var matchedStatements: [MatchedStatement]
        /// Context keys conditions asked for that the request did not carry.
        public var missingContextKeys: [String]

        public init(decision: PolicyDecision, matchedStatements: [MatchedStatement], missingContextKeys: [String]) {
            self.decision = decision
            self.matchedStatements = matchedStatements
            self.missingContextKeys = missingContextKeys
        }
    }

    public static func evaluate(_ policies: [Source], _ request: Request) -> Result {
        var allows: [MatchedStatement] = []
        var denies: [MatchedStatement] = []
        var missing: [String] = []
        for policy in policies {
            let variables = policy.document.version == "2012-10-17"
            for statement in policy.document.statements {
                guard covers(statement, request, variables: variables) else { continue }
                var holds = true
                for condition in statement.conditions {
                    let outcome = ConditionEvaluator.evaluate(condition, request.context, substituteVariables: variables)
                    if outcome.missingKey && !missing.contains(condition.key) { missing.append(condition.key) }
                    if !outcome.holds { holds = false }
                }
                guard holds else { continue }
                let match = MatchedStatement(sourceId: policy.id, sourceType: policy.type, sid: statement.sid,
                                             start: statement.start, end: statement.end)
                if statement.effect == .deny { denies.append(match) } else { allows.append(match) }
            }
        }
        if !denies.isEmpty { return Result(decision: .explicitDeny, matchedStatements: denies, missingContextKeys: missing) }
        if !allows.isEmpty { return Result(decision: .allowed, matchedStatements: allows, missingContextKeys: missing) }
        return Result(decision: .implicitDeny, matchedStatements: [], missingContextKeys: missing)
    }

    /// Whether the statement is about this action, resource and principal (conditions aside).
    static func covers(_ statement: PolicyStatement, _ request: Request, variables: Bool) -> Bool {
        switch statement.actions {
        case .action(let patterns):
            guard patterns.contains(where: { Wildcard.matches($0, request.action, caseInsensitive: true) }) else { return false }
        case .notAction(let patterns):
            guard !patterns.contains(where: { Wildcard.matches($0, request.action, caseInsensitive: true) }) else { return false }
        }
        func resourceMatches(_ pattern: String) -> Bool {
            guard let pattern = variables ? request.context.substitute(pattern) : pattern else { return false }
            return Wildcard.matches(pattern, request.resource)
        }
        switch statement.resources {
        case nil: break
        case .resource(let patterns)?:
            guard patterns.contains(where: resourceMatches) else { return false }
        case .notResource(let patterns)?:
            guard !patterns.contains(where: resourceMatches) else { return false }
        }
        switch statement.principals {
        case nil: break
        case .principal(let set)?:
            guard let principal = request.principal, principal.isNamed(by: set) else { return false }
        case .notPrincipal(let set)?:
            guard let principal = request.principal, !principal.isNamed(by: set) else { return false }
        }
        return true
    }
}
