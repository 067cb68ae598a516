"""SQS scenarios driven through the real boto3 against a running handson emulator.

Usage: python3 sqs_scenarios.py ENDPOINT [SCENARIO ...]
Each scenario asserts what AWS documents; a failure prints what differed and exits 1.
boto3 itself verifies MD5OfMessageBody and MD5OfMessageAttributes on every send and receive.
"""
import json
import sys
import threading
import time
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
# The emulator's own endpoints need its token (docs/security.md); the test passes it here.
ADMIN = {"X-Handson-Token": __import__("os").environ.get("HANDSON_TOKEN", "")}
sqs = boto3.client(
    "sqs", endpoint_url=ENDPOINT, region_name="us-east-1",
    aws_access_key_id="test", aws_secret_access_key="test",
    config=Config(retries={"max_attempts": 1}, read_timeout=60),
)


def advance_clock(seconds):
    req = urllib.request.Request(ENDPOINT + "/_handson/clock", data=json.dumps({"advance": seconds}).encode(),
                                 method="POST", headers={"Content-Type": "application/json", **ADMIN})
    urllib.request.urlopen(req).read()


def state():
    return json.load(urllib.request.urlopen(urllib.request.Request(ENDPOINT + "/_handson/state", headers=ADMIN)))


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def receive_all(url, **kwargs):
    return sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, **kwargs).get("Messages", [])


def basics():
    url = sqs.create_queue(QueueName="basics")["QueueUrl"]
    expect(url.endswith("/123456789012/basics"), f"queue URL {url}")
    expect(sqs.create_queue(QueueName="basics")["QueueUrl"] == url, "CreateQueue is idempotent")
    expect(sqs.get_queue_url(QueueName="basics")["QueueUrl"] == url, "GetQueueUrl")
    sent = sqs.send_message(QueueUrl=url, MessageBody="hello",
                            MessageAttributes={"kind": {"DataType": "String", "StringValue": "greeting"},
                                               "n": {"DataType": "Number", "StringValue": "42"},
                                               "raw": {"DataType": "Binary", "BinaryValue": b"\x00\x01"}})
    expect("MessageId" in sent and "MD5OfMessageAttributes" in sent, f"send result {sent}")
    msgs = receive_all(url, MessageAttributeNames=["All"], MessageSystemAttributeNames=["All"])
    expect(len(msgs) == 1 and msgs[0]["Body"] == "hello", f"received {msgs}")
    m = msgs[0]
    expect(m["MessageAttributes"]["n"]["StringValue"] == "42", "message attributes round-trip")
    expect(m["MessageAttributes"]["raw"]["BinaryValue"] == b"\x00\x01", "binary attribute round-trip")
    expect(m["Attributes"]["ApproximateReceiveCount"] == "1", f"receive count {m['Attributes']}")
    expect(receive_all(url) == [], "an in-flight message is invisible")
    sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
    attrs = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    expect(attrs["ApproximateNumberOfMessages"] == "0" and attrs["ApproximateNumberOfMessagesNotVisible"] == "0", f"{attrs}")
    try:
        sqs.get_queue_url(QueueName="does-not-exist")
        expect(False, "GetQueueUrl of a missing queue must fail")
    except ClientError as e:
        expect(e.response["Error"]["Code"] in ("AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist"), f"{e.response['Error']}")
    expect(isinstance(sqs.exceptions.QueueDoesNotExist, type), "modelled exception exists")


def visibility():
    url = sqs.create_queue(QueueName="visibility", Attributes={"VisibilityTimeout": "30"})["QueueUrl"]
    sqs.send_message(QueueUrl=url, MessageBody="again")
    first = receive_all(url)
    expect(len(first) == 1, "received once")
    advance_clock(31)
    second = receive_all(url, AttributeNames=["ApproximateReceiveCount"])
    expect(len(second) == 1 and second[0]["Attributes"]["ApproximateReceiveCount"] == "2",
           f"visible again after the timeout, count 2: {second}")


def dlq_redrive():
    dlq = sqs.create_queue(QueueName="orders-dlq")["QueueUrl"]
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    src = sqs.create_queue(QueueName="orders", Attributes={
        "VisibilityTimeout": "10",
        "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": "2"})})["QueueUrl"]
    for i in range(4):
        sqs.send_message(QueueUrl=src, MessageBody=f"order-{i}")
    for _ in range(2):
        got = []
        while True:
            batch = receive_all(src)
            if not batch:
                break
            got += batch
        expect(len(got) == 4, f"each receive round sees all 4 messages, got {len(got)}")
        advance_clock(11)
    expect(receive_all(src) == [], "after maxReceiveCount the messages left the source queue")
    moved = []
    while True:
        batch = receive_all(dlq, MessageSystemAttributeNames=["All"])
        if not batch:
            break
        moved += batch
    expect(sorted(m["Body"] for m in moved) == [f"order-{i}" for i in range(4)], f"DLQ holds them: {moved}")
    expect(all(m["Attributes"].get("DeadLetterQueueSourceArn", "").endswith(":orders") for m in moved), "source ARN kept")
    sources = sqs.list_dead_letter_source_queues(QueueUrl=dlq)["queueUrls"]
    expect(sources == [src], f"dead-letter source queues {sources}")
    # Move them back (after their visibility timeout in the DLQ ends).
    advance_clock(31)
    task = sqs.start_message_move_task(SourceArn=dlq_arn)
    expect("TaskHandle" in task, f"{task}")
    deadline = time.time() + 10
    while time.time() < deadline:
        tasks = sqs.list_message_move_tasks(SourceArn=dlq_arn)["Results"]
        if tasks and tasks[0]["Status"] == "COMPLETED":
            break
        advance_clock(1)
        time.sleep(0.05)
    expect(tasks[0]["Status"] == "COMPLETED" and tasks[0]["ApproximateNumberOfMessagesMoved"] == 4, f"{tasks}")
    back = []
    while True:
        batch = receive_all(src)
        if not batch:
            break
        back += batch
    expect(sorted(m["Body"] for m in back) == [f"order-{i}" for i in range(4)], f"moved back: {back}")


