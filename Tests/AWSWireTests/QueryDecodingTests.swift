import AWSWire
import Foundation
import JSON
import Testing

/// The form bodies here are what botocore's QuerySerializer writes for the query-era SQS
/// model (the current model with Models/sqs.query.json merged in), so they are what old
/// SDKs send.
@Suite("Query protocol requests")
struct QueryDecodingTests {
    @Test func sendMessageWithAttributes() throws {
        let form = "Action=SendMessage&Version=2012-11-05&QueueUrl=http%3A%2F%2Fq%2F1%2Fa&MessageBody=hi&DelaySeconds=5"
            + "&MessageAttribute.1.Name=n&MessageAttribute.1.Value.DataType=String&MessageAttribute.1.Value.StringValue=v"
            + "&MessageAttribute.2.Name=b&MessageAttribute.2.Value.DataType=Binary&MessageAttribute.2.Value.BinaryValue=AAE%3D"
            + "&MessageSystemAttribute.1.Name=AWSTraceHeader&MessageSystemAttribute.1.Value.DataType=String"
            + "&MessageSystemAttribute.1.Value.StringValue=Root%3D1"
        let request = try decode(queryRequest(form))
        #expect(request.service == "sqs")
        #expect(request.operation == "SendMessage")
        #expect(request.wireProtocol == .query)
        #expect(request.region == "eu-west-1")
        #expect(request.accessKeyId == "AKIDEXAMPLE")
        #expect(request.input == json("""
            {"QueueUrl": "http://q/1/a", "MessageBody": "hi", "DelaySeconds": 5,
             "MessageAttributes": {"n": {"DataType": "String", "StringValue": "v"},
                                   "b": {"DataType": "Binary", "BinaryValue": "AAE="}},
             "MessageSystemAttributes": {"AWSTraceHeader": {"DataType": "String", "StringValue": "Root=1"}}}
            """))
    }

    @Test func stringListValues() throws {
        let form = "Action=SendMessage&QueueUrl=u&MessageBody=m&MessageAttribute.1.Name=l"
            + "&MessageAttribute.1.Value.DataType=String&MessageAttribute.1.Value.StringListValue.1=x"
            + "&MessageAttribute.1.Value.StringListValue.2=y"
        let input = try decode(queryRequest(form)).input
        #expect(input == json(#"{"QueueUrl":"u","MessageBody":"m","MessageAttributes":{"l":{"DataType":"String","StringListValues":["x","y"]}}}"#))
    }

    @Test func sendMessageBatch() throws {
        let form = "Action=SendMessageBatch&Version=2012-11-05&QueueUrl=u"
            + "&SendMessageBatchRequestEntry.1.Id=a&SendMessageBatchRequestEntry.1.MessageBody=x"
            + "&SendMessageBatchRequestEntry.1.MessageAttribute.1.Name=k"
            + "&SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.DataType=Number"
            + "&SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.StringValue=1"
            + "&SendMessageBatchRequestEntry.2.Id=b&SendMessageBatchRequestEntry.2.MessageBody=y"
            + "&SendMessageBatchRequestEntry.2.DelaySeconds=3"
        #expect(try decode(queryRequest(form)).input == json("""
            {"QueueUrl": "u", "Entries": [
              {"Id": "a", "MessageBody": "x", "MessageAttributes": {"k": {"DataType": "Number", "StringValue": "1"}}},
              {"Id": "b", "MessageBody": "y", "DelaySeconds": 3}]}
            """))
    }

    @Test func listEntriesAreOrderedByIndexNotText() throws {
        var form = "Action=DeleteMessageBatch&QueueUrl=u"
        for index in [10, 2, 1] {
            form += "&DeleteMessageBatchRequestEntry.\(index).Id=e\(index)&DeleteMessageBatchRequestEntry.\(index).ReceiptHandle=r"
        }
        let input = try decode(queryRequest(form)).input
        #expect(input == json(#"{"QueueUrl":"u","Entries":[{"Id":"e1","ReceiptHandle":"r"},{"Id":"e2","ReceiptHandle":"r"},{"Id":"e10","ReceiptHandle":"r"}]}"#))
    }

    @Test func receiveMessage() throws {
        let form = "Action=ReceiveMessage&Version=2012-11-05&QueueUrl=u&AttributeName.1=All"
            + "&MessageSystemAttributeName.1=SenderId&MessageSystemAttributeName.2=SentTimestamp"
            + "&MessageAttributeName.1=All&MaxNumberOfMessages=10&WaitTimeSeconds=0"
        #expect(try decode(queryRequest(form)).input == json("""
            {"QueueUrl": "u", "AttributeNames": ["All"], "MessageSystemAttributeNames": ["SenderId", "SentTimestamp"],
             "MessageAttributeNames": ["All"], "MaxNumberOfMessages": 10, "WaitTimeSeconds": 0}
            """))
    }

    @Test func unindexedAndEmptyLists() throws {
        // Old clients sent a single value unindexed; botocore sends an empty list as `Name=`.
        let single = try decode(queryRequest("Action=GetQueueAttributes&QueueUrl=u&AttributeName=All")).input
        #expect(single == ["QueueUrl": "u", "AttributeNames": ["All"]])
        let empty = try decode(queryRequest("Action=GetQueueAttributes&Version=2012-11-05&QueueUrl=u&AttributeNames=")).input
        #expect(empty == ["QueueUrl": "u", "AttributeNames": []])
    }

    @Test func setQueueAttributes() throws {
        let form = "Action=SetQueueAttributes&Version=2012-11-05&QueueUrl=u&Attribute.1.Name=VisibilityTimeout"
            + "&Attribute.1.Value=30&Attribute.2.Name=DelaySeconds&Attribute.2.Value=0"
        #expect(try decode(queryRequest(form)).input == json(#"{"QueueUrl":"u","Attributes":{"VisibilityTimeout":"30","DelaySeconds":"0"}}"#))
    }

    @Test func createQueueWithAttributesAndTags() throws {
        let form = "Action=CreateQueue&Version=2012-11-05&QueueName=q&Attribute.1.Name=FifoQueue&Attribute.1.Value=true"
            + "&Tag.1.Key=a&Tag.1.Value=b"
        #expect(try decode(queryRequest(form)).input == json(#"{"QueueName":"q","Attributes":{"FifoQueue":"true"},"tags":{"a":"b"}}"#))
    }

    @Test func tagAndUntagQueue() throws {
        let tag = try decode(queryRequest("Action=TagQueue&QueueUrl=u&Tag.1.Key=k&Tag.1.Value=v&Tag.2.Key=team&Tag.2.Value=x"))
        #expect(tag.input == json(#"{"QueueUrl":"u","Tags":{"k":"v","team":"x"}}"#))
        let untag = try decode(queryRequest("Action=UntagQueue&QueueUrl=u&TagKey.1=k"))
        #expect(untag.input == json(#"{"QueueUrl":"u","TagKeys":["k"]}"#))
    }

    @Test func addPermission() throws {
        let form = "Action=AddPermission&Version=2012-11-05&QueueUrl=u&Label=l&AWSAccountId.1=111122223333"
            + "&ActionName.1=SendMessage&ActionName.2=ReceiveMessage"
        #expect(try decode(queryRequest(form)).input == json(
            #"{"QueueUrl":"u","Label":"l","AWSAccountIds":["111122223333"],"Actions":["SendMessage","ReceiveMessage"]}"#))
    }

    @Test func changeMessageVisibilityBatch() throws {
        let form = "Action=ChangeMessageVisibilityBatch&QueueUrl=u&ChangeMessageVisibilityBatchRequestEntry.1.Id=a"
            + "&ChangeMessageVisibilityBatchRequestEntry.1.ReceiptHandle=r&ChangeMessageVisibilityBatchRequestEntry.1.VisibilityTimeout=10"
        #expect(try decode(queryRequest(form)).input == json(#"{"QueueUrl":"u","Entries":[{"Id":"a","ReceiptHandle":"r","VisibilityTimeout":10}]}"#))
    }

    @Test func getWithQueryStringParameters() throws {
        let request = WireRequest(method: "GET", path: "/", query: [("Action", "ListQueues"), ("QueueNamePrefix", "a b")],
                                  headers: ["authorization": signed])
        let decoded = try decode(request)
        #expect(decoded.operation == "ListQueues")
        #expect(decoded.input == ["QueueNamePrefix": "a b"])
    }

    @Test func queueUrlFromThePathOldSDKsPostTo() throws {
        let request = queryRequest("Action=SendMessage&MessageBody=m", path: "/000000000000/q")
        #expect(try decode(request).input == ["QueueUrl": "http://localhost:4566/000000000000/q", "MessageBody": "m"])
        // An explicit QueueUrl wins.
        let explicit = queryRequest("Action=SendMessage&MessageBody=m&QueueUrl=x", path: "/000000000000/q")
        #expect(try decode(explicit).input == ["QueueUrl": "x", "MessageBody": "m"])
    }

    @Test func unsignedRequestsFindTheServiceByAction() throws {
        let request = try decode(queryRequest("Action=ListQueues&Version=2012-11-05", authorization: nil))
        #expect(request.service == "sqs")
        #expect(request.region == nil)
    }

    @Test func sigV2AccessKeyParameter() throws {
        let request = try decode(queryRequest("Action=ListQueues&AWSAccessKeyId=AKIDV2&SignatureVersion=2", authorization: nil))
        #expect(request.accessKeyId == "AKIDV2")
    }

    @Test func unknownActionIsInvalidAction() {
        let error = decodeError(queryRequest("Action=Frobnicate&Version=2012-11-05"))
        #expect(error?.code == "InvalidAction")
        #expect(error?.message == "The action Frobnicate is not valid for this web service.")
        #expect(error?.wireProtocol == .query)
        #expect(error?.service == "sqs")
    }

    @Test func actionOfAnotherServiceIsInvalidAction() {
        let other = "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/sns/aws4_request, SignedHeaders=host, Signature=x"
        #expect(decodeError(queryRequest("Action=Publish", authorization: other))?.code == "InvalidAction")
    }

    @Test func noActionAtAll() {
        let error = decodeError(WireRequest(method: "GET", path: "/"))
        #expect(error?.code == "MissingAction")
        #expect(error?.wireProtocol == .query)
    }

    @Test func missingRequiredParameter() {
        let error = decodeError(queryRequest("Action=SendMessage&QueueUrl=u"))
        #expect(error?.code == "MissingParameter")
        #expect(error?.message == "The request must contain the parameter MessageBody.")
        #expect(error?.wireProtocol == .query)
    }

    @Test func mapEntryWithoutAName() {
        let error = decodeError(queryRequest("Action=SetQueueAttributes&QueueUrl=u&Attribute.1.Value=30"))
        #expect(error?.code == "MissingParameter")
        #expect(error?.message == "The request must contain the parameter Attribute.Name.")
    }

    @Test(arguments: ["DelaySeconds=soon", "DelaySeconds=1.5", "DelaySeconds="])
    func badIntegerIsInvalidParameterValue(parameter: String) {
        let error = decodeError(queryRequest("Action=SendMessage&QueueUrl=u&MessageBody=m&" + parameter))
        #expect(error?.code == "InvalidParameterValue")
        #expect(error?.httpStatus == 400)
    }

    @Test func formDecodingEdgeCases() throws {
        // `+` is a space, `%2B` a plus, a stray `%` stays, a field without `=` is empty.
        let input = try decode(queryRequest("Action=SendMessage&QueueUrl=u&MessageBody=a+b%2Bc%zz%&Ignored")).input
        #expect(input == ["QueueUrl": "u", "MessageBody": "a b+c%zz%"])
    }

    @Test func unicodeBodies() throws {
        let input = try decode(queryRequest("Action=SendMessage&QueueUrl=u&MessageBody=%E3%81%93%E3%82%93%F0%9F%98%80")).input
        #expect(input == ["QueueUrl": "u", "MessageBody": "こん😀"])
    }
}
