import AWSWire
import Foundation
import JSON
import Testing

/// Exact response texts. The XML ones were checked by parsing them with botocore's
/// QueryParser against the query-era SQS model (see the commit that added them).
@Suite("Responses")
struct EncodingTests {
    static let receiveOutput = json("""
        {"Messages": [{"MessageId": "m1", "ReceiptHandle": "r1", "MD5OfBody": "abc", "Body": "a<b & \\"c\\"\\r\\n",
          "Attributes": {"SentTimestamp": "1767225600000", "SenderId": "AIDAEXAMPLE"},
          "MD5OfMessageAttributes": "def",
          "MessageAttributes": {"n": {"StringValue": "v", "DataType": "String"},
                                "l": {"StringListValues": ["x", "y"], "DataType": "String"}}}]}
        """)

    func request(_ operation: String, _ wireProtocol: WireProtocol) throws -> DecodedRequest {
        let model = sqsModel
        return DecodedRequest(model: model, operation: try #require(model.operations[operation]), input: [:], wireProtocol: wireProtocol)
    }

    @Test func receiveMessageXML() throws {
        let response = codec.encode(output: Self.receiveOutput, for: try request("ReceiveMessage", .query), requestId: "req-1")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/xml")
        #expect(response.header("x-amzn-RequestId") == "req-1")
        #expect(response.text == """
            <ReceiveMessageResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><ReceiveMessageResult>\
            <Message><MessageId>m1</MessageId><ReceiptHandle>r1</ReceiptHandle><MD5OfBody>abc</MD5OfBody>\
            <Body>a&lt;b &amp; &quot;c&quot;&#xD;\n</Body>\
            <Attribute><Name>SenderId</Name><Value>AIDAEXAMPLE</Value></Attribute>\
            <Attribute><Name>SentTimestamp</Name><Value>1767225600000</Value></Attribute>\
            <MD5OfMessageAttributes>def</MD5OfMessageAttributes>\
            <MessageAttribute><Name>l</Name><Value><StringListValue>x</StringListValue><StringListValue>y</StringListValue>\
            <DataType>String</DataType></Value></MessageAttribute>\
            <MessageAttribute><Name>n</Name><Value><StringValue>v</StringValue><DataType>String</DataType></Value></MessageAttribute>\
            </Message></ReceiveMessageResult>\
            <ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></ReceiveMessageResponse>
            """)
    }

    @Test func receiveMessageJSON() throws {
        let response = codec.encode(output: Self.receiveOutput, for: try request("ReceiveMessage", .json), requestId: "req-1")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/x-amz-json-1.0")
        #expect(response.header("x-amzn-RequestId") == "req-1")
        #expect(try JSONValue(jsonData: response.body) == Self.receiveOutput)
        #expect(response.text.hasPrefix(#"{"Messages":[{"Attributes":{"SenderId":"AIDAEXAMPLE","SentTimestamp":"1767225600000"},"Body":"a<b & \"c\"\r\n","#))
    }

    @Test func emptyReceiveMessage() throws {
        let xml = codec.encode(output: [:], for: try request("ReceiveMessage", .query), requestId: "r").text
        #expect(xml == """
            <ReceiveMessageResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><ReceiveMessageResult/>\
            <ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></ReceiveMessageResponse>
            """)
        #expect(codec.encode(output: [:], for: try request("ReceiveMessage", .json), requestId: "r").text == "{}")
    }

    @Test func listQueues() throws {
        let output: JSONValue = ["QueueUrls": ["http://localhost:4566/000000000000/a", "http://localhost:4566/000000000000/b"]]
        #expect(codec.encode(output: output, for: try request("ListQueues", .query), requestId: "r").text == """
            <ListQueuesResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><ListQueuesResult>\
            <QueueUrl>http://localhost:4566/000000000000/a</QueueUrl><QueueUrl>http://localhost:4566/000000000000/b</QueueUrl>\
            </ListQueuesResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></ListQueuesResponse>
            """)
        #expect(codec.encode(output: output, for: try request("ListQueues", .json), requestId: "r").text
            == #"{"QueueUrls":["http://localhost:4566/000000000000/a","http://localhost:4566/000000000000/b"]}"#)
    }

    @Test func getQueueAttributes() throws {
        let output: JSONValue = ["Attributes": ["VisibilityTimeout": "30", "QueueArn": "arn:aws:sqs:us-east-1:000000000000:q"]]
        #expect(codec.encode(output: output, for: try request("GetQueueAttributes", .query), requestId: "r").text == """
            <GetQueueAttributesResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><GetQueueAttributesResult>\
            <Attribute><Name>QueueArn</Name><Value>arn:aws:sqs:us-east-1:000000000000:q</Value></Attribute>\
            <Attribute><Name>VisibilityTimeout</Name><Value>30</Value></Attribute>\
            </GetQueueAttributesResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetQueueAttributesResponse>
            """)
        #expect(codec.encode(output: output, for: try request("GetQueueAttributes", .json), requestId: "r").text
            == #"{"Attributes":{"QueueArn":"arn:aws:sqs:us-east-1:000000000000:q","VisibilityTimeout":"30"}}"#)
    }

    @Test func sendMessageBatch() throws {
        let output = json("""
            {"Successful": [{"Id": "a", "MessageId": "m-a", "MD5OfMessageBody": "h"}],
             "Failed": [{"Id": "b", "SenderFault": true, "Code": "InvalidParameterValue", "Message": "bad"}]}
            """)
        #expect(codec.encode(output: output, for: try request("SendMessageBatch", .query), requestId: "r").text == """
            <SendMessageBatchResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><SendMessageBatchResult>\
            <SendMessageBatchResultEntry><Id>a</Id><MessageId>m-a</MessageId><MD5OfMessageBody>h</MD5OfMessageBody></SendMessageBatchResultEntry>\
            <BatchResultErrorEntry><Id>b</Id><SenderFault>true</SenderFault><Code>InvalidParameterValue</Code><Message>bad</Message></BatchResultErrorEntry>\
            </SendMessageBatchResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></SendMessageBatchResponse>
            """)
        #expect(codec.encode(output: output, for: try request("SendMessageBatch", .json), requestId: "r").text
            == #"{"Failed":[{"Code":"InvalidParameterValue","Id":"b","Message":"bad","SenderFault":true}],"Successful":[{"Id":"a","MD5OfMessageBody":"h","MessageId":"m-a"}]}"#)
    }

    @Test func operationWithoutOutput() throws {
        let xml = codec.encode(output: .null, for: try request("DeleteQueue", .query), requestId: "r").text
        #expect(xml == """
            <DeleteQueueResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/">\
            <ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DeleteQueueResponse>
            """)
        #expect(codec.encode(output: .null, for: try request("DeleteQueue", .json), requestId: "r").text == "{}")
    }

    @Test func numbersAndListTags() throws {
        let tasks: JSONValue = ["Results": [["TaskHandle": "t", "ApproximateNumberOfMessagesMoved": 12, "StartedTimestamp": 1767225600000]]]
        #expect(codec.encode(output: tasks, for: try request("ListMessageMoveTasks", .query), requestId: "r").text.contains(
            "<ListMessageMoveTasksResultEntry><TaskHandle>t</TaskHandle><ApproximateNumberOfMessagesMoved>12</ApproximateNumberOfMessagesMoved>"
            + "<StartedTimestamp>1767225600000</StartedTimestamp></ListMessageMoveTasksResultEntry>"))
        let tags: JSONValue = ["Tags": ["team": "x"]]
        #expect(codec.encode(output: tags, for: try request("ListQueueTags", .query), requestId: "r").text.contains(
            "<ListQueueTagsResult><Tag><Key>team</Key><Value>x</Value></Tag></ListQueueTagsResult>"))
    }

    @Test func decodedRequestsEncodeInTheirOwnProtocol() throws {
        let query = try decode(queryRequest("Action=GetQueueUrl&QueueName=q"))
        let response = codec.encode(output: ["QueueUrl": "http://h/1/q"], for: query, requestId: "r")
        #expect(response.text.contains("<GetQueueUrlResult><QueueUrl>http://h/1/q</QueueUrl></GetQueueUrlResult>"))
        let jsonRequest = try decode(jsonRequest("GetQueueUrl", #"{"QueueName":"q"}"#))
        #expect(codec.encode(output: ["QueueUrl": "http://h/1/q"], for: jsonRequest, requestId: "r").text == #"{"QueueUrl":"http://h/1/q"}"#)
    }
}
