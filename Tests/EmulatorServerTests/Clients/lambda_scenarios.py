"""Lambda scenarios through the real boto3 against a running handson emulator: functions
really run (the host's python3), SQS triggers with DLQ semantics, zip slip refused.

Usage: python3 lambda_scenarios.py ENDPOINT [SCENARIO ...]
"""
import io
import json
import sys
import time
import urllib.error
import urllib.request
import zipfile

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
# The emulator's own endpoints need its token (docs/security.md); the test passes it here.
ADMIN = {"X-Handson-Token": __import__("os").environ.get("HANDSON_TOKEN", "")}
session = dict(endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test",
               config=Config(retries={"max_attempts": 1}, read_timeout=120))
lam = boto3.client("lambda", **session)
sqs = boto3.client("sqs", **session)
iam = boto3.client("iam", **session)
ROLE = "arn:aws:iam::123456789012:role/lambda-sqs"
LAMBDA_TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]})


def make_role(name="lambda-sqs", policy="service-role/AWSLambdaSQSQueueExecutionRole"):
    """Lambda checks the role: it must trust lambda.amazonaws.com and, for a trigger, read the queue."""
    try:
        iam.create_role(RoleName=name, AssumeRolePolicyDocument=LAMBDA_TRUST)
        iam.attach_role_policy(RoleName=name, PolicyArn=f"arn:aws:iam::aws:policy/{policy}")
    except ClientError as exc:
        if exc.response["Error"]["Code"] != "EntityAlreadyExists":
            raise
    return f"arn:aws:iam::123456789012:role/{name}"

ODD_FAILS = '''
import json
def handler(event, context):
    for record in event.get("Records", []):
        n = int(record["body"])
        if n % 2:
            raise ValueError(f"odd number: {n}")
        print(f"processed {n}")
    if "n" in event and event["n"] % 2:
        raise ValueError(f"odd number: {event['n']}")
    return {"ok": True, "records": len(event.get("Records", []))}
'''


