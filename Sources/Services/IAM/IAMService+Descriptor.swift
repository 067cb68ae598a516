import EmulatorKit

extension IAMService {
    /// IAM in the registry: its schema, the one policy evaluator other services ask, and the
    /// role sessions STS answers for.
    public static let descriptor = ServiceDescriptor(
        name: "iam", migrations: IAMMigrations.all,
        provides: [CapabilityKey.permissions.name, CapabilityKey.sessions.name]
    ) { environment in
        let iam = try await IAMService(database: environment.database, clock: environment.clock)
        environment.capabilities.provide(iam, as: .permissions)
        environment.capabilities.provide(iam, as: .sessions)
        return iam
    }
}
