import JSON

/// Turns policy text into a `PolicyDocument`, rejecting what IAM rejects with the messages
/// IAM sends under `MalformedPolicyDocument`.
public enum PolicyParser {
    /// Which grammar applies: identity policies need `Resource` and may not name a
    /// `Principal`; trust policies (a role's assume-role policy) need a `Principal`, may not
    /// name a `Resource` and may only allow STS actions; resource policies need both.
    public enum Kind: Sendable {
        case identity
        case trust
        case resource
    }

    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    static let syntaxError = "Syntax errors in policy."
    static let vendorPrefix = "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."

    public static func parse(_ text: String, kind: Kind) throws(Failure) -> PolicyDocument {
        let json: JSONValue
        do {
            json = try JSONValue(jsonString: text)
        } catch {
            throw Failure(message: "This policy contains invalid Json")
        }
        guard case .object(let top) = json else { throw Failure(message: "This policy contains invalid Json") }
        for key in top.keys where !["Version", "Id", "Statement"].contains(key) { throw Failure(message: syntaxError) }
        var version: String?
        if let value = top["Version"] {
            guard case .string(let text) = value, ["2012-10-17", "2008-10-17"].contains(text) else {
                throw Failure(message: "The policy failed legacy parsing")
            }
            version = text
        }
        var id: String?
        if let value = top["Id"] {
            guard case .string(let text) = value else { throw Failure(message: syntaxError) }
            id = text
        }
        let elements: [JSONValue]
        switch top["Statement"] {
        case .object?: elements = [top["Statement"]!]
        case .array(let items)? where !items.isEmpty: elements = items
        default: throw Failure(message: syntaxError)
        }
        let positions = StatementLocator.locate(in: text)
        var statements: [PolicyStatement] = []
        for (index, element) in elements.enumerated() {
            guard case .object(let fields) = element else { throw Failure(message: syntaxError) }
            var statement = try self.statement(fields, kind: kind)
            if index < positions.count {
                statement.start = positions[index].start
                statement.end = positions[index].end
            }
            statements.append(statement)
        }
        return PolicyDocument(version: version, id: id, statements: statements)
    }

    private static let statementKeys: Set<String> = [
        "Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition",
    ]

    private static func statement(_ fields: [String: JSONValue], kind: Kind) throws(Failure) -> PolicyStatement {
        for key in fields.keys where !statementKeys.contains(key) { throw Failure(message: syntaxError) }
        var sid: String?
        if let value = fields["Sid"] {
            guard case .string(let text) = value else { throw Failure(message: syntaxError) }
            sid = text
        }
        guard let effectValue = fields["Effect"] else { throw Failure(message: "Missing required field Effect") }
        guard case .string(let effectText) = effectValue, let effect = PolicyEffect(rawValue: effectText) else {
            throw Failure(message: "Invalid effect: \(text(of: effectValue))")
        }
        let actions: PolicyStatement.Actions
        switch (fields["Action"], fields["NotAction"]) {
        case (let value?, nil): actions = .action(try strings(value))
        case (nil, let value?): actions = .notAction(try strings(value))
        case (nil, nil): throw Failure(message: "Policy statement must contain actions.")
        default: throw Failure(message: syntaxError)
        }
        let actionList: [String]
        switch actions { case .action(let list), .notAction(let list): actionList = list }
        for action in actionList where action != "*" && !action.contains(":") { throw Failure(message: vendorPrefix) }

        var resources: PolicyStatement.Resources?
        switch (fields["Resource"], fields["NotResource"]) {
        case (let value?, nil): resources = .resource(try strings(value))
        case (nil, let value?): resources = .notResource(try strings(value))
        case (nil, nil): resources = nil
        default: throw Failure(message: syntaxError)
        }
        var principals: PolicyStatement.Principals?
        switch (fields["Principal"], fields["NotPrincipal"]) {
        case (let value?, nil): principals = .principal(try principalSet(value))
        case (nil, let value?): principals = .notPrincipal(try principalSet(value))
        case (nil, nil): principals = nil
        default: throw Failure(message: syntaxError)
        }
        switch kind {
        case .identity:
            if principals != nil { throw Failure(message: "Policy document should not specify a principal.") }
            if resources == nil { throw Failure(message: "Policy statement must contain resources.") }
        case .trust:
            if resources != nil { throw Failure(message: "Has prohibited field Resource") }
            if principals == nil { throw Failure(message: "Missing required field Principal") }
            for action in actionList where !(action == "*" || action.lowercased().hasPrefix("sts:")) {
                throw Failure(message: "AssumeRole policy may only specify STS AssumeRole actions.")
            }
        case .resource:
            if principals == nil { throw Failure(message: "Missing required field Principal") }
            if resources == nil { throw Failure(message: "Policy statement must contain resources.") }
        }
        var conditions: [PolicyCondition] = []
        if let value = fields["Condition"] { conditions = try self.conditions(value) }
        return PolicyStatement(sid: sid, effect: effect, actions: actions, resources: resources, principals: principals,
                               conditions: conditions, start: nil, end: nil)
    }

