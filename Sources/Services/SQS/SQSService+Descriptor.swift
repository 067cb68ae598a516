import EmulatorKit

extension SQSService {
    /// SQS in the registry: its schema, and the queues it offers other services.
    public static let descriptor = ServiceDescriptor(
        name: "sqs", migrations: SQSMigrations.all, provides: [CapabilityKey.messageQueues.name]
    ) { environment in
        let sqs = try await SQSService(database: environment.database, clock: environment.clock)
        environment.capabilities.provide(sqs, as: .messageQueues)
        return sqs
    }
}
