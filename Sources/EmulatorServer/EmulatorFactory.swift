import Emulator
import Foundation

/// Opens the store and builds every service on it, so a restart resumes where it stopped.
public enum EmulatorFactory {
    public static func make(_ configuration: ServerConfiguration) async throws -> Emulator {
        if let path = configuration.databasePath {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
        }
        StartupTrace.mark("serve: arguments parsed")
        let database = try AppDatabase.open(path: configuration.databasePath)
        StartupTrace.mark("database open, migrations run")
        let clock = VirtualClock()
        try await database.attach(clock: clock)
        let callLog = try await database.makeCallLog()
        StartupTrace.mark("clock and call log loaded")
        let sqs = try await SQSService(database: database, clock: clock)
        // IAM answers permission questions for the other services (`PermissionAuthority`):
        // build it first and hand it to any service that enforces permissions.
        let iam = try await IAMService(database: database, clock: clock)
        let sts = STSService(iam: iam)
        // Other services reach Logs in-process: Lambda through its log sink below, anything
        // else as `emulator.service(named: "logs") as? LogsService`, calling `ingest`.
        let logs = try await LogsService(database: database, clock: clock)
        let lambda = try await LambdaService(
            database: database, clock: clock, sqs: sqs, permissions: iam,
            logSink: { group, stream, events, account, region in
                await logs.ingest(group: group, stream: stream, events: events, account: account, region: region)
            })
        StartupTrace.mark("services loaded")
        return Emulator(
            configuration: .init(account: configuration.account, region: configuration.region,
                                 databasePath: configuration.databasePath),
            clock: clock, callLog: callLog, services: [sqs, iam, sts, logs, lambda], database: database)
    }
}