    /// A string or a non-empty list of strings.
    private static func strings(_ value: JSONValue) throws(Failure) -> [String] {
        switch value {
        case .string(let text): return [text]
        case .array(let items) where !items.isEmpty:
            var result: [String] = []
            for item in items {
                guard case .string(let text) = item else { throw Failure(message: syntaxError) }
                result.append(text)
            }
            return result
        default: throw Failure(message: syntaxError)
        }
    }

    private static let principalTypes = ["AWS", "Service", "Federated", "CanonicalUser"]

    private static func principalSet(_ value: JSONValue) throws(Failure) -> PrincipalSet {
        switch value {
        case .string("*"): return PrincipalSet(everyone: true)
        case .object(let entries) where !entries.isEmpty:
            var set = PrincipalSet()
            for (type, identifiers) in entries {
                guard principalTypes.contains(type) else {
                    throw Failure(message: "Invalid principal in policy: \"\(type)\":\(identifiers.jsonText())")
                }
                let values = try strings(identifiers)
                for value in values { try validatePrincipal(type: type, value) }
                set.identifiers[type] = values
            }
            return set
        default:
            throw Failure(message: "Invalid principal in policy: \(value.jsonText())")
        }
    }

    /// `AWS` identifiers are `*`, an account id or an IAM/STS ARN; `Service` identifiers are
    /// service hosts such as `lambda.amazonaws.com`.
    private static func validatePrincipal(type: String, _ value: String) throws(Failure) {
        let valid: Bool
        switch type {
        case "AWS":
            valid = value == "*" || (value.count == 12 && value.allSatisfy(\.isASCII) && value.allSatisfy(\.isNumber))
                || value.hasPrefix("arn:aws:iam::") || value.hasPrefix("arn:aws:sts::")
        case "Service":
            valid = value == "*" || value.hasSuffix(".amazonaws.com") || value.hasSuffix(".amazonaws.com.cn")
        default:
            valid = !value.isEmpty
        }
        if !valid {
            let label = type == "Service" ? "SERVICE" : type
            throw Failure(message: "Invalid principal in policy: \"\(label)\":\"\(value)\"")
        }
    }

    private static func conditions(_ value: JSONValue) throws(Failure) -> [PolicyCondition] {
        guard case .object(let operators) = value else { throw Failure(message: syntaxError) }
        var result: [PolicyCondition] = []
        for (name, block) in operators.sorted(by: { $0.key < $1.key }) {
            guard let conditionOperator = ConditionOperator(name) else {
                throw Failure(message: "Invalid Condition type : \(name)")
            }
            guard case .object(let keys) = block, !keys.isEmpty else { throw Failure(message: syntaxError) }
            for (key, values) in keys.sorted(by: { $0.key < $1.key }) {
                guard key.contains(":") else { throw Failure(message: vendorPrefix) }
                result.append(PolicyCondition(conditionOperator: conditionOperator, key: key, values: try conditionValues(values)))
            }
        }
        return result
    }

    /// Condition values may be strings, numbers or booleans, alone or in a list.
    private static func conditionValues(_ value: JSONValue) throws(Failure) -> [String] {
        func scalar(_ value: JSONValue) throws(Failure) -> String {
            switch value {
            case .string(let text): return text
            case .number(let number): return JSONValue.formatNumber(number)
            case .bool(let flag): return flag ? "true" : "false"
            default: throw Failure(message: syntaxError)
            }
        }
        if case .array(let items) = value {
            var result: [String] = []
            for item in items { result.append(try scalar(item)) }
            return result
        }
        return [try scalar(value)]
    }

    private static func text(of value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return value.jsonText()
    }
}
