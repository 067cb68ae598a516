import EmulatorKit
import Foundation

/// Opens the store and builds every registered service on it, so a restart resumes where it
/// stopped.
public enum EmulatorFactory {
    public static func make(_ configuration: Emulator.Configuration,
                            services descriptors: [ServiceDescriptor] = ServiceRegistry.all) async throws -> Emulator {
        StartupTrace.mark("serve: arguments parsed")
        let database = try AppDatabase.open(path: configuration.databasePath, migrations: descriptors.flatMap(\.migrations))
        StartupTrace.mark("database open, migrations run")
        let clock = VirtualClock()
        try await database.attach(clock: clock)
        let callLog = try await database.makeCallLog()
        StartupTrace.mark("clock and call log loaded")
        let journal = DeliveryJournal()
        let environment = ServiceEnvironment(
            database: database, clock: clock, capabilities: Capabilities(),
            account: configuration.account, region: configuration.region, journal: journal)
        var services: [any EmulatorService] = []
        for descriptor in try ServiceRegistry.buildOrder(descriptors) {
            let service = try await descriptor.make(environment)
            precondition(service.name == descriptor.name, "service \(service.name) registered as \(descriptor.name)")
            services.append(service)
        }
        StartupTrace.mark("services loaded")
        return Emulator(configuration: configuration, clock: clock, callLog: callLog, services: services, database: database, journal: journal)
    }
}
