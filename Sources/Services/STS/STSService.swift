import EmulatorKit
import JSON

/// AWS Security Token Service: GetCallerIdentity and AssumeRole. The sessions belong to the
/// roles they were issued for, so the service that owns roles (`SessionAuthority`, IAM)
/// issues and keeps them; STS routes its operations there and shows the sessions in the
/// state document under `sts`. Everything it needs arrives as a capability: the smallest
/// service on the kit.
public struct STSService: EmulatorService {
    public let name = "sts"
    let sessions: any SessionAuthority

    public init(sessions: any SessionAuthority) {
        self.sessions = sessions
    }

    public func handle(operation: String, input: JSONValue, context: RequestContext) async throws(AWSError) -> JSONValue {
        switch operation {
        case "GetCallerIdentity": return try await sessions.callerIdentity(context)
        case "AssumeRole": return try await sessions.assumeRole(input, context)
        default:
            throw AWSError(code: "InvalidAction", message: "The action \(operation) is not valid for this web service.",
                           queryCode: "InvalidAction")
        }
    }

    public func state() async -> JSONValue {
        await sessions.sessionsState()
    }

    /// The sessions are reset and reloaded with the roles that own them.
    public func reset() async throws {}
    public func reload() async throws {}

    /// STS in the registry: no tables of its own; it needs the sessions capability.
    public static let descriptor = ServiceDescriptor(name: "sts", requires: [CapabilityKey.sessions.name]) { environment in
        guard let sessions = environment.capabilities.resolve(.sessions) else {
            throw ServiceDescriptor.MissingCapability(service: "sts", capability: CapabilityKey.sessions.name)
        }
        return STSService(sessions: sessions)
    }
}
