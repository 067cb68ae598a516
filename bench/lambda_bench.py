"""Times Lambda invocations through boto3 against `handson serve`; see bench/lambda."""
import io
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import zipfile

import boto3
from botocore.config import Config

handson = sys.argv[1]
N_WARM = int(os.environ.get("N_WARM", "1000"))
N_COLD = int(os.environ.get("N_COLD", "20"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


port = free_port()
# The emulator's own endpoints need its token (docs/security.md): ask for it in a file of ours.
token_dir = tempfile.mkdtemp(prefix="handson-bench-")
token_file = os.path.join(token_dir, "token")
server = subprocess.Popen([handson, "serve", "--in-memory", "--port", str(port), "--token-file", token_file],
                          stdout=subprocess.DEVNULL)
endpoint = f"http://127.0.0.1:{port}"
for _ in range(200):
    try:
        urllib.request.urlopen(endpoint + "/_handson/health")
        break
    except OSError:
        time.sleep(0.02)

config = Config(retries={"max_attempts": 1})
kw = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test", config=config)
lam = boto3.client("lambda", **kw)
sqs = boto3.client("sqs", **kw)
iam = boto3.client("iam", **kw)
# Lambda checks the execution role: it must exist and trust lambda.amazonaws.com.
role_arn = iam.create_role(RoleName="bench", AssumeRolePolicyDocument=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}))["Role"]["Arn"]

buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w") as archive:
    archive.writestr("app.py", "def handler(event, context):\n    return {'n': event.get('n')}\n")
code = buffer.getvalue()


def create(name):
    lam.create_function(FunctionName=name, Runtime="python3.12", Role=role_arn,
                        Handler="app.handler", Code={"ZipFile": code})


def timed(call, n):
    samples = []
    for i in range(n):
        started = time.perf_counter()
        call(i)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.9) - 1]


def state(query):
    token = open(token_file).read().strip()
    request = urllib.request.Request(endpoint + "/_handson/state?query=" + urllib.parse.quote(query),
                                     headers={"X-Handson-Token": token})
    return json.load(urllib.request.urlopen(request))


try:
    create("warm")
    lam.invoke(FunctionName="warm", Payload=b'{"n": 0}')  # the one cold start
    warm = timed(lambda i: lam.invoke(FunctionName="warm", Payload=json.dumps({"n": i}).encode())["Payload"].read(), N_WARM)
    cold_starts_warm = state("lambda.functions[?FunctionName=='warm'] | [0].coldStarts")

    # Cold: a function whose code just changed has no warm environment.
    def cold(i):
        lam.update_function_configuration(FunctionName="warm", Description=f"rev {i}")
        started = time.perf_counter()
        lam.invoke(FunctionName="warm", Payload=b'{"n": 1}')["Payload"].read()
        return (time.perf_counter() - started) * 1000
    cold_samples = sorted(cold(i) for i in range(N_COLD))
    cold_median = statistics.median(cold_samples)

    peer = timed(lambda i: sqs.list_queues(), 300)
    python_start = timed(lambda i: subprocess.run([sys.executable, "-c", "pass"]), 20)

    print(f"warm invoke (boto3, {N_WARM:,} calls): median {warm[0]:.2f} ms, p90 {warm[1]:.2f} ms (target < 5 ms: {'met' if warm[0] < 5 else 'NOT met'})")
    print(f"python3 runtimes started for those {N_WARM + 1:,} invocations: {cold_starts_warm} (warm environments reused)")
    print(f"cold invoke (new environment, {N_COLD} calls): median {cold_median:.1f} ms, p90 {cold_samples[max(0, int(N_COLD * 0.9) - 1)]:.1f} ms (target < 150 ms: {'met' if cold_median < 150 else 'NOT met'})")
    print(f"peer: boto3 SQS ListQueues (no code runs): median {peer[0]:.2f} ms; warm invoke / that = {warm[0] / peer[0]:.2f}x")
    print(f"peer: a bare `python3 -c pass` start: median {python_start[0]:.1f} ms; cold invoke / that = {cold_median / python_start[0]:.2f}x")
finally:
    shutil.rmtree(token_dir, ignore_errors=True)
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        sys.exit("handson serve did not stop within 10 s of SIGTERM")
