/// Who makes a request, for the policies that name principals (trust and resource policies).
public enum PolicyPrincipal: Sendable, Equatable {
    /// An IAM identity: every ARN it answers to (an assumed-role session is both its
    /// session ARN and its role's ARN), and the account it belongs to. A nil account
    /// matches only policies that name one of the ARNs, not the account as a whole.
    case aws(arns: [String], account: String?)
    /// An AWS service (`lambda.amazonaws.com`).
    case service(String)

    /// Whether a `Principal` element names this principal.
    func isNamed(by set: PrincipalSet) -> Bool {
        if set.everyone { return true }
        switch self {
        case .aws(let arns, let account):
            for value in set.values(ofType: "AWS") {
                if value == "*" || arns.contains(value) { return true }
                if let account, value == account || value == "arn:aws:iam::\(account):root" { return true }
            }
            return false
        case .service(let name):
            return set.values(ofType: "Service").contains { $0 == "*" || $0.caseInsensitiveCompare(name) == .orderedSame }
        }
    }
}
