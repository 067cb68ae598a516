import AWSWire
import Foundation
import JSON
import Testing

@Suite("JSON protocol requests")
struct JSONDecodingTests {
    @Test func sendMessageWithAttributes() throws {
        let body = #"{"QueueUrl":"http://localhost:4566/000000000000/q","MessageBody":"hello","DelaySeconds":5,"#
            + #""MessageAttributes":{"n":{"DataType":"String","StringValue":"v"}}}"#
        let request = try decode(jsonRequest("SendMessage", body))
        #expect(request.service == "sqs")
        #expect(request.operation == "SendMessage")
        #expect(request.wireProtocol == .json)
        #expect(request.region == "eu-west-1")
        #expect(request.accessKeyId == "AKIDEXAMPLE")
        #expect(request.input == json(body))
    }

    /// Headers and body exactly as aws-cli 1.45.11 / botocore 1.43.11 sent them
    /// (`aws sqs send-message --message-attributes ...`, captured with a recording server).
    @Test func requestAsTheAwsCliSendsIt() throws {
        let request = WireRequest(method: "POST", path: "/", headers: [
            "host": "127.0.0.1:18766",
            "accept-encoding": "identity",
            "x-amz-target": "AmazonSQS.SendMessage",
            "content-type": "application/x-amz-json-1.0",
            "x-amzn-query-mode": "true",
            "user-agent": "aws-cli/1.45.11 md/Botocore#1.43.11 ua/2.1 os/linux#6.18.44-fc-v782 md/arch#x86_64 lang/python#3.11.7 md/pyimpl#CPython m/g,b,Z,N,D cfg/retry-mode#legacy botocore/1.43.11",
            "x-amz-date": "20261129T151007Z",
            "authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-1/sqs/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target;x-amzn-query-mode, Signature=d09d1cd44c73aac0b7f3f88fa914558a766ad07a2d9c32f5b83dea6359ab5f75",
            "amz-sdk-invocation-id": "a62296a8-b72f-418d-842c-aa8b2217bd84",
            "amz-sdk-request": "attempt=1",
            "content-length": "146",
        ], body: Data(#"{"QueueUrl": "http://127.0.0.1:18766/000000000000/q", "MessageBody": "hi", "MessageAttributes": {"n": {"DataType": "String", "StringValue": "v"}}}"#.utf8))
        let decoded = try decode(request)
        #expect(decoded.operation == "SendMessage")
        #expect(decoded.region == "us-east-1")
        #expect(decoded.accessKeyId == "AKIDEXAMPLE")
        #expect(decoded.input == json(#"{"QueueUrl":"http://127.0.0.1:18766/000000000000/q","MessageBody":"hi","MessageAttributes":{"n":{"DataType":"String","StringValue":"v"}}}"#))
    }

    @Test func sendMessageBatch() throws {
        let body = #"{"QueueUrl":"u","Entries":[{"Id":"a","MessageBody":"x"},{"Id":"b","MessageBody":"y","DelaySeconds":3}]}"#
        let request = try decode(jsonRequest("SendMessageBatch", body))
        #expect(request.input == json(body))
    }

    @Test func receiveMessage() throws {
        let body = #"{"QueueUrl":"u","AttributeNames":["All"],"MessageSystemAttributeNames":["SenderId"],"#
            + #""MessageAttributeNames":["All"],"MaxNumberOfMessages":10,"WaitTimeSeconds":20}"#
        #expect(try decode(jsonRequest("ReceiveMessage", body)).input == json(body))
    }

    @Test func setQueueAttributesTagQueueAndAddPermission() throws {
        let set = #"{"QueueUrl":"u","Attributes":{"VisibilityTimeout":"30"}}"#
        #expect(try decode(jsonRequest("SetQueueAttributes", set)).input == json(set))
        let tag = #"{"QueueUrl":"u","Tags":{"k":"v"}}"#
        #expect(try decode(jsonRequest("TagQueue", tag)).input == json(tag))
        let permission = #"{"QueueUrl":"u","Label":"l","AWSAccountIds":["111122223333"],"Actions":["SendMessage"]}"#
        #expect(try decode(jsonRequest("AddPermission", permission)).input == json(permission))
    }

    @Test func emptyBodyIsAnEmptyObject() throws {
        let request = try decode(jsonRequest("ListQueues", ""))
        #expect(request.input == [:])
    }

    @Test func unknownMembersAndNullsAreDropped() throws {
        let request = try decode(jsonRequest("SendMessage", #"{"QueueUrl":"u","MessageBody":"m","Bogus":1,"DelaySeconds":null}"#))
        #expect(request.input == ["QueueUrl": "u", "MessageBody": "m"])
    }

    @Test func malformedJSONIsASerializationException() {
        let error = decodeError(jsonRequest("SendMessage", #"{"QueueUrl": "#))
        #expect(error?.code == "SerializationException")
        #expect(error?.httpStatus == 400)
        #expect(error?.wireProtocol == .json)
        #expect(error?.service == "sqs")
    }

    @Test(arguments: [#"[]"#, #""text""#, #"42"#, #"null"#])
    func bodyMustBeAnObject(body: String) {
        #expect(decodeError(jsonRequest("SendMessage", body))?.code == "SerializationException")
    }

    @Test(arguments: [
        #"{"QueueUrl":5,"MessageBody":"m"}"#,
        #"{"QueueUrl":"u","MessageBody":"m","DelaySeconds":"5"}"#,
        #"{"QueueUrl":"u","MessageBody":"m","DelaySeconds":1.5}"#,
        #"{"QueueUrl":"u","MessageBody":"m","MessageAttributes":[]}"#,
        #"{"QueueUrl":"u","MessageBody":"m","MessageAttributes":{"n":"v"}}"#,
        #"{"QueueUrl":"u","MessageBody":{"a":1}}"#,
    ])
    func wrongTypesAreSerializationExceptions(body: String) {
        let error = decodeError(jsonRequest("SendMessage", body))
        #expect(error?.code == "SerializationException")
        #expect(error?.httpStatus == 400)
    }

    @Test func wrongTypeMessageNamesThePath() {
        let error = decodeError(jsonRequest("SendMessageBatch", #"{"QueueUrl":"u","Entries":[{"Id":"a","MessageBody":"x"},{"Id":"b","MessageBody":"y","DelaySeconds":"3"}]}"#))
        #expect(error?.message == "Expected an integer for Entries.2.DelaySeconds, found a string.")
    }

    @Test func missingRequiredMemberIsMissingParameter() {
        let error = decodeError(jsonRequest("SendMessage", #"{"MessageBody":"m"}"#))
        #expect(error?.code == "MissingParameter")
        #expect(error?.message == "The request must contain the parameter QueueUrl.")
        #expect(error?.httpStatus == 400)
        #expect(error?.senderFault == true)
    }

    @Test func missingNestedRequiredMember() {
        let error = decodeError(jsonRequest("SendMessage", #"{"QueueUrl":"u","MessageBody":"m","MessageAttributes":{"n":{"StringValue":"v"}}}"#))
        #expect(error?.code == "MissingParameter")
        #expect(error?.message == "The request must contain the parameter MessageAttributes.n.DataType.")
    }

    @Test func unknownOperation() {
        let error = decodeError(jsonRequest("Frobnicate", "{}"))
        #expect(error?.code == "UnknownOperationException")
        #expect(error?.service == "sqs")
        #expect(error?.wireProtocol == .json)
    }

    @Test(arguments: ["AmazonSNS.Publish", "AmazonSQS", "", "."])
    func unknownTarget(target: String) {
        let error = decodeError(jsonRequest("", "{}", target: target))
        #expect(error?.code == "UnknownOperationException")
        #expect(error?.wireProtocol == .json)
    }

    @Test func jsonBodyWithoutTarget() {
        var request = jsonRequest("SendMessage", "{}")
        request.headers["x-amz-target"] = nil
        let error = decodeError(request)
        #expect(error?.code == "UnknownOperationException")
        #expect(error?.wireProtocol == .json)
    }

    @Test func unsignedRequestHasNoScope() throws {
        var request = jsonRequest("ListQueues", "{}")
        request.headers["authorization"] = nil
        let decoded = try decode(request)
        #expect(decoded.region == nil)
        #expect(decoded.accessKeyId == nil)
    }

    @Test func presignedCredentialGivesTheScope() throws {
        var request = jsonRequest("ListQueues", "{}")
        request.headers["authorization"] = nil
        request.query = [("X-Amz-Credential", "AKIDPRESIGNED/20260101/ap-northeast-1/sqs/aws4_request")]
        let decoded = try decode(request)
        #expect(decoded.region == "ap-northeast-1")
        #expect(decoded.accessKeyId == "AKIDPRESIGNED")
    }
}
