import AWSWire
import Emulator
import Foundation
import Hummingbird
import Logging

/// The one responder: emulator endpoints first, everything else is an AWS API call.
struct EmulatorResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let admin: AdminRoutes
    let aws: AWSResponder
    let runtime: LambdaRuntimeRoutes?
    let maxBodyBytes: Int

    func respond(to request: Request, context: Context) async throws -> Response {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maxBodyBytes)
        } catch {
            return Response(status: .contentTooLarge)
        }
        let body = Data(buffer: buffer)
        if let response = await runtime?.respond(to: request, body: body) { return response }
        if let response = await admin.respond(to: request, body: body) { return response }
        return await aws.respond(to: request, body: body)
    }
}

/// Builds the server app; kept apart from the CLI so tests run it in-process.
public func buildApplication(_ configuration: ServerConfiguration, version: String,
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws -> some ApplicationProtocol {
    let (emulator, catalog) = try await openEmulatorAndModels(configuration)
    return buildApplication(emulator: emulator, catalog: catalog, configuration: configuration, version: version,
                            onServerRunning: onServerRunning)
}

/// The emulator and the wire catalog of its services (each model's metadata now, the rest
/// parsed when a request first needs it).
func openEmulatorAndModels(_ configuration: ServerConfiguration) async throws -> (Emulator, ServiceCatalog) {
    let emulator = try await EmulatorFactory.make(configuration)
    // The models ship inside the binary; failing to load one is a build defect, not user error.
    let catalog = try! ServiceCatalog.bundled(emulator.serviceNames)
    StartupTrace.mark("wire models' metadata read")
    return (emulator, catalog)
}

public func buildApplication(emulator: Emulator, catalog: ServiceCatalog, configuration: ServerConfiguration, version: String,
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
    let codec = WireCodec(catalog: catalog)
    let lambda = emulator.service(named: "lambda") as? LambdaService
    let responder = EmulatorResponder(
        admin: AdminRoutes(emulator: emulator, version: version),
        aws: AWSResponder(emulator: emulator, codec: codec, maxBodyBytes: configuration.maxBodyBytes),
        runtime: lambda.map { LambdaRuntimeRoutes(api: $0.runtimeAPI) },
        maxBodyBytes: configuration.maxBodyBytes)
    var logger = Logger(label: "handson")
    logger.logLevel = .warning
    return Application(
        responder: responder,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "handson"),
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.port
            StartupTrace.mark("listening")
            // Function code reaches the Runtime API and the AWS endpoint on this port.
            lambda?.host.listening(on: port)
            await onServerRunning(port)
        },
        logger: logger)
}
