import AWSWire
import Foundation
import JSON
import Testing

@Suite("Error responses")
struct ErrorEncodingTests {
    func request(_ wireProtocol: WireProtocol) throws -> DecodedRequest {
        let model = sqsModel
        return DecodedRequest(model: model, operation: try #require(model.operations["GetQueueUrl"]), input: [:], wireProtocol: wireProtocol)
    }

    @Test func modeledErrorInJSONCarriesTheQueryCodeHeader() throws {
        let error = WireError(code: "QueueDoesNotExist", message: "The specified queue does not exist.")
        let response = codec.encode(error: error, for: try request(.json), requestId: "req-9")
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "application/x-amz-json-1.0")
        #expect(response.header("x-amzn-RequestId") == "req-9")
        #expect(response.header("x-amzn-query-error") == "AWS.SimpleQueueService.NonExistentQueue;Sender")
        #expect(response.text == #"{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"The specified queue does not exist."}"#)
    }

    @Test func modeledErrorInQueryUsesTheLegacyCode() throws {
        let error = WireError(code: "QueueDoesNotExist", message: "The specified queue does not exist.")
        let response = codec.encode(error: error, for: try request(.query), requestId: "req-9")
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "text/xml")
        #expect(response.text == """
            <ErrorResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><Error><Type>Sender</Type>\
            <Code>AWS.SimpleQueueService.NonExistentQueue</Code><Message>The specified queue does not exist.</Message>\
            <Detail/></Error><RequestId>req-9</RequestId></ErrorResponse>
            """)
    }

    @Test func explicitQueryCodeWins() throws {
        let error = WireError(code: "QueueDoesNotExist", message: "m", queryCode: "Custom.Code")
        #expect(codec.encode(error: error, for: try request(.json), requestId: "r").header("x-amzn-query-error") == "Custom.Code;Sender")
    }

    @Test func unmodeledErrorKeepsItsCode() throws {
        let error = WireError(code: "InvalidParameterValue", message: "Value 99 for parameter DelaySeconds is invalid.")
        let json = codec.encode(error: error, for: try request(.json), requestId: "r")
        #expect(json.header("x-amzn-query-error") == "InvalidParameterValue;Sender")
        #expect(json.text == #"{"__type":"com.amazonaws.sqs#InvalidParameterValue","message":"Value 99 for parameter DelaySeconds is invalid."}"#)
        #expect(codec.encode(error: error, for: try request(.query), requestId: "r").text.contains("<Code>InvalidParameterValue</Code>"))
    }

    @Test func serverFaultsAreReceiverErrors() throws {
        let error = WireError(code: "InternalError", message: "boom", httpStatus: 500)
        #expect(error.senderFault == false)
        let json = codec.encode(error: error, for: try request(.json), requestId: "r")
        #expect(json.status == 500)
        #expect(json.header("x-amzn-query-error") == "InternalError;Receiver")
        #expect(codec.encode(error: error, for: try request(.query), requestId: "r").text.contains("<Type>Receiver</Type>"))
    }

    @Test func modeledHelperTakesStatusAndCodeFromTheModel() {
        let error = WireError.modeled("PurgeQueueInProgress", message: "Only one PurgeQueue operation is allowed every 60 seconds.", in: sqsModel)
        #expect(error.httpStatus == 403)
        #expect(error.senderFault)
        #expect(error.queryCode == "AWS.SimpleQueueService.PurgeQueueInProgress")
        #expect(WireError.modeled("QueueNameExists", message: "m", in: sqsModel).queryCode == "QueueAlreadyExists")
        #expect(WireError.modeled("ReceiptHandleIsInvalid", message: "m", in: sqsModel).queryCode == nil)
        #expect(WireError.modeled("NotInTheModel", message: "m", in: sqsModel).httpStatus == 400)
    }

    @Test func escapingInErrorXML() throws {
        let error = WireError(code: "InvalidParameterValue", message: "Value <x> & \"y\" is invalid.")
        #expect(codec.encode(error: error, for: try request(.query), requestId: "r").text.contains(
            "<Message>Value &lt;x&gt; &amp; &quot;y&quot; is invalid.</Message>"))
    }

    @Test func decodingFailuresAnswerInTheProtocolTheClientSpoke() {
        let jsonFailure = decodeError(jsonRequest("SendMessage", "{"))!
        let json = codec.encode(error: jsonFailure, for: nil, requestId: "r")
        #expect(json.status == 400)
        #expect(json.header("Content-Type") == "application/x-amz-json-1.0")
        #expect(json.header("x-amzn-query-error") == "SerializationException;Sender")
        #expect(json.text.hasPrefix(#"{"__type":"com.amazonaws.sqs#SerializationException","message":"#))

        let queryFailure = decodeError(queryRequest("Action=SendMessage&QueueUrl=u"))!
        let query = codec.encode(error: queryFailure, for: nil, requestId: "r")
        #expect(query.header("Content-Type") == "text/xml")
        #expect(query.text.contains("<Code>MissingParameter</Code><Message>The request must contain the parameter MessageBody.</Message>"))

        let unknownTarget = decodeError(jsonRequest("", "{}", target: "Nobody.Nothing"))!
        #expect(codec.encode(error: unknownTarget, for: nil, requestId: "r").text
            == #"{"__type":"UnknownOperationException","message":"No service handles the operation Nobody.Nothing."}"#)

        let noAction = decodeError(WireRequest(method: "GET"))!
        #expect(codec.encode(error: noAction, for: nil, requestId: "r").text.hasPrefix("<ErrorResponse><Error><Type>Sender</Type><Code>MissingAction</Code>"))
    }

    @Test func protocolHintForErrorsRaisedOutsideDecoding() {
        let error = WireError(code: "AccessDenied", message: "m", httpStatus: 403)
        #expect(codec.encode(error: error, for: nil, wireProtocol: .query, requestId: "r").header("Content-Type") == "text/xml")
        #expect(codec.encode(error: error, for: nil, requestId: "r").header("Content-Type") == "application/x-amz-json-1.0")
    }
}