def fifo():
    url = sqs.create_queue(QueueName="jobs.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
    ids = []
    for i in range(5):
        r = sqs.send_message(QueueUrl=url, MessageBody=f"a{i}", MessageGroupId="A", MessageDeduplicationId=f"a{i}")
        ids.append(r["MessageId"])
        expect("SequenceNumber" in r, "FIFO sends return a sequence number")
    dup = sqs.send_message(QueueUrl=url, MessageBody="a0 again", MessageGroupId="A", MessageDeduplicationId="a0")
    expect(dup["MessageId"] == ids[0], "a duplicate within 5 minutes returns the original id")
    first = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=2)["Messages"]
    expect([m["Body"] for m in first] == ["a0", "a1"], f"in order: {first}")
    expect(receive_all(url) == [], "the group is locked while messages are in flight")
    for m in first:
        sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
    rest = receive_all(url)
    expect([m["Body"] for m in rest] == ["a2", "a3", "a4"], f"the rest in order: {rest}")
    cbd = sqs.create_queue(QueueName="cbd.fifo", Attributes={"FifoQueue": "true", "ContentBasedDeduplication": "true"})["QueueUrl"]
    one = sqs.send_message(QueueUrl=cbd, MessageBody="same", MessageGroupId="g")
    two = sqs.send_message(QueueUrl=cbd, MessageBody="same", MessageGroupId="g")
    expect(one["MessageId"] == two["MessageId"], "content-based dedup")
    advance_clock(301)
    three = sqs.send_message(QueueUrl=cbd, MessageBody="same", MessageGroupId="g")
    expect(three["MessageId"] != one["MessageId"], "after 5 minutes it is a new message")


def delay():
    url = sqs.create_queue(QueueName="delayed", Attributes={"DelaySeconds": "60"})["QueueUrl"]
    sqs.send_message(QueueUrl=url, MessageBody="later")
    expect(receive_all(url) == [], "delayed messages are invisible")
    attrs = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["ApproximateNumberOfMessagesDelayed"])["Attributes"]
    expect(attrs["ApproximateNumberOfMessagesDelayed"] == "1", f"{attrs}")
    advance_clock(61)
    expect([m["Body"] for m in receive_all(url)] == ["later"], "visible after the delay")


def long_polling():
    url = sqs.create_queue(QueueName="longpoll")["QueueUrl"]
    start = time.time()
    expect(receive_all(url) == [], "short poll on an empty queue returns at once")
    expect(time.time() - start < 1, "short poll is immediate")

    def send_later():
        time.sleep(1.0)
        boto3.client("sqs", endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id="test",
                     aws_secret_access_key="test").send_message(QueueUrl=url, MessageBody="wake up")
    threading.Thread(target=send_later).start()
    start = time.time()
    msgs = receive_all(url, WaitTimeSeconds=20)
    elapsed = time.time() - start
    expect([m["Body"] for m in msgs] == ["wake up"], f"long poll got the message: {msgs}")
    expect(0.8 < elapsed < 5, f"long poll answered as soon as the message arrived ({elapsed:.2f}s)")


def batches():
    url = sqs.create_queue(QueueName="batches")["QueueUrl"]
    r = sqs.send_message_batch(QueueUrl=url, Entries=[{"Id": str(i), "MessageBody": f"m{i}"} for i in range(10)])
    expect(len(r["Successful"]) == 10, f"{r}")
    try:
        sqs.send_message_batch(QueueUrl=url, Entries=[{"Id": "x", "MessageBody": "1"}, {"Id": "x", "MessageBody": "2"}])
        expect(False, "duplicate batch ids must fail")
    except ClientError as e:
        expect("BatchEntryIdsNotDistinct" in e.response["Error"]["Code"], f"{e.response['Error']}")
    msgs = receive_all(url)
    d = sqs.delete_message_batch(QueueUrl=url, Entries=[{"Id": m["MessageId"][:8], "ReceiptHandle": m["ReceiptHandle"]} for m in msgs])
    expect(len(d["Successful"]) == len(msgs), f"{d}")


def peek_does_not_receive():
    url = sqs.create_queue(QueueName="peek")["QueueUrl"]
    sqs.send_message(QueueUrl=url, MessageBody="look, don't touch")
    for _ in range(3):
        q = [q for q in state()["sqs"]["queues"] if q["name"] == "peek"][0]
    m = receive_all(url, AttributeNames=["ApproximateReceiveCount"])
    expect(m[0]["Attributes"]["ApproximateReceiveCount"] == "1", "reading the state did not count as a receive")


SCENARIOS = {f.__name__: f for f in [basics, visibility, dlq_redrive, fifo, delay, long_polling, batches, peek_does_not_receive]}

if __name__ == "__main__":
    names = sys.argv[2:] or list(SCENARIOS)
    failed = 0
    for name in names:
        try:
            SCENARIOS[name]()
            print(f"ok {name}")
        except Exception as e:  # report every scenario, not just the first failure
            failed += 1
            print(f"not ok {name}: {type(e).__name__}: {e}")
    sys.exit(1 if failed else 0)
