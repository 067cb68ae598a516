"""SQS over the query protocol (form POST, XML answers), as older SDKs speak it.

Usage: python3 sqs_query_protocol.py ENDPOINT
Requests are signed with SigV4 by botocore's signer, as a real old SDK would sign them.
"""
import hashlib
import sys
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ENDPOINT = sys.argv[1]
NS = {"q": "http://queue.amazonaws.com/doc/2012-11-05/"}


def call(params, expect_status=200):
    body = urllib.parse.urlencode({**params, "Version": "2012-11-05"})
    request = AWSRequest(method="POST", url=ENDPOINT + "/", data=body,
                         headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
    SigV4Auth(Credentials("test", "test"), "sqs", "us-east-1").add_auth(request)
    prepared = urllib.request.Request(ENDPOINT + "/", data=body.encode(), method="POST", headers=dict(request.headers))
    try:
        response = urllib.request.urlopen(prepared)
        status, text = response.status, response.read()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read()
    if status != expect_status:
        raise AssertionError(f"{params['Action']}: HTTP {status}, expected {expect_status}: {text!r}")
    return ET.fromstring(text)


def text(root, path):
    node = root.find(path, NS)
    if node is None:
        raise AssertionError(f"no {path} in {ET.tostring(root)!r}")
    return node.text


url = text(call({"Action": "CreateQueue", "QueueName": "legacy", "Attribute.1.Name": "VisibilityTimeout",
                 "Attribute.1.Value": "45"}), "q:CreateQueueResult/q:QueueUrl")
assert url.endswith("/123456789012/legacy"), url
sent = call({"Action": "SendMessage", "QueueUrl": url, "MessageBody": "from an old SDK",
             "MessageAttribute.1.Name": "color", "MessageAttribute.1.Value.DataType": "String",
             "MessageAttribute.1.Value.StringValue": "blue"})
assert text(sent, "q:SendMessageResult/q:MD5OfMessageBody") == hashlib.md5(b"from an old SDK").hexdigest()
received = call({"Action": "ReceiveMessage", "QueueUrl": url, "AttributeName.1": "All", "MessageAttributeName.1": "All"})
message = received.find("q:ReceiveMessageResult/q:Message", NS)
assert message is not None, ET.tostring(received)
assert message.find("q:Body", NS).text == "from an old SDK"
attributes = {a.find("q:Name", NS).text: a.find("q:Value", NS).text for a in message.findall("q:Attribute", NS)}
assert attributes["ApproximateReceiveCount"] == "1", attributes
color = message.find("q:MessageAttribute", NS)
assert color.find("q:Name", NS).text == "color" and color.find("q:Value/q:StringValue", NS).text == "blue"
attrs = call({"Action": "GetQueueAttributes", "QueueUrl": url, "AttributeName.1": "VisibilityTimeout"})
assert {a.find("q:Name", NS).text: a.find("q:Value", NS).text
        for a in attrs.findall("q:GetQueueAttributesResult/q:Attribute", NS)} == {"VisibilityTimeout": "45"}
error = call({"Action": "GetQueueUrl", "QueueName": "missing"}, expect_status=400)
assert text(error, "q:Error/q:Code") == "AWS.SimpleQueueService.NonExistentQueue", ET.tostring(error)
assert text(error, "q:Error/q:Type") == "Sender"
print("ok query protocol")