def zipped(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def advance_clock(seconds):
    req = urllib.request.Request(ENDPOINT + "/_handson/clock", data=json.dumps({"advance": seconds}).encode(),
                                 method="POST", headers={"Content-Type": "application/json", **ADMIN})
    urllib.request.urlopen(req).read()


def state(query):
    url = ENDPOINT + "/_handson/state?query=" + urllib.parse.quote(query)
    return json.load(urllib.request.urlopen(urllib.request.Request(url, headers=ADMIN)))


def create(name, code=ODD_FAILS, role=None, **extra):
    return lam.create_function(FunctionName=name, Runtime="python3.12", Role=role or make_role(), Handler="handler.handler",
                               Code={"ZipFile": zipped({"handler.py": code})}, **extra)


def wait_for(condition, message, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(message)


def invoke_success_and_error():
    created = create("odd-even", Environment={"Variables": {"GREETING": "hi"}}, Timeout=5)
    expect(created["Runtime"] == "python3.12" and created["State"] == "Active", created)
    ok = lam.invoke(FunctionName="odd-even", Payload=json.dumps({"n": 2}))
    expect(ok["StatusCode"] == 200 and "FunctionError" not in ok, ok)
    expect(json.loads(ok["Payload"].read()) == {"ok": True, "records": 0}, "payload")
    failed = lam.invoke(FunctionName="odd-even", Payload=json.dumps({"n": 3}), LogType="Tail")
    expect(failed["FunctionError"] == "Unhandled", failed)
    error = json.loads(failed["Payload"].read())
    expect(error["errorType"] == "ValueError" and error["errorMessage"] == "odd number: 3", error)
    expect(any("handler.py" in line for line in error["stackTrace"]), error)
    import base64
    tail = base64.b64decode(failed["LogResult"]).decode()
    expect("START RequestId" in tail and "REPORT RequestId" in tail and "[ERROR] ValueError: odd number: 3" in tail, tail)
    expect(lam.invoke(FunctionName="odd-even", InvocationType="DryRun")["StatusCode"] == 204, "dry run")
    expect(lam.invoke(FunctionName="odd-even", InvocationType="Event", Payload=b"{}")["StatusCode"] == 202, "event")
    # Warm: the three synchronous invocations after the first reused one environment.
    counts = state("lambda.functions[?FunctionName=='odd-even'] | [0].[coldStarts, invocations]")
    expect(counts[0] == 1, counts)
    # The function's output and START/END/REPORT lines are in CloudWatch Logs, one stream per environment.
    logs = boto3.client("logs", **session)
    streams = logs.describe_log_streams(logGroupName="/aws/lambda/odd-even")["logStreams"]
    expect(len(streams) == 1 and "[$LATEST]" in streams[0]["logStreamName"], streams)
    messages = [e["message"] for e in logs.get_log_events(logGroupName="/aws/lambda/odd-even",
                                                          logStreamName=streams[0]["logStreamName"], startFromHead=True)["events"]]
    expect(any(m.startswith("START RequestId:") for m in messages) and any(m.startswith("REPORT RequestId:") for m in messages), messages)
    expect("got" not in messages and any("[ERROR] ValueError: odd number: 3" in m for m in messages), messages)
    try:
        lam.get_function(FunctionName="missing")
        raise AssertionError("missing function found")
    except ClientError as exc:
        expect(exc.response["Error"]["Code"] == "ResourceNotFoundException", exc.response)


def environment_and_update():
    create("env-echo", code="import os\ndef handler(e, c):\n    return {'greeting': os.environ['GREETING'], 'name': c.function_name}\n",
           Environment={"Variables": {"GREETING": "hello"}})
    out = json.loads(lam.invoke(FunctionName="env-echo")["Payload"].read())
    expect(out == {"greeting": "hello", "name": "env-echo"}, out)
    lam.update_function_code(FunctionName="env-echo", ZipFile=zipped({"handler.py": "def handler(e, c):\n    return 'v2'\n"}))
    expect(json.loads(lam.invoke(FunctionName="env-echo")["Payload"].read()) == "v2", "new code runs")
    lam.update_function_configuration(FunctionName="env-echo", Timeout=1)
    lam.update_function_code(FunctionName="env-echo", ZipFile=zipped({"handler.py": "import time\ndef handler(e, c):\n    time.sleep(3)\n"}))
    slow = lam.invoke(FunctionName="env-echo")
    body = json.loads(slow["Payload"].read())
    expect(slow.get("FunctionError") == "Unhandled" and "Task timed out after 1.00 seconds" in body["errorMessage"], body)
    names = [f["FunctionName"] for f in lam.list_functions()["Functions"]]
    expect("env-echo" in names, names)
    lam.delete_function(FunctionName="env-echo")


def zip_slip_rejected():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../escape.py", "print('escaped')")
    try:
        lam.create_function(FunctionName="slip", Runtime="python3.12", Role=make_role(), Handler="escape.handler",
                            Code={"ZipFile": buffer.getvalue()})
        raise AssertionError("a zip-slip archive was accepted")
    except ClientError as exc:
        expect(exc.response["Error"]["Code"] == "InvalidParameterValueException", exc.response)
        expect("outside the function's folder" in exc.response["Error"]["Message"], exc.response)


def sqs_trigger_with_dlq():
    dlq = sqs.create_queue(QueueName="numbers-dlq")["QueueUrl"]
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    queue = sqs.create_queue(QueueName="numbers", Attributes={
        "VisibilityTimeout": "30",
        "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": 2})})["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    create("numbers-worker")
    mapping = lam.create_event_source_mapping(FunctionName="numbers-worker", EventSourceArn=queue_arn, BatchSize=1)
    expect(mapping["State"] in ("Creating", "Enabled"), mapping)
    try:
        lam.create_event_source_mapping(FunctionName="numbers-worker", EventSourceArn=queue_arn, BatchSize=1)
        raise AssertionError("a second mapping of the same queue and function was accepted")
    except ClientError as exc:
        expect(exc.response["Error"]["Code"] == "ResourceConflictException" and mapping["UUID"] in exc.response["Error"]["Message"],
               exc.response)
    for n in range(1, 7):
        sqs.send_message(QueueUrl=queue, MessageBody=str(n))
    # Evens are processed and deleted; odds fail, come back after the visibility timeout,
    # and after 2 receives move to the DLQ.
    wait_for(lambda: state("sqs.queues[?name=='numbers'].messages.inFlight | [0]") == 3
             and state("sqs.queues[?name=='numbers'].messages.visible | [0]") == 0, "evens processed, odds in flight")
    advance_clock(31)
    wait_for(lambda: state("sqs.queues[?name=='numbers'].messages.inFlight | [0]") == 3
             and state("sum(sqs.queues[?name=='numbers'].messageBodies[].receiveCount)") == 6, "odds received twice")
    advance_clock(31)
    wait_for(lambda: sorted(state("sqs.queues[?name=='numbers-dlq'].messageBodies[].body | []")) == ["1", "3", "5"],
             "the DLQ holds exactly the odd messages")
    wait_for(lambda: state("sqs.queues[?name=='numbers'].messages.[visible, inFlight, delayed] | [0]") == [0, 0, 0], "source empty")
    logs = state("calls[?service=='lambda'] | length(@)")
    expect(logs >= 2, "the mapping calls were logged")
    lam.delete_event_source_mapping(UUID=mapping["UUID"])
    expect(lam.list_event_source_mappings(FunctionName="numbers-worker")["EventSourceMappings"] == [], "deleted")


def roles_are_enforced():
    # A role Lambda may not assume is refused at CreateFunction.
    ec2_trust = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
    iam.create_role(RoleName="ec2-only", AssumeRolePolicyDocument=ec2_trust)
    try:
        create("wrong-role", role="arn:aws:iam::123456789012:role/ec2-only")
        raise AssertionError("a role Lambda cannot assume was accepted")
    except ClientError as exc:
        expect(exc.response["Error"]["Message"] == "The role defined for the function cannot be assumed by Lambda.", exc.response)
    # A role that may only write logs cannot poll a queue: the mapping is refused.
    logs_only = make_role("logs-only", policy="service-role/AWSLambdaBasicExecutionRole")
    create("no-sqs", role=logs_only)
    queue = sqs.create_queue(QueueName="guarded")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    try:
        lam.create_event_source_mapping(FunctionName="no-sqs", EventSourceArn=arn)
        raise AssertionError("a mapping without SQS permissions was accepted")
    except ClientError as exc:
        expect(exc.response["Error"]["Code"] == "InvalidParameterValueException", exc.response)
        expect(exc.response["Error"]["Message"] == "The function execution role does not have permissions to call ReceiveMessage on SQS", exc.response)


def large_package_and_code_location():
    """A package above the server's in-memory body limit (1 MiB) arrives whole through the spool,
    runs, and GetFunction's Code.Location serves it back byte for byte."""
    import os
    make_role()
    package = zipped({"handler.py": "def handler(e, c):\n    return len(open('blob.bin', 'rb').read())\n",
                      "blob.bin": os.urandom(3 << 20)})
    expect(len(package) > 3 << 20, len(package))
    lam.create_function(FunctionName="big", Runtime="python3.12", Handler="handler.handler", Role=ROLE,
                        Code={"ZipFile": package})
    expect(json.loads(lam.invoke(FunctionName="big")["Payload"].read()) == 3 << 20, "the whole blob arrived")
    location = lam.get_function(FunctionName="big")["Code"]["Location"]
    expect(location.startswith(ENDPOINT + "/_handson/lambda-code/123456789012/us-east-1/big"), location)
    # Like AWS's presigned URL: it works without credentials (no token either)...
    with urllib.request.urlopen(location) as response:
        expect(response.read() == package, "Code.Location serves the package as uploaded")
    # ...and only as signed: no signature, a forged one, or another function's name is refused.
    unsigned = location.split("?")[0]
    forged = unsigned + "?X-Handson-Signature=" + "0" * 64
    other = location.replace("/big?", "/missing?")
    for url in [unsigned, forged, other, ENDPOINT + "/_handson/lambda-code/123456789012/us-east-1/missing"]:
        try:
            urllib.request.urlopen(url)
            raise AssertionError("served without a valid signature: " + url)
        except urllib.error.HTTPError as exc:
            expect(exc.code == 403, (url, exc.code))


def function_environment_is_bounded():
    """A function starts with a clean environment of its own, reserved keys and loader variables
    are refused, a zip that inflates past 250 MB is refused, output lines are cut at 256 KiB, and
    REPORT gives the runtime's measured peak memory."""
    import base64
    import os
    import re
    make_role()
    for key in ["AWS_REGION", "AWS_LAMBDA_RUNTIME_API", "LD_PRELOAD"]:
        try:
            create("bad-env-" + key.lower().replace("_", "-"), Environment={"Variables": {key: "x"}})
            raise AssertionError(f"{key} was accepted")
        except ClientError as exc:
            expect(exc.response["Error"]["Code"] == "InvalidParameterValueException", exc.response)
            expect(key in exc.response["Error"]["Message"], exc.response)
    code = ("import os, json\n"
            "def handler(e, c):\n"
            "    open(os.path.join(os.environ['HOME'], 'note'), 'w').write('x')\n"
            "    block = bytearray(120 * 1024 * 1024)\n"
            "    print('y' * 600000, end='')\n"
            "    return dict(os.environ)\n")
    create("env-probe", code=code, MemorySize=512, Timeout=30,
           Environment={"Variables": {"PATH": "/nonexistent", "GREETING": "hi"}})
    result = lam.invoke(FunctionName="env-probe", LogType="Tail")
    env = json.loads(result["Payload"].read())
    expect(env["GREETING"] == "hi" and env["PATH"] == "/nonexistent", env)
    documented = {"PATH", "HOME", "TMPDIR", "LANG", "TZ", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "_HANDLER",
                  "AWS_LAMBDA_RUNTIME_API", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION",
                  "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
                  "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV", "AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID",
                  "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE", "GREETING"}
    expect(set(env) <= documented, f"not documented, so inherited from the emulator: {set(env) - documented}")
    expect(env["HOME"] != os.environ.get("HOME") and "/.environments/" in env["HOME"], env["HOME"])
    tail = base64.b64decode(result["LogResult"]).decode()
    peak = re.search(r"Max Memory Used: (\d+) MB", tail)
    expect(peak and int(peak.group(1)) >= 120, tail)
    logs = boto3.client("logs", **session)
    events = logs.filter_log_events(logGroupName="/aws/lambda/env-probe")["events"]
    pieces = [e["message"] for e in events if e["message"].startswith("y")]
    expect(max(len(p) for p in pieces) <= 256 * 1024 and sum(len(p) for p in pieces) == 600000,
           [len(p) for p in pieces])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("handler.py", "def handler(e, c):\n    return 1\n")
        with archive.open("zeros.bin", "w", force_zip64=True) as big:
            chunk = bytes(1 << 20)
            for _ in range(300):
                big.write(chunk)
    try:
        lam.create_function(FunctionName="bomb", Runtime="python3.12", Handler="handler.handler", Role=ROLE,
                            Code={"ZipFile": buffer.getvalue()})
        raise AssertionError("a package of 300 MB unzipped was accepted")
    except ClientError as exc:
        expect(exc.response["Error"]["Message"] == "Unzipped size must be smaller than 262144000 bytes", exc.response)


def resource_policy():
    """add-permission writes Lambda's statement; get-policy answers the document; errors as AWS's."""
    create("notify", code="def handler(e, c):\n    return e\n")
    topic = "arn:aws:sns:us-east-1:123456789012:alerts"
    added = lam.add_permission(FunctionName="notify", StatementId="from-sns", Action="lambda:InvokeFunction",
                               Principal="sns.amazonaws.com", SourceArn=topic)
    statement = json.loads(added["Statement"])
    expect(statement == {"Sid": "from-sns", "Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"},
                         "Action": "lambda:InvokeFunction",
                         "Resource": "arn:aws:lambda:us-east-1:123456789012:function:notify",
                         "Condition": {"ArnLike": {"AWS:SourceArn": topic}}}, statement)
    policy = lam.get_policy(FunctionName="notify")
    document = json.loads(policy["Policy"])
    expect(document["Version"] == "2012-10-17" and document["Statement"] == [statement] and policy["RevisionId"], policy)
    try:
        lam.add_permission(FunctionName="notify", StatementId="from-sns", Action="lambda:InvokeFunction", Principal="sns.amazonaws.com")
        raise AssertionError("a duplicate statement id was accepted")
    except ClientError as exc:
        expect(exc.response["Error"]["Code"] == "ResourceConflictException", exc.response)
    lam.remove_permission(FunctionName="notify", StatementId="from-sns")
    for call in (lambda: lam.get_policy(FunctionName="notify"),
                 lambda: lam.remove_permission(FunctionName="notify", StatementId="from-sns")):
        try:
            call()
            raise AssertionError("a removed statement was still there")
        except ClientError as exc:
            expect(exc.response["Error"]["Code"] == "ResourceNotFoundException", exc.response)


SCENARIOS = {f.__name__: f for f in [resource_policy, function_environment_is_bounded, invoke_success_and_error, environment_and_update, zip_slip_rejected, sqs_trigger_with_dlq,
                                     roles_are_enforced, large_package_and_code_location]}

if __name__ == "__main__":
    import urllib.parse
    for name in sys.argv[2:] or SCENARIOS:
        SCENARIOS[name]()
        print(f"ok {name}")
