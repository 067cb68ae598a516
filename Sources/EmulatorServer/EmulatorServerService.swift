import Emulator
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// The emulator's server as one service: when asked to stop (a signal, or its task cancelled)
/// it first shuts the emulator's background work down — function runtimes hold requests open
/// (`GET …/invocation/next`) that a graceful HTTP shutdown would otherwise wait on forever.
public struct EmulatorServerService: Service {
    let app: any ApplicationProtocol
    let emulator: Emulator

    public init(_ configuration: ServerConfiguration, version: String,
                onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let (emulator, catalog) = try await openEmulatorAndModels(configuration)
        try writeTokenFile(configuration)
        self.emulator = emulator
        app = buildApplication(emulator: emulator, catalog: catalog, configuration: configuration, version: version,
                               onServerRunning: onServerRunning)
    }

    public func run() async throws {
        let emulator = self.emulator
        try await withTaskCancellationHandler {
            try await withGracefulShutdownHandler {
                try await app.run()
            } onGracefulShutdown: {
                Task { await emulator.shutdown() }
            }
        } onCancel: {
            Task { await emulator.shutdown() }
        }
    }

    /// Runs until one of `signals` asks for a graceful stop (or the task is cancelled).
    public func runService(gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint]) async throws {
        var logger = Logger(label: "handson")
        logger.logLevel = .warning
        let group = ServiceGroup(configuration: .init(services: [self], gracefulShutdownSignals: gracefulShutdownSignals,
                                                      logger: logger))
        try await group.run()
    }
}
