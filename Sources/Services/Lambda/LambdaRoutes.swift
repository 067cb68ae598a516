import EmulatorKit
import Foundation
import HandsonAPI

/// What Lambda serves besides its API, under `/_handson/`: the Runtime API its execution
/// environments call (`AWS_LAMBDA_RUNTIME_API` points at `lambda-runtime/ENV`), and the
/// package download `GetFunction`'s `Code.Location` names. Neither takes the emulator's token:
/// each checks a secret in its own URL (the environment's random key; the URL's signature),
/// see docs/security.md.
enum LambdaRoutes {
    static let runtimeRelative = "lambda-runtime"
    static let codeRelative = "lambda-code"
    /// The path prefix of one environment's Runtime API, followed by its id.
    static let runtimePrefix = HandsonAPI.servicePath(runtimeRelative) + "/"

    /// `/_handson/lambda-code/ACCOUNT/REGION/NAME?X-Handson-Signature=…`, relative to the endpoint.
    static func codeLocation(_ function: LambdaFunction, signer: CodeLocationSigner) -> String {
        HandsonAPI.servicePath("\(codeRelative)/\(function.account)/\(function.region)/\(function.name)")
            + "?\(CodeLocationSigner.parameter)=\(signer.signature(for: function))"
    }

    static func routes(api: LambdaRuntimeAPI, service: LambdaService) -> [ServiceRoute] {
        let runtime = "\(runtimeRelative)/{environment}/2018-06-01/runtime"
        return [
            ServiceRoute("GET", "\(runtime)/invocation/next", access: .secretInURL) { request in
                answer(await api.next(environment: request.parameters["environment"] ?? ""))
            },
            ServiceRoute("POST", "\(runtime)/invocation/{requestId}/response", access: .secretInURL) { request in
                answer(api.respond(environment: request.parameters["environment"] ?? "",
                                   requestId: request.parameters["requestId"] ?? "", body: request.body))
            },
            ServiceRoute("POST", "\(runtime)/invocation/{requestId}/error", access: .secretInURL) { request in
                answer(api.fail(environment: request.parameters["environment"] ?? "", requestId: request.parameters["requestId"] ?? "",
                                body: request.body, errorType: request.headers["lambda-runtime-function-error-type"]))
            },
            ServiceRoute("POST", "\(runtime)/init/error", access: .secretInURL) { request in
                answer(api.initFailed(environment: request.parameters["environment"] ?? "", body: request.body,
                                      errorType: request.headers["lambda-runtime-function-error-type"]))
            },
            ServiceRoute("GET", "\(codeRelative)/{account}/{region}/{function}", access: .secretInURL) { request in
                let context = RequestContext(account: request.parameters["account"] ?? "", region: request.parameters["region"] ?? "")
                // One answer for a missing function and a bad signature: the URL proves nothing else.
                guard let zip = await service.package(named: request.parameters["function"] ?? "", context,
                                                      signature: request.query[CodeLocationSigner.parameter]) else {
                    return .message(403, "this Code.Location is not valid (wrong or missing signature, new code, or the emulator restarted); GetFunction gives a fresh one")
                }
                return ServiceRouteResponse(status: 200, headers: [("Content-Type", "application/zip")], body: zip)
            },
        ]
    }

    private static func answer(_ answer: LambdaRuntimeAPI.Answer) -> ServiceRouteResponse {
        switch answer {
        case .invocation(let invocation):
            return ServiceRouteResponse(status: 200, headers: [
                ("Lambda-Runtime-Aws-Request-Id", invocation.requestId),
                ("Lambda-Runtime-Deadline-Ms", String(invocation.deadlineMs)),
                ("Lambda-Runtime-Invoked-Function-Arn", invocation.functionArn),
                ("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0"),
                ("Content-Type", "application/json"),
            ], body: invocation.event)
        case .accepted:
            return .message(202, "OK")
        case .gone:
            // The environment was shut down: the runtime should exit.
            return .message(410, "the execution environment no longer exists")
        case .notFound(let message):
            return .message(400, message)
        }
    }
}

extension LambdaService {
    public nonisolated var routes: [ServiceRoute] { LambdaRoutes.routes(api: LambdaRuntimeAPI(host: host), service: self) }

    public nonisolated func listening(on port: Int) { host.listening(on: port) }

    /// A function's deployment package, for a `Code.Location` whose signature is valid.
    func package(named name: String, _ context: RequestContext, signature: String?) async -> Data? {
        guard let function = try? function(named: name, context), host.codeSigner.isValid(signature, for: function) else { return nil }
        return try? await store.code(sha256: function.codeSha256)
    }

    /// Lambda in the registry: its schema; it uses queues, permissions and log ingestion
    /// when the services providing them are registered, and invokes functions for others.
    public static let descriptor = ServiceDescriptor(
        name: "lambda", migrations: LambdaMigrations.all,
        provides: [CapabilityKey.functionInvoker.name],
        requires: [CapabilityKey.messageQueues.name, CapabilityKey.permissions.name, CapabilityKey.logIngestion.name]
    ) { environment in
        let lambda = try await LambdaService(database: environment.database, clock: environment.clock,
                                             queues: environment.capabilities.resolve(.messageQueues),
                                             permissions: environment.capabilities.resolve(.permissions),
                                             logs: environment.capabilities.resolve(.logIngestion))
        environment.capabilities.provide(lambda, as: .functionInvoker)
        return lambda
    }
}
