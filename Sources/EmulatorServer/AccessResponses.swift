import AWSWire
import EmulatorKit
import Foundation
import HandsonAPI
import HTTPTypes
import Hummingbird
import JSON

/// How `AccessGuard`'s decisions sound on the wire: a refusal is a 403 in the protocol the
/// client would expect (told apart without reading the body, which is not read at all), and an
/// allowed web origin gets CORS headers.
enum AccessResponses {
    static func refusal(_ refusal: AccessGuard.Refusal, to request: Request, codec: WireCodec) -> Response {
        let path = request.uri.path
        var response: Response
        if path.hasPrefix(HandsonAPI.root) || path == HandsonAPI.motoReset {
            // The emulator's own endpoints answer `{"error", "message"}` (docs/state.md).
            let body: JSONValue = ["error": "AccessDenied", "message": .string(refusal.message)]
            response = Response(status: .forbidden, headers: [.contentType: "application/json"],
                                body: .init(byteBuffer: ByteBuffer(string: body.jsonText(sortedKeys: true) + "\n")))
        } else {
            let error = WireError(code: "AccessDeniedException", message: refusal.message, httpStatus: 403, queryCode: "AccessDenied")
            response = AWSResponder.response(codec.encode(error: error, for: nil, wireProtocol: wireProtocol(of: request),
                                                          requestId: UUID.random().lowercasedString))
        }
        response.headers[HTTPField.Name("X-Handson-Refused")!] = refusal.reason.rawValue
        return response
    }

    /// JSON protocols name the operation in `X-Amz-Target`; query-protocol requests are forms or
    /// carry `Action=`; anything else on a path is restJson1 (Lambda).
    static func wireProtocol(of request: Request) -> WireProtocol {
        if request.headers[HTTPField.Name("X-Amz-Target")!] != nil { return .json }
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        if contentType.contains("x-www-form-urlencoded") || request.uri.query?.contains("Action=") == true || request.uri.path == "/" {
            return .query
        }
        return .restJSON
    }

    /// A CORS preflight from an allowed origin.
    static func preflight(origin: String, request: Request) -> Response {
        var response = Response(status: .noContent)
        allowing(origin, on: &response)
        response.headers[.accessControlAllowMethods] = "GET, HEAD, POST, PUT, DELETE, PATCH"
        response.headers[.accessControlAllowHeaders] = request.headers[.accessControlRequestHeaders] ?? "*"
        response.headers[.accessControlMaxAge] = "600"
        return response
    }

    static func allowing(_ origin: String, on response: inout Response) {
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.accessControlExposeHeaders] = "x-amzn-RequestId, x-amzn-ErrorType, x-amzn-query-error, x-amz-function-error, x-amz-log-result"
        response.headers[.vary] = "Origin"
    }
}
