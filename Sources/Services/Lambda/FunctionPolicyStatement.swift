import JSON

/// One statement of a function's resource policy, built from `AddPermission`'s members the
/// way Lambda writes it (a service or account principal, `AWS:SourceArn` as `ArnLike`,
/// `AWS:SourceAccount` as `StringEquals`).
enum FunctionPolicyStatement {
    static let maximumPolicyBytes = 20_480

    static func make(sid: String, action: String, principal: String, resource: String,
                     sourceArn: String?, sourceAccount: String?) -> JSONValue {
        var condition: [String: JSONValue] = [:]
        if let sourceAccount { condition["StringEquals"] = ["AWS:SourceAccount": .string(sourceAccount)] }
        if let sourceArn { condition["ArnLike"] = ["AWS:SourceArn": .string(sourceArn)] }
        var statement: [String: JSONValue] = [
            "Sid": .string(sid), "Effect": "Allow", "Principal": principalElement(principal),
            "Action": .string(action), "Resource": .string(resource),
        ]
        if !condition.isEmpty { statement["Condition"] = .object(condition) }
        return .object(statement)
    }

    /// `*`, an account id (its root), an ARN, or a service principal.
    static func principalElement(_ principal: String) -> JSONValue {
        if principal == "*" { return "*" }
        if principal.count == 12, principal.allSatisfy(\.isNumber) { return ["AWS": .string("arn:aws:iam::\(principal):root")] }
        if principal.hasPrefix("arn:") { return ["AWS": .string(principal)] }
        return ["Service": .string(principal)]
    }

    /// The policy document `GetPolicy` answers, as text.
    static func document(_ statements: [String]) -> String {
        let parsed = statements.compactMap { try? JSONValue(jsonString: $0) }
        let document: JSONValue = ["Version": "2012-10-17", "Id": "default", "Statement": .array(parsed)]
        return document.jsonText(sortedKeys: false)
    }

    static func sid(of statement: String) -> String? {
        guard case .object(let fields)? = try? JSONValue(jsonString: statement), case .string(let sid)? = fields["Sid"] else { return nil }
        return sid
    }
}
