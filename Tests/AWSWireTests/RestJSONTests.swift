import AWSWire
import Foundation
import JSON
import Testing

/// restJson1 with Lambda's real model: routing by method and path, members from the path,
/// query string and headers, payload bodies, status codes and error headers.
@Suite struct RestJSONTests {
    static let codec: WireCodec = {
        do { return WireCodec(catalog: try ServiceCatalog.bundled(["sqs", "lambda"])) } catch { fatalError("\(error)") }
    }()

    static let signed = ["authorization": "AWS4-HMAC-SHA256 Credential=test/20260101/eu-west-1/lambda/aws4_request, SignedHeaders=host, Signature=0"]

    @Test func invokeTakesTheNameFromThePathAndTheBodyAsPayload() throws {
        var headers = Self.signed
        headers["x-amz-invocation-type"] = "Event"
        let request = WireRequest(method: "POST", path: "/2015-03-31/functions/odd-numbers/invocations",
                                  query: [("Qualifier", "$LATEST")], headers: headers, body: Data(#"{"n": 3}"#.utf8))
        let decoded = try Self.codec.decode(request)
        #expect(decoded.service == "lambda")
        #expect(decoded.operation == "Invoke")
        #expect(decoded.region == "eu-west-1")
        #expect(decoded.input["FunctionName"] == "odd-numbers")
        #expect(decoded.input["InvocationType"] == "Event")
        #expect(decoded.input["Qualifier"] == "$LATEST")
        #expect(decoded.input["Payload"] == .string(Data(#"{"n": 3}"#.utf8).base64EncodedString()))
    }

    @Test func aMoreSpecificTemplateWinsAndJSONBodiesAreMembers() throws {
        let get = try Self.codec.decode(WireRequest(method: "GET", path: "/2015-03-31/functions/f1", headers: Self.signed))
        #expect(get.operation == "GetFunction")
        let list = try Self.codec.decode(WireRequest(method: "GET", path: "/2015-03-31/functions/", query: [("MaxItems", "5")], headers: Self.signed))
        #expect(list.operation == "ListFunctions")
        #expect(list.input["MaxItems"] == 5)
        let create = try Self.codec.decode(WireRequest(method: "POST", path: "/2015-03-31/event-source-mappings/", headers: Self.signed,
                                                       body: Data(#"{"FunctionName":"f1","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:q","BatchSize":5}"#.utf8)))
        #expect(create.operation == "CreateEventSourceMapping")
        #expect(create.input["BatchSize"] == 5)
    }

    @Test func responsesCarryStatusHeadersAndRawPayload() throws {
        let request = try Self.codec.decode(WireRequest(method: "POST", path: "/2015-03-31/functions/f1/invocations", headers: Self.signed))
        let output: JSONValue = ["StatusCode": 200, "FunctionError": "Unhandled", "ExecutedVersion": "$LATEST",
                                 "Payload": .string(Data(#"{"errorMessage":"odd"}"#.utf8).base64EncodedString())]
        let response = Self.codec.encode(output: output, for: request, requestId: "r1")
        #expect(response.status == 200)
        #expect(response.header("X-Amz-Function-Error") == "Unhandled")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"errorMessage":"odd"}"#)

        let create = try Self.codec.decode(WireRequest(method: "POST", path: "/2015-03-31/functions", headers: Self.signed,
                                                       body: Data(#"{"FunctionName":"f1","Role":"arn:aws:iam::123456789012:role/r","Code":{}}"#.utf8)))
        let created = Self.codec.encode(output: ["FunctionName": "f1"], for: create, requestId: "r2")
        #expect(created.status == 201)
    }

    @Test func errorsNameTheirTypeInAHeader() throws {
        let request = try Self.codec.decode(WireRequest(method: "GET", path: "/2015-03-31/functions/nope", headers: Self.signed))
        let error = WireError(code: "ResourceNotFoundException", message: "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope", httpStatus: 404)
        let response = Self.codec.encode(error: error, for: request, requestId: "r3")
        #expect(response.status == 404)
        #expect(response.header("x-amzn-ErrorType") == "ResourceNotFoundException")
        #expect(try JSONValue(jsonData: response.body)["Message"] == .string(error.message))
    }

    @Test func anUnknownPathIsStillAnError() {
        #expect(throws: WireError.self) {
            try Self.codec.decode(WireRequest(method: "GET", path: "/2015-03-31/nothing-here", headers: Self.signed))
        }
    }
}

