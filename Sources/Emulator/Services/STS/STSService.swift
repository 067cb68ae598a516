import JSON

/// AWS Security Token Service: GetCallerIdentity and AssumeRole. A front on `IAMService`,
/// which owns the sessions (they belong to roles, and reset, reload and snapshots treat
/// them together); this type only routes STS's operations and shows the sessions in the
/// state document under `sts`.
public struct STSService: EmulatorService {
    public let name = "sts"
    let iam: IAMService

    public init(iam: IAMService) {
        self.iam = iam
    }

    public func handle(operation: String, input: JSONValue, context: RequestContext) async throws(AWSError) -> JSONValue {
        switch operation {
        case "GetCallerIdentity":
            return try await iam.getCallerIdentity(context)
        case "AssumeRole":
            let outcome = try await iam.assumeRole(IAMInput(input), context)
            try await iam.durable(outcome.ticket)
            return outcome.output
        default:
            throw STSErrors.invalidAction(operation)
        }
    }

    public func state() async -> JSONValue {
        await iam.stsState()
    }

    /// IAM resets and reloads the sessions with the roles.
    public func reset() async throws {}
    public func reload() async throws {}
}
