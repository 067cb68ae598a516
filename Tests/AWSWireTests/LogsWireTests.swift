import AWSWire
import Foundation
import JSON
import Testing

/// CloudWatch Logs on the wire: JSON 1.1 by `Logs_20140328.*`, plain `__type` errors, and
/// Coral validation reported as InvalidParameterException (from the model's overlay).
@Suite("CloudWatch Logs wire")
struct LogsWireTests {
    static let catalog: ServiceCatalog = {
        do { return try ServiceCatalog.bundled(["sqs", "logs"]) } catch { fatalError("\(error)") }
    }()
    static let codec = WireCodec(catalog: catalog)

    func request(_ operation: String, _ body: String) -> WireRequest {
        WireRequest(method: "POST", path: "/", headers: [
            "content-type": "application/x-amz-json-1.1",
            "x-amz-target": "Logs_20140328.\(operation)",
            "authorization": "AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/logs/aws4_request, SignedHeaders=host, Signature=x",
        ], body: Data(body.utf8))
    }

    @Test func routesByTargetAndKeepsMillisecondTimestampsAsNumbers() throws {
        let model = try #require(Self.catalog.model(named: "logs"))
        #expect(model.metadata.jsonVersion == "1.1")
        #expect(model.metadata.signingName == "logs")
        #expect(model.metadata.validationErrorCode == "InvalidParameterException")
        let decoded = try Self.codec.decode(request("PutLogEvents", #"""
            {"logGroupName":"g","logStreamName":"s","logEvents":[{"timestamp":1767225600123,"message":"hi"}]}
            """#))
        #expect(decoded.service == "logs")
        #expect(decoded.operation == "PutLogEvents")
        #expect(decoded.region == "eu-west-1")
        #expect(decoded.input == json(#"{"logGroupName":"g","logStreamName":"s","logEvents":[{"timestamp":1767225600123,"message":"hi"}]}"#))
        let output = Self.codec.encode(output: json(#"{"events":[{"timestamp":1767225600123,"message":"hi","ingestionTime":1767225600200}],"nextForwardToken":"f/1"}"#),
                                       for: decoded, requestId: "r")
        #expect(output.header("Content-Type") == "application/x-amz-json-1.1")
        #expect(String(decoding: output.body, as: UTF8.self).contains("1767225600123"))
    }

    @Test func missingMembersAreInvalidParameterExceptions() throws {
        let error = try #require(decodeLogsError(request("CreateLogGroup", "{}")))
        #expect(error.code == "InvalidParameterException")
        #expect(error.message == "1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: Member must not be null")
    }

    @Test func errorsCarryAPlainType() throws {
        let decoded = try Self.codec.decode(request("GetLogEvents", #"{"logGroupName":"g","logStreamName":"s"}"#))
        let response = Self.codec.encode(error: WireError(code: "ResourceNotFoundException", message: "The specified log group does not exist."),
                                         for: decoded, requestId: "r")
        #expect(response.status == 400)
        #expect(response.header("x-amzn-query-error") == nil)
        #expect(String(decoding: response.body, as: UTF8.self)
            == #"{"__type":"ResourceNotFoundException","message":"The specified log group does not exist."}"#)
    }

    func decodeLogsError(_ request: WireRequest) -> WireError? {
        do {
            _ = try Self.codec.decode(request)
            return nil
        } catch {
            return error
        }
    }
}
