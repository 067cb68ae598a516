import JSON

/// Who a caller is and the temporary credentials roles hand out: IAM owns roles and their
/// sessions (reset, reload and snapshots treat them together), STS answers for them.
public protocol SessionAuthority: Sendable {
    /// `GetCallerIdentity`'s answer for the request's access key.
    func callerIdentity(_ context: RequestContext) async throws(AWSError) -> JSONValue
    /// `AssumeRole`: checks the role's trust policy and issues a session; answers once stored.
    func assumeRole(_ input: JSONValue, _ context: RequestContext) async throws(AWSError) -> JSONValue
    /// The sessions issued, for the state document's `sts` part.
    func sessionsState() async -> JSONValue
}
