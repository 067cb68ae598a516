import EmulatorKit
import Foundation
import JSON

/// The emulator: its services, the virtual clock, the API call log and the store behind them.
/// The server hands it decoded requests; lab checks read its `state()`.
public final class Emulator: Sendable {
    public struct Configuration: Sendable {
        public var account: String
        public var region: String
        /// SQLite file (WAL); nil keeps everything in memory (tests, `--in-memory`).
        public var databasePath: String?

        public init(account: String = "123456789012", region: String = "us-east-1", databasePath: String? = nil) {
            self.account = account
            self.region = region
            self.databasePath = databasePath
        }
    }

    public let configuration: Configuration
    public let clock: VirtualClock
    public let callLog: CallLog
    /// Why each published message and event did or did not arrive (`deliveries`).
    public let journal: DeliveryJournal
    /// Local webhooks functions and subscriptions deliver to (`webhooks`).
    public let webhooks: WebhookSink
    private let services: [String: any EmulatorService]
    /// The services in build order: a provider before the services that use it.
    private let servicesInBuildOrder: [any EmulatorService]
    private let database: AppDatabase?
    /// Named copies of the state (`/_handson/snapshots/NAME`); nil without a database.
    public let snapshots: SnapshotStore?

    public init(configuration: Configuration, clock: VirtualClock, callLog: CallLog, services: [any EmulatorService],
                database: AppDatabase? = nil, journal: DeliveryJournal = DeliveryJournal()) {
        self.configuration = configuration
        self.clock = clock
        self.callLog = callLog
        self.journal = journal
        self.webhooks = WebhookSink(clock: clock)
        self.services = Dictionary(uniqueKeysWithValues: services.map { ($0.name, $0) })
        self.servicesInBuildOrder = services
        self.database = database
        self.snapshots = database.map(SnapshotStore.init(database:))
    }

    public var serviceNames: [String] { services.keys.sorted() }

    public func service(named name: String) -> (any EmulatorService)? { services[name] }

    /// The endpoints services serve besides the AWS APIs (`ServiceRoute`), under `/_handson/`.
    public var serviceRoutes: [ServiceRoute] { services.values.flatMap(\.routes) + webhooks.routes }

    /// The server listens on `port`: services that hand it to code they run learn it.
    public func listening(on port: Int) {
        for service in services.values { service.listening(on: port) }
    }

    /// Runs one operation and records it in the call log, whatever the outcome.
    public func call(service name: String, operation: String, input: JSONValue, context: RequestContext) async -> Result<JSONValue, AWSError> {
        let result: Result<JSONValue, AWSError>
        if let service = services[name] {
            do {
                result = .success(try await service.handle(operation: operation, input: input, context: context))
            } catch {
                result = .failure(error)
            }
        } else {
            result = .failure(AWSError(code: "InvalidAction", message: "The service \(name) is not emulated by handson."))
        }
        let outcome: String
        switch result {
        case .success: outcome = "ok"
        case .failure(let error): outcome = error.queryCode ?? error.code
        }
        callLog.record(CallLog.Entry(time: clock.now, service: name, operation: operation, parameters: input,
                                     outcome: outcome, requestId: context.requestId, region: context.region))
        return result
    }

    /// The whole state as one JSON document (`/_handson/state`): what lab checks query.
    public func state() async -> JSONValue {
        var document: [String: JSONValue] = [
            "account": .string(configuration.account),
            "region": .string(configuration.region),
            "clock": .object([
                "now": .string(ISO8601.string(clock.now)),
                "offsetSeconds": .number(clock.offsetSeconds),
            ]),
            "calls": .array(callLog.entries().map(\.json)),
            "deliveries": journal.json,
            "webhooks": webhooks.json,
        ]
        for (name, service) in services {
            document[name] = await service.state()
        }
        return .object(document)
    }

    /// Forgets every resource and the call log; the clock keeps its offset.
    public func reset() async throws {
        for service in services.values { try await service.reset() }
        callLog.clear()
        journal.clear()
        webhooks.clear()
    }

    /// Moves the virtual clock forward and answers once every service has run what that
    /// made due (an hourly rule advanced by 3 h has fired three times).
    public func advanceClock(by seconds: TimeInterval) async throws(VirtualClock.OutOfRange) {
        try clock.advance(by: seconds)
        for service in servicesInBuildOrder { await service.settle() }
    }

    /// Stops every service's background work: function runtimes exit, and requests they hold
    /// open (a runtime's `GET …/invocation/next`) are answered, so the server can stop.
    public func shutdown() async {
        for service in services.values { await service.shutdown() }
    }

    /// Saves the whole state (resources and call log) as the snapshot `name`.
    public func saveSnapshot(name: String) async throws {
        guard let snapshots else { throw SnapshotStore.NotFound(name: name) }
        try await snapshots.save(name: name)
    }

    /// Puts back the state saved as `name`. The virtual clock is not taken back: time only
    /// moves forward, so timers in the restored state run on from the current virtual time.
    public func restoreSnapshot(name: String) async throws {
        guard let snapshots, let database else { throw SnapshotStore.NotFound(name: name) }
        try await snapshots.restore(name: name)
        try await database.commits.write { [offset = clock.offsetSeconds] db in
            try AppDatabase.storeClockOffset(offset, in: db)
        }
        for service in services.values { try await service.reload() }
        callLog.replace(with: try await database.loadCallLog(limit: callLog.capacity))
        // Kept in memory only, so not in the snapshot: what they held belongs to a later time.
        journal.clear()
        webhooks.clear()
    }
}
