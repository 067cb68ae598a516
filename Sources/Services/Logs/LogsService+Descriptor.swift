import EmulatorKit

extension LogsService {
    /// CloudWatch Logs in the registry: its schema, and ingestion for other services' lines.
    public static let descriptor = ServiceDescriptor(
        name: "logs", migrations: LogsMigrations.all, provides: [CapabilityKey.logIngestion.name]
    ) { environment in
        let logs = try await LogsService(database: environment.database, clock: environment.clock)
        environment.capabilities.provide(logs, as: .logIngestion)
        return logs
    }
}
