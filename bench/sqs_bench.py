"""The figures behind bench/sqs. Argument: the handson binary (release build)."""
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

import boto3
from botocore.config import Config

HANDSON = sys.argv[1]
HELLO = sys.argv[2]  # the smallest Hummingbird server: the framework's own floor
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.005)
    raise RuntimeError(f"nothing listens on {port}")


def start_handson(data_dir):
    port = free_port()
    started = time.perf_counter()
    proc = subprocess.Popen([HANDSON, "serve", "--port", str(port), "--data-dir", data_dir],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    proc.stdout.readline()  # the "listening" line is printed once the socket is bound
    startup = time.perf_counter() - started
    return proc, port, startup


def start_moto():
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "moto.server", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_port(port)
    return proc, port


def rss_mib(pid, field="VmRSS"):
    """Resident memory in MiB; RssAnon is the process's own, RssFile its mapped binary and libraries."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def client(port):
    return boto3.client("sqs", endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1",
                        aws_access_key_id="test", aws_secret_access_key="test",
                        config=Config(retries={"max_attempts": 1}))


def boto3_round_trip(port, n=2000):
    """Send n messages, then receive and delete them all, one call each. Returns the seconds
    it took and the CPU seconds boto3 itself spent (building, signing, sending, parsing): the
    part no server can take away."""
    sqs = client(port)
    url = sqs.create_queue(QueueName=f"roundtrip{time.time_ns()}")["QueueUrl"]
    started, client_cpu = time.perf_counter(), time.process_time()
    for i in range(n):
        sqs.send_message(QueueUrl=url, MessageBody=f"message {i}")
    done = 0
    while done < n:
        for m in sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []):
            sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
            done += 1
    return time.perf_counter() - started, time.process_time() - client_cpu


class RawSQS:
    """JSON-protocol calls over one keep-alive connection: measures the server, not boto3."""

    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port)

    def call(self, op, body):
        self.conn.request("POST", "/", json.dumps(body), {
            "X-Amz-Target": f"AmazonSQS.{op}", "Content-Type": "application/x-amz-json-1.0",
            "Authorization": "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=0"})
        response = self.conn.getresponse()
        data = response.read()
        if response.status != 200:
            raise RuntimeError(f"{op}: {response.status} {data[:200]!r}")
        return json.loads(data) if data else {}


def latency_at_backlog(port, backlog, samples=2000):
    raw = RawSQS(port)
    url = raw.call("CreateQueue", {"QueueName": f"backlog{backlog}"})["QueueUrl"]
    for start in range(0, backlog, 10):
        raw.call("SendMessageBatch", {"QueueUrl": url, "Entries": [
            {"Id": str(i), "MessageBody": f"filler {start + i}"} for i in range(min(10, backlog - start))]})
    timings = {"SendMessage": [], "ReceiveMessage": [], "DeleteMessage": []}
    for i in range(samples):
        t0 = time.perf_counter()
        raw.call("SendMessage", {"QueueUrl": url, "MessageBody": f"probe {i}"})
        t1 = time.perf_counter()
        got = raw.call("ReceiveMessage", {"QueueUrl": url, "MaxNumberOfMessages": 1})["Messages"][0]
        t2 = time.perf_counter()
        raw.call("DeleteMessage", {"QueueUrl": url, "ReceiptHandle": got["ReceiptHandle"]})
        t3 = time.perf_counter()
        timings["SendMessage"].append(t1 - t0)
        timings["ReceiveMessage"].append(t2 - t1)
        timings["DeleteMessage"].append(t3 - t2)
    return {op: statistics.median(v) * 1e6 for op, v in timings.items()}


def wrk_get(url, seconds=10):
    out = subprocess.run(["wrk", "-t", "1", "-c", "64", "-d", f"{seconds}s", url], capture_output=True, text=True).stdout
    return next(float(l.split()[1]) for l in out.splitlines() if l.startswith("Requests/sec"))


def wrk_health(port):
    """The HTTP stack alone: GET /_handson/health answers a fixed document, touching no service."""
    return wrk_get(f"http://127.0.0.1:{port}/_handson/health")


def hello_peer():
    """Idle memory (MiB, total and anon) and wrk rate of a Hummingbird server with one route."""
    port = free_port()
    proc = subprocess.Popen([HELLO, str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port)
        time.sleep(0.5)
        idle = rss_mib(proc.pid), rss_mib(proc.pid, "RssAnon")
        return idle, wrk_get(f"http://127.0.0.1:{port}/")
    finally:
        proc.kill()
        proc.wait()


def wrk_send(port, seconds=10):
    raw = RawSQS(port)
    url = raw.call("CreateQueue", {"QueueName": "wrk"})["QueueUrl"]
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    script.write(f"""
wrk.method = "POST"
wrk.headers["X-Amz-Target"] = "AmazonSQS.SendMessage"
wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=0"
wrk.body = '{json.dumps({"QueueUrl": url, "MessageBody": "a message from wrk"})}'
""")
    script.close()
    out = subprocess.run(["wrk", "-t", "1", "-c", "64", "-d", f"{seconds}s", "-s", script.name,
                          f"http://127.0.0.1:{port}/"], capture_output=True, text=True).stdout
    rate = next(float(l.split()[1]) for l in out.splitlines() if l.startswith("Requests/sec"))
    non2xx = next((l for l in out.splitlines() if "Non-2xx" in l), "")
    count = raw.call("GetQueueAttributes", {"QueueUrl": url, "AttributeNames": ["ApproximateNumberOfMessages"]})
    return rate, non2xx, int(count["Attributes"]["ApproximateNumberOfMessages"])


def main():
    data = tempfile.mkdtemp(prefix="handson-bench-")
    try:
        startups = []
        for _ in range(15):
            proc, port, startup = start_handson(os.path.join(data, f"startup{len(startups)}"))
            startups.append(startup)
            proc.kill(); proc.wait()
        proc, port, _ = start_handson(os.path.join(data, "main"))
        time.sleep(0.5)
        idle_rss = {field: rss_mib(proc.pid, field) for field in ("VmRSS", "RssAnon", "RssFile")}
        moto, moto_port = start_moto()
        try:
            ours, client_cpu = boto3_round_trip(port)
            theirs, _ = boto3_round_trip(moto_port)
            print(f"boto3 round trip, 2,000 messages (send, receive, delete):")
            print(f"  handson  {ours:8.2f} s   {3 * 2000 / ours:9.0f} ops/s")
            print(f"  moto     {theirs:8.2f} s   {3 * 2000 / theirs:9.0f} ops/s")
            print(f"  ratio    {theirs / ours:8.1f}x   (target ≥ 50x)")
            print(f"  of handson's {ours:.2f} s, boto3's own CPU time was {client_cpu:.2f} s: no server can go below it "
                  f"(moto / that = {theirs / client_cpu:.1f}x); waiting on handson {ours - client_cpu:.2f} s")
            print("median latency per operation by backlog (raw HTTP keep-alive, µs):")
            base = None
            for backlog in (100, 10_000, 100_000):
                lat = latency_at_backlog(port, backlog)
                base = base or lat
                worst = max(lat[op] / base[op] for op in lat)
                print(f"  backlog {backlog:>7,}: " + "  ".join(f"{op} {v:7.0f}" for op, v in lat.items())
                      + f"   worst ratio to 100: {worst:.2f}x (target ≤ 1.5x)")
            rate, non2xx, stored = wrk_send(port)
            print(f"wrk SendMessage (durable, 64 connections, 10 s): {rate:,.0f} req/s (target ≥ 20,000) "
                  f"{non2xx.strip()}; queue holds {stored:,}")
            ceiling = wrk_health(port)
            print(f"  the HTTP stack alone (GET /_handson/health, same settings): {ceiling:,.0f} req/s; "
                  f"SendMessage runs at {rate / ceiling:.0%} of it")
            print(f"start-up (exec → listening, new data folder), median of {len(startups)}: "
                  f"{statistics.median(startups) * 1000:.1f} ms (target < 50 ms)")
            (hello_rss, hello_anon), hello_rate = hello_peer()
            print(f"peer: the smallest Hummingbird server (one route, same build settings): idle {hello_rss:.1f} MiB "
                  f"({hello_anon:.1f} MiB its own), {hello_rate:,.0f} req/s with wrk as above")
            print(f"idle resident memory: {idle_rss['VmRSS']:.1f} MiB (target < 20 MiB) = {idle_rss['RssAnon']:.1f} MiB "
                  f"the process's own + {idle_rss['RssFile']:.1f} MiB pages of the binary and libraries; "
                  f"after the run: {rss_mib(proc.pid):.1f} MiB")
        finally:
            moto.kill()
            proc.kill()
    finally:
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
