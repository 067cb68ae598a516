import Emulator
import Foundation
import HTTPTypes
import Hummingbird

/// The Lambda Runtime API for the emulator's execution environments:
/// `/_handson/lambda-runtime/ENV/2018-06-01/runtime/invocation/next`, `…/{id}/response`,
/// `…/{id}/error`, `…/init/error` — what AWS_LAMBDA_RUNTIME_API points a runtime at.
struct LambdaRuntimeRoutes: Sendable {
    let api: LambdaRuntimeAPI
    static let prefix = "/_handson/lambda-runtime/"

    func respond(to request: Request, body: Data) async -> Response? {
        let path = request.uri.path
        guard path.hasPrefix(Self.prefix) else { return nil }
        let parts = path.dropFirst(Self.prefix.count).split(separator: "/").map(String.init)
        // ENV, 2018-06-01, runtime, …
        guard parts.count >= 4, parts[1] == "2018-06-01", parts[2] == "runtime" else { return status(.notFound, "unknown runtime path") }
        let environment = parts[0]
        let rest = Array(parts[3...])
        let errorType = request.headers[HTTPField.Name("Lambda-Runtime-Function-Error-Type")!]
        switch (request.method, rest.count, rest) {
        case (.get, 2, let r) where r == ["invocation", "next"]:
            return answer(await api.next(environment: environment))
        case (.post, 3, let r) where r[0] == "invocation" && r[2] == "response":
            return answer(api.respond(environment: environment, requestId: r[1], body: body))
        case (.post, 3, let r) where r[0] == "invocation" && r[2] == "error":
            return answer(api.fail(environment: environment, requestId: r[1], body: body, errorType: errorType))
        case (.post, 2, let r) where r == ["init", "error"]:
            return answer(api.initFailed(environment: environment, body: body, errorType: errorType))
        default:
            return status(.notFound, "unknown runtime path")
        }
    }

    private func answer(_ answer: LambdaRuntimeAPI.Answer) -> Response {
        switch answer {
        case .invocation(let invocation):
            var headers = HTTPFields()
            headers[HTTPField.Name("Lambda-Runtime-Aws-Request-Id")!] = invocation.requestId
            headers[HTTPField.Name("Lambda-Runtime-Deadline-Ms")!] = String(invocation.deadlineMs)
            headers[HTTPField.Name("Lambda-Runtime-Invoked-Function-Arn")!] = invocation.functionArn
            headers[HTTPField.Name("Lambda-Runtime-Trace-Id")!] = "Root=1-00000000-000000000000000000000000;Sampled=0"
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: invocation.event)))
        case .accepted:
            return status(.accepted, "OK")
        case .gone:
            // The environment was shut down: the runtime should exit.
            return status(.gone, "the execution environment no longer exists")
        case .notFound(let message):
            return status(.badRequest, message)
        }
    }

    private func status(_ status: HTTPResponse.Status, _ message: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(string: #"{"status":"\#(message)"}"#)))
    }
}
