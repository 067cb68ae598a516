import Foundation
@testable import AWSWire

/// Valid requests as the aws CLI and boto3 send them to the bundled models (SQS json and
/// query, IAM and STS query, Logs json, Lambda rest-json): the starting points of mutation.
enum BundledWireSeeds {
    static let catalog: ServiceCatalog = {
        do { return try ServiceCatalog.bundled(["sqs", "iam", "sts", "logs", "lambda"]) } catch { fatalError("\(error)") }
    }()
    static let codec = WireCodec(catalog: catalog)

    static func signed(_ service: String) -> String {
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/\(service)/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc123"
    }

    static let queueURL = "http://localhost:4566/123456789012/orders"

    static func json(_ target: String, _ body: String, version: String, service: String) -> WireRequest {
        WireRequest(method: "POST", path: "/", headers: [
            "content-type": "application/x-amz-json-\(version)", "x-amz-target": target,
            "authorization": signed(service), "host": "localhost:4566", "x-amz-date": "20260101T000000Z",
        ], body: Data(body.utf8))
    }

    static func query(_ form: String, service: String, get: Bool = false) -> WireRequest {
        let headers = ["content-type": "application/x-www-form-urlencoded; charset=utf-8", "host": "localhost:4566",
                       "authorization": signed(service)]
        guard get else { return WireRequest(method: "POST", path: "/", headers: headers, body: Data(form.utf8)) }
        let pairs = form.split(separator: "&").map { pair -> (String, String) in
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(kv[0]).removingPercentEncoding ?? "", kv.count > 1 ? (String(kv[1]).removingPercentEncoding ?? "") : "")
        }
        return WireRequest(method: "GET", path: "/", query: pairs, headers: ["host": "localhost:4566"])
    }

    static func rest(_ method: String, _ path: String, query: [(String, String)] = [], headers: [String: String] = [:], body: String = "") -> WireRequest {
        var all = ["authorization": signed("lambda"), "host": "localhost:4566", "content-type": "application/json"]
        all.merge(headers) { _, new in new }
        return WireRequest(method: method, path: path, query: query, headers: all, body: Data(body.utf8))
    }

    static let sqsJSON: [WireRequest] = [
        json("AmazonSQS.CreateQueue", #"{"QueueName":"orders.fifo","Attributes":{"FifoQueue":"true","VisibilityTimeout":"30","RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:dlq\",\"maxReceiveCount\":\"3\"}"},"tags":{"team":"a"}}"#, version: "1.0", service: "sqs"),
        json("AmazonSQS.SendMessage", #"{"QueueUrl":"\#(queueURL)","MessageBody":"hello","DelaySeconds":5,"MessageAttributes":{"n":{"DataType":"Number","StringValue":"42"},"b":{"DataType":"Binary","BinaryValue":"AAEC"}},"MessageGroupId":"g","MessageDeduplicationId":"d"}"#, version: "1.0", service: "sqs"),
        json("AmazonSQS.SendMessageBatch", #"{"QueueUrl":"\#(queueURL)","Entries":[{"Id":"1","MessageBody":"a"},{"Id":"2","MessageBody":"b","DelaySeconds":1}]}"#, version: "1.0", service: "sqs"),
        json("AmazonSQS.ReceiveMessage", #"{"QueueUrl":"\#(queueURL)","MaxNumberOfMessages":10,"WaitTimeSeconds":0,"VisibilityTimeout":30,"MessageAttributeNames":["All"],"MessageSystemAttributeNames":["All"]}"#, version: "1.0", service: "sqs"),
        json("AmazonSQS.DeleteMessage", #"{"QueueUrl":"\#(queueURL)","ReceiptHandle":"abc"}"#, version: "1.0", service: "sqs"),
        json("AmazonSQS.ChangeMessageVisibilityBatch", #"{"QueueUrl":"\#(queueURL)","Entries":[{"Id":"1","ReceiptHandle":"r","VisibilityTimeout":0}]}"#, version: "1.0", service: "sqs"),
        json("AmazonSQS.SetQueueAttributes", #"{"QueueUrl":"\#(queueURL)","Attributes":{"MessageRetentionPeriod":"60"}}"#, version: "1.0", service: "sqs"),
        json("AmazonSQS.ListQueues", #"{"QueueNamePrefix":"o","MaxResults":5,"NextToken":"x"}"#, version: "1.0", service: "sqs"),
    ]

    static let sqsQuery: [WireRequest] = [
        query("Action=CreateQueue&Version=2012-11-05&QueueName=orders&Attribute.1.Name=VisibilityTimeout&Attribute.1.Value=30&Tag.1.Key=team&Tag.1.Value=a", service: "sqs"),
        query("Action=SendMessage&Version=2012-11-05&QueueUrl=\(queueURL)&MessageBody=hi%20there&MessageAttribute.1.Name=n&MessageAttribute.1.Value.DataType=Number&MessageAttribute.1.Value.StringValue=42", service: "sqs"),
        query("Action=SendMessageBatch&Version=2012-11-05&QueueUrl=\(queueURL)&SendMessageBatchRequestEntry.1.Id=a&SendMessageBatchRequestEntry.1.MessageBody=x&SendMessageBatchRequestEntry.2.Id=b&SendMessageBatchRequestEntry.2.MessageBody=y", service: "sqs"),
        query("Action=ReceiveMessage&Version=2012-11-05&QueueUrl=\(queueURL)&MaxNumberOfMessages=10&AttributeName.1=All&MessageAttributeName.1=All", service: "sqs"),
        query("Action=DeleteMessageBatch&Version=2012-11-05&QueueUrl=\(queueURL)&DeleteMessageBatchRequestEntry.1.Id=a&DeleteMessageBatchRequestEntry.1.ReceiptHandle=r", service: "sqs"),
        query("Action=ListQueues&Version=2012-11-05&QueueNamePrefix=o", service: "sqs", get: true),
    ]

    static let iamSTSQuery: [WireRequest] = [
        query("Action=CreateRole&Version=2010-05-08&RoleName=r1&Path=%2F&AssumeRolePolicyDocument=%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22lambda.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D&Tags.member.1.Key=k&Tags.member.1.Value=v&MaxSessionDuration=3600", service: "iam"),
        query("Action=PutRolePolicy&Version=2010-05-08&RoleName=r1&PolicyName=p&PolicyDocument=%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22sqs%3A*%22%2C%22Resource%22%3A%22*%22%7D%5D%7D", service: "iam"),
        query("Action=AttachRolePolicy&Version=2010-05-08&RoleName=r1&PolicyArn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FAdministratorAccess", service: "iam"),
        query("Action=SimulatePrincipalPolicy&Version=2010-05-08&PolicySourceArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fr1&ActionNames.member.1=sqs%3ASendMessage&ResourceArns.member.1=*&ContextEntries.member.1.ContextKeyName=aws%3ASourceIp&ContextEntries.member.1.ContextKeyType=ip&ContextEntries.member.1.ContextKeyValues.member.1=10.0.0.1", service: "iam"),
        query("Action=ListRoles&Version=2010-05-08&MaxItems=5&Marker=abc", service: "iam", get: true),
        query("Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fr1&RoleSessionName=s&DurationSeconds=900", service: "sts"),
        query("Action=GetCallerIdentity&Version=2011-06-15", service: "sts"),
    ]

    static let logsJSON: [WireRequest] = [
        json("Logs_20140328.CreateLogGroup", #"{"logGroupName":"/aws/lambda/f","tags":{"a":"b"}}"#, version: "1.1", service: "logs"),
        json("Logs_20140328.PutLogEvents", #"{"logGroupName":"/g","logStreamName":"s","logEvents":[{"timestamp":1767225600000,"message":"hello"},{"timestamp":1767225600001,"message":"world"}]}"#, version: "1.1", service: "logs"),
        json("Logs_20140328.FilterLogEvents", #"{"logGroupName":"/g","filterPattern":"ERROR","startTime":0,"endTime":9999999999999,"limit":50,"interleaved":true}"#, version: "1.1", service: "logs"),
        json("Logs_20140328.GetLogEvents", #"{"logGroupName":"/g","logStreamName":"s","startFromHead":true,"nextToken":"f/1"}"#, version: "1.1", service: "logs"),
        json("Logs_20140328.PutRetentionPolicy", #"{"logGroupName":"/g","retentionInDays":7}"#, version: "1.1", service: "logs"),
        json("Logs_20140328.DescribeLogStreams", #"{"logGroupName":"/g","orderBy":"LastEventTime","descending":true,"limit":5}"#, version: "1.1", service: "logs"),
    ]

    static let lambdaREST: [WireRequest] = [
        rest("POST", "/2015-03-31/functions", body: #"{"FunctionName":"f","Runtime":"python3.12","Role":"arn:aws:iam::123456789012:role/r","Handler":"app.handler","Code":{"ZipFile":"UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="},"Timeout":3,"MemorySize":128,"Environment":{"Variables":{"A":"b"}}}"#),
        rest("POST", "/2015-03-31/functions/f/invocations", headers: ["x-amz-invocation-type": "RequestResponse", "x-amz-log-type": "Tail", "x-amz-client-context": "e30="], body: #"{"k":1}"#),
        rest("GET", "/2015-03-31/functions/f", query: [("Qualifier", "$LATEST")]),
        rest("GET", "/2015-03-31/functions/", query: [("MaxItems", "5"), ("Marker", "x")]),
        rest("POST", "/2015-03-31/event-source-mappings/", body: #"{"EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:q","FunctionName":"f","BatchSize":10,"Enabled":true}"#),
        rest("GET", "/2015-03-31/event-source-mappings/", query: [("FunctionName", "f")]),
        rest("PUT", "/2015-03-31/functions/f/configuration", body: #"{"Timeout":10,"Environment":{"Variables":{}}}"#),
        rest("PUT", "/2015-03-31/functions/f%3A1/code", body: #"{"ZipFile":"UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==","Publish":true}"#),
        rest("DELETE", "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Af"),
        rest("DELETE", "/2015-03-31/event-source-mappings/14e0db71-5d35-4eb5-b481-8945cf9d10c2"),
    ]
}
