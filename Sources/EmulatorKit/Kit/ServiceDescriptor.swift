import Foundation

/// Everything the registry needs to know about a service: its name (which is also its wire
/// model's file name, its state-document key and its SigV4 signing name), its schema, which
/// capabilities it offers and needs, and how to build it.
public struct ServiceDescriptor: Sendable {
    public let name: String
    /// Named, never-edited migrations, applied in the registry's order.
    public let migrations: [SchemaMigration]
    /// Capability names (`CapabilityKey.name`) it provides once built.
    public let provides: [String]
    /// Capability names it needs from services built before it.
    public let requires: [String]
    public let make: @Sendable (ServiceEnvironment) async throws -> any EmulatorService

    public init(name: String, migrations: [SchemaMigration] = [], provides: [String] = [], requires: [String] = [],
                make: @escaping @Sendable (ServiceEnvironment) async throws -> any EmulatorService) {
        self.name = name
        self.migrations = migrations
        self.provides = provides
        self.requires = requires
        self.make = make
    }
}

/// What a service is built with: the shared database, clock and delivery journal, the emulator's account and
/// region, and the capabilities of the services built before it.
public struct ServiceEnvironment: Sendable {
    public let database: AppDatabase
    public let clock: VirtualClock
    public let capabilities: Capabilities
    public let account: String
    public let region: String
    /// Where services that route messages (SNS, EventBridge, S3) record why each did or did
    /// not arrive.
    public let journal: DeliveryJournal

    public init(database: AppDatabase, clock: VirtualClock, capabilities: Capabilities, account: String, region: String,
                journal: DeliveryJournal = DeliveryJournal()) {
        self.database = database
        self.clock = clock
        self.capabilities = capabilities
        self.account = account
        self.region = region
        self.journal = journal
    }
}

extension ServiceDescriptor {
    /// A service was built before the one providing what it requires: a registry defect.
    public struct MissingCapability: Error, CustomStringConvertible {
        public let service: String
        public let capability: String

        public init(service: String, capability: String) {
            self.service = service
            self.capability = capability
        }

        public var description: String { "the \(service) service requires \(capability), which no service built before it provides" }
    }
}
