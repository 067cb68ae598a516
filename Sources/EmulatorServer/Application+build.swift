import AWSWire
import Emulator
import EmulatorKit
import Foundation
import HandsonAPI
import Hummingbird
import Logging

/// The one responder: the emulator's own endpoints (`/_handson/…` and moto's reset alias) on
/// Hummingbird's router; everything else is an AWS API call, dispatched by the wire layer.
struct EmulatorResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let router: RouterResponder<Context>
    let admin: AdminRoutes
    let aws: AWSResponder
    let spool: RequestBodySpool
    let access: AccessGuard

    func respond(to request: Request, context: Context) async throws -> Response {
        // Who may ask comes first: a refused request's body is never read.
        switch access.verdict(for: request) {
        case .refused(let refusal):
            return AccessResponses.refusal(refusal, to: request, codec: aws.codec)
        case .allowed(let origin?):
            if request.method == .options { return AccessResponses.preflight(origin: origin, request: request) }
            var response = try await route(request, context: context)
            AccessResponses.allowing(origin, on: &response)
            return response
        case .allowed(nil):
            return try await route(request, context: context)
        }
    }

    private func route(_ request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        if path == HandsonAPI.root || path.hasPrefix(HandsonAPI.rootPrefix) || path == HandsonAPI.motoReset {
            do {
                return try await router.respond(to: request, context: context)
            } catch let error as HTTPError where error.status == .notFound {
                return admin.notFound(request)
            }
        }
        let body: (data: Data, file: URL?)
        do {
            body = try await spool.read(request.body)
        } catch is RequestBodySpool.TooLarge {
            return Response(status: .contentTooLarge)
        }
        defer { if let file = body.file { try? FileManager.default.removeItem(at: file) } }
        return await aws.respond(to: request, body: body.data)
    }
}

/// The emulator's routes and the services' own (`ServiceRoute`, e.g. Lambda's Runtime API).
func makeRouter(emulator: Emulator, admin: AdminRoutes, maxBodyBytes: Int) -> Router<BasicRequestContext> {
    let router = Router()
    admin.register(on: router)
    for route in emulator.serviceRoutes {
        router.on(RouterPath(HandsonAPI.servicePath(route.path)), method: .init(route.method) ?? .get) { request, context in
            var request = request
            guard let body = try? await request.collectBody(upTo: maxBodyBytes) else { return Response(status: .contentTooLarge) }
            var parameters: [String: String] = [:]
            for name in route.parameterNames { parameters[name] = context.parameters.get(name) }
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            var query: [String: String] = [:]
            for (name, value) in request.uri.queryParameters { query[String(name)] = String(value) }
            let answer = await route.handle(ServiceRouteRequest(parameters: parameters, headers: headers, query: query,
                                                                body: Data(buffer: body)))
            return AWSResponder.response(WireResponse(status: answer.status, headers: answer.headers, body: answer.body))
        }
    }
    return router
}

/// Builds the server app; kept apart from the CLI so tests run it in-process.
public func buildApplication(_ configuration: ServerConfiguration, version: String,
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws -> some ApplicationProtocol {
    let (emulator, catalog) = try await openEmulatorAndModels(configuration)
    try writeTokenFile(configuration)
    return buildApplication(emulator: emulator, catalog: catalog, configuration: configuration, version: version,
                            onServerRunning: onServerRunning)
}

/// The emulator and the wire catalog of its services (each model's metadata now, the rest
/// parsed when a request first needs it).
func openEmulatorAndModels(_ configuration: ServerConfiguration) async throws -> (Emulator, ServiceCatalog) {
    let emulator = try await EmulatorFactory.make(.init(account: configuration.account, region: configuration.region,
                                                        databasePath: configuration.databasePath))
    // The models ship inside the binary; failing to load one is a build defect, not user error.
    let catalog = try! ServiceCatalog.bundled(emulator.serviceNames)
    StartupTrace.mark("wire models' metadata read")
    return (emulator, catalog)
}

/// Writes the token where `--token-file` said, before the server listens: a client that has
/// seen the port can read the token.
func writeTokenFile(_ configuration: ServerConfiguration) throws {
    if let file = configuration.tokenFile { try TokenFile.write(configuration.token, to: file) }
}

public func buildApplication(emulator: Emulator, catalog: ServiceCatalog, configuration: ServerConfiguration, version: String,
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
    let admin = AdminRoutes(emulator: emulator, version: version, maxBodyBytes: configuration.maxBodyBytes)
    let openPrefixes = emulator.serviceRoutes.filter { $0.access != .token }.map { HandsonAPI.servicePath($0.fixedPrefix) }
    let access = AccessGuard(configuration: configuration, openPrefixes: openPrefixes)
    let responder = EmulatorResponder(
        router: makeRouter(emulator: emulator, admin: admin, maxBodyBytes: configuration.maxBodyBytes).buildResponder(),
        admin: admin,
        aws: AWSResponder(emulator: emulator, codec: WireCodec(catalog: catalog)),
        spool: RequestBodySpool(memoryLimit: 1 << 20, maximum: configuration.maxBodyBytes),
        access: access)
    var logger = Logger(label: "handson")
    logger.logLevel = .warning
    return Application(
        responder: responder,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "handson"),
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.port
            StartupTrace.mark("listening")
            access.listening(on: port)
            // Code the emulator runs (function runtimes) reaches it on this port.
            emulator.listening(on: port)
            await onServerRunning(port)
        },
        logger: logger)
}
