import AWSWire
import Emulator
import EmulatorKit
import Foundation
import HTTPTypes
import Hummingbird
import JSON

/// Answers AWS API requests: wire bytes → decoded operation → service → wire bytes.
struct AWSResponder: Sendable {
    let emulator: Emulator
    let codec: WireCodec

    func respond(to request: Request, body: Data) async -> Response {
        let requestId = UUID.random().lowercasedString
        let wire = WireRequest(
            method: request.method.rawValue,
            path: request.uri.path,
            query: request.uri.queryParameters.map { (String($0.key), String($0.value)) },
            headers: Self.headers(of: request),
            body: body)
        let decoded: DecodedRequest
        do {
            decoded = try codec.decode(wire)
        } catch {
            return Self.response(codec.encode(error: error, for: nil, wireProtocol: nil, requestId: requestId))
        }
        let host = request.head.authority ?? "localhost:4566"
        let context = RequestContext(
            account: emulator.configuration.account,
            region: decoded.region ?? emulator.configuration.region,
            requestId: requestId,
            accessKeyId: decoded.accessKeyId,
            endpoint: "http://\(host)")
        switch await emulator.call(service: decoded.service, operation: decoded.operation, input: decoded.input, context: context) {
        case .success(let output):
            return Self.response(codec.encode(output: output, for: decoded, requestId: requestId))
        case .failure(let error):
            let wireError = WireError(code: error.code, message: error.message, httpStatus: error.httpStatus,
                                      senderFault: error.senderFault, queryCode: error.queryCode)
            return Self.response(codec.encode(error: wireError, for: decoded, wireProtocol: decoded.wireProtocol, requestId: requestId))
        }
    }

    static func headers(of request: Request) -> [String: String] {
        var headers: [String: String] = [:]
        for field in request.headers {
            headers[field.name.canonicalName] = field.value
        }
        return headers
    }

    static func response(_ wire: WireResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in wire.headers {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        return Response(status: .init(code: wire.status), headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: wire.body)))
    }
}
