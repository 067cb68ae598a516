"""Durability probe: `send ENDPOINT QUEUE ACKFILE` sends from 8 threads until the server dies,
appending every acknowledged body to ACKFILE (flushed per line); `drain ENDPOINT QUEUE` prints
every body still in the queue, one per line."""
import sys
import threading

import boto3
from botocore.config import Config

mode, endpoint, queue = sys.argv[1], sys.argv[2], sys.argv[3]
config = Config(retries={"max_attempts": 1}, connect_timeout=2, read_timeout=5)


def client():
    return boto3.client("sqs", endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="test", aws_secret_access_key="test", config=config)


if mode == "send":
    ackfile = open(sys.argv[4], "a", buffering=1)
    lock = threading.Lock()
    url = client().create_queue(QueueName=queue)["QueueUrl"]

    def sender(worker):
        c = client()
        n = 0
        while True:
            body = f"w{worker}-{n}"
            try:
                c.send_message(QueueUrl=url, MessageBody=body)
            except Exception:
                return  # the server was killed: whatever was not acknowledged does not count
            with lock:
                ackfile.write(body + "\n")
            n += 1

    threads = [threading.Thread(target=sender, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
elif mode == "drain":
    c = client()
    url = c.get_queue_url(QueueName=queue)["QueueUrl"]
    seen = set()
    while True:
        msgs = c.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=600).get("Messages", [])
        if not msgs:
            break
        for m in msgs:
            seen.add(m["Body"])
    for body in sorted(seen):
        print(body)
