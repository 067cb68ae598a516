import EmulatorKit
import JSON

/// What IAM offers STS: the caller behind an access key, and role sessions (IAM owns them,
/// so reset, reload and snapshots treat roles and their sessions together).
extension IAMService: SessionAuthority {
    public func callerIdentity(_ context: RequestContext) async throws(AWSError) -> JSONValue {
        try getCallerIdentity(context)
    }

    public nonisolated func assumeRole(_ input: JSONValue, _ context: RequestContext) async throws(AWSError) -> JSONValue {
        try await answer(try await assumeRole(ServiceInput(input, style: IAMInputStyle()), context))
    }

    public func sessionsState() async -> JSONValue {
        stsState()
    }
}
