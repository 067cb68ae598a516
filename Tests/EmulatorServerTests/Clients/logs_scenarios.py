"""CloudWatch Logs scenarios driven through the real boto3 against a running handson emulator.

Usage: python3 logs_scenarios.py ENDPOINT [SCENARIO ...]
Each scenario asserts what AWS documents; a failure prints what differed and exits 1.
"""
import io
import json
import sys
import time
import urllib.request
import zipfile

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
# The emulator's own endpoints need its token (docs/security.md); the test passes it here.
ADMIN = {"X-Handson-Token": __import__("os").environ.get("HANDSON_TOKEN", "")}
logs = boto3.client(
    "logs", endpoint_url=ENDPOINT, region_name="us-east-1",
    aws_access_key_id="test", aws_secret_access_key="test",
    config=Config(retries={"max_attempts": 1}),
)


def advance_clock(amount):
    req = urllib.request.Request(ENDPOINT + "/_handson/clock", data=json.dumps({"advance": amount}).encode(),
                                 method="POST", headers={"Content-Type": "application/json", **ADMIN})
    urllib.request.urlopen(req).read()


def virtual_now_ms():
    clock = json.load(urllib.request.urlopen(urllib.request.Request(ENDPOINT + "/_handson/clock", headers=ADMIN)))
    return int((time.time() + clock["offsetSeconds"]) * 1000)


def state():
    return json.load(urllib.request.urlopen(urllib.request.Request(ENDPOINT + "/_handson/state", headers=ADMIN)))


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def error_of(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["Error"]["Message"]
    raise AssertionError(f"{call.__name__} succeeded")


def messages(response):
    return [e["message"] for e in response["events"]]


def basics():
    logs.create_log_group(logGroupName="/app/basics", tags={"team": "payments"})
    logs.create_log_stream(logGroupName="/app/basics", logStreamName="s1")
    now = virtual_now_ms()
    put = logs.put_log_events(logGroupName="/app/basics", logStreamName="s1",
                              logEvents=[{"timestamp": now - 2, "message": "hello"},
                                         {"timestamp": now - 1, "message": "world"},
                                         {"timestamp": now, "message": "🙀 - 日本語"}])
    expect(len(put["nextSequenceToken"]) == 56, f"sequence token {put}")
    expect("rejectedLogEventsInfo" not in put, f"nothing rejected {put}")
    got = logs.get_log_events(logGroupName="/app/basics", logStreamName="s1")
    expect(messages(got) == ["hello", "world", "🙀 - 日本語"], f"events {got['events']}")
    expect(all(isinstance(e["timestamp"], int) and e["ingestionTime"] >= now - 5000 for e in got["events"]), "timestamps")
    group = logs.describe_log_groups(logGroupNamePrefix="/app/basics")["logGroups"][0]
    expect(group["arn"].endswith(":log-group:/app/basics:*"), f"arn {group}")
    expect(group["logGroupArn"] == "arn:aws:logs:us-east-1:123456789012:log-group:/app/basics", f"logGroupArn {group}")
    expect(group["storedBytes"] > 0 and group["metricFilterCount"] == 0, f"group {group}")
    stream = logs.describe_log_streams(logGroupName="/app/basics")["logStreams"][0]
    expect(stream["firstEventTimestamp"] == now - 2 and stream["lastEventTimestamp"] == now, f"stream {stream}")
    expect(logs.list_tags_log_group(logGroupName="/app/basics")["tags"] == {"team": "payments"}, "tags")
    logs.tag_resource(resourceArn=group["logGroupArn"], tags={"env": "lab"})
    expect(logs.list_tags_for_resource(resourceArn=group["logGroupArn"])["tags"] == {"team": "payments", "env": "lab"},
           "tags after TagResource")


def tokens():
    logs.create_log_group(logGroupName="tokens")
    logs.create_log_stream(logGroupName="tokens", logStreamName="s")
    now = virtual_now_ms()
    logs.put_log_events(logGroupName="tokens", logStreamName="s",
                        logEvents=[{"timestamp": now - 100 + i, "message": f"e{i}"} for i in range(25)])
    seen, kwargs = [], {"startFromHead": True, "limit": 10}
    token = None
    while True:
        page = logs.get_log_events(logGroupName="tokens", logStreamName="s", **kwargs)
        expect(page["nextForwardToken"].startswith("f/") and page["nextBackwardToken"].startswith("b/"), f"tokens {page}")
        if page["nextForwardToken"] == token:
            expect(page["events"] == [], "the end returns no events and the same token")
            break
        seen += messages(page)
        token = page["nextForwardToken"]
        kwargs = {"nextToken": token, "limit": 10}
    expect(seen == [f"e{i}" for i in range(25)], f"forward walk {seen}")
    tail = logs.get_log_events(logGroupName="tokens", logStreamName="s", limit=5)
    expect(messages(tail) == [f"e{i}" for i in range(20, 25)], f"tail {messages(tail)}")
    back = logs.get_log_events(logGroupName="tokens", logStreamName="s", limit=5, nextToken=tail["nextBackwardToken"])
    expect(messages(back) == [f"e{i}" for i in range(15, 20)], f"backward {messages(back)}")


def filter_pattern():
    logs.create_log_group(logGroupName="filter")
    now = virtual_now_ms()
    for stream, lines in {"web": ["ERROR timeout", "INFO ok"], "worker": ["INFO job done", "ERROR disk full"]}.items():
        logs.create_log_stream(logGroupName="filter", logStreamName=stream)
        logs.put_log_events(logGroupName="filter", logStreamName=stream,
                            logEvents=[{"timestamp": now - 10 + i + (0 if stream == "web" else 5), "message": m}
                                       for i, m in enumerate(lines)])
    errors = logs.filter_log_events(logGroupName="filter", filterPattern="ERROR")
    expect(messages(errors) == ["ERROR timeout", "ERROR disk full"], f"ERROR {messages(errors)}")
    expect([e["logStreamName"] for e in errors["events"]] == ["web", "worker"], "stream names")
    either = logs.filter_log_events(logGroupName="filter", filterPattern="?timeout ?job")
    expect(messages(either) == ["ERROR timeout", "INFO job done"], f"?terms {messages(either)}")
    phrase = logs.filter_log_events(logGroupName="filter", filterPattern='"disk full"', logStreamNames=["worker"])
    expect(messages(phrase) == ["ERROR disk full"], f"phrase {messages(phrase)}")
    logs.create_log_stream(logGroupName="filter", logStreamName="json")
    logs.put_log_events(logGroupName="filter", logStreamName="json",
                        logEvents=[{"timestamp": now, "message": json.dumps({"status": 500, "path": "/a"})},
                                   {"timestamp": now, "message": json.dumps({"status": 200, "path": "/b"})}])
    failed = logs.filter_log_events(logGroupName="filter", filterPattern="{ $.status >= 500 }")
    expect([json.loads(m)["path"] for m in messages(failed)] == ["/a"], f"json {messages(failed)}")
    paginator = logs.get_paginator("filter_log_events")
    pages = list(paginator.paginate(logGroupName="filter", PaginationConfig={"PageSize": 2}))
    expect(sum(len(p["events"]) for p in pages) == 6 and len(pages) == 3, f"pages {[len(p['events']) for p in pages]}")


def describe_pagination():
    for i in range(12):
        logs.create_log_group(logGroupName=f"/paged/g{i:02d}")
    logs.create_log_group(logGroupName="/elsewhere")
    first = logs.describe_log_groups(logGroupNamePrefix="/paged/", limit=5)
    expect(len(first["logGroups"]) == 5 and "nextToken" in first, f"first page {first}")
    names = [g["logGroupName"] for p in logs.get_paginator("describe_log_groups").paginate(
        logGroupNamePrefix="/paged/", PaginationConfig={"PageSize": 5}) for g in p["logGroups"]]
    expect(names == [f"/paged/g{i:02d}" for i in range(12)], f"all pages {names}")
    pattern = logs.describe_log_groups(logGroupNamePattern="ELSE")["logGroups"]
    expect([g["logGroupName"] for g in pattern] == ["/elsewhere"], f"pattern {pattern}")


def retention():
    logs.create_log_group(logGroupName="retained")
    logs.create_log_stream(logGroupName="retained", logStreamName="s")
    logs.put_retention_policy(logGroupName="retained", retentionInDays=1)
    now = virtual_now_ms()
    logs.put_log_events(logGroupName="retained", logStreamName="s",
                        logEvents=[{"timestamp": now - 3_600_000, "message": "old"}, {"timestamp": now, "message": "new"}])
    expect(messages(logs.get_log_events(logGroupName="retained", logStreamName="s")) == ["old", "new"], "before")
    advance_clock("2d")
    expect(messages(logs.get_log_events(logGroupName="retained", logStreamName="s")) == [], "after two days")
    expect(logs.describe_log_groups(logGroupNamePrefix="retained")["logGroups"][0]["retentionInDays"] == 1, "shown")
    code, message = error_of(logs.put_retention_policy, logGroupName="retained", retentionInDays=2)
    expect(code == "InvalidParameterException" and "Member must satisfy enum value set: [1, 3, 5, 7" in message, message)


def errors():
    expect(error_of(logs.get_log_events, logGroupName="nope", logStreamName="s")
           == ("ResourceNotFoundException", "The specified log group does not exist."), "missing group")
    logs.create_log_group(logGroupName="errs")
    expect(error_of(logs.create_log_group, logGroupName="errs")
           == ("ResourceAlreadyExistsException", "The specified log group already exists"), "duplicate group")
    expect(error_of(logs.put_log_events, logGroupName="errs", logStreamName="s",
                    logEvents=[{"timestamp": 1, "message": "x"}])
           == ("ResourceNotFoundException", "The specified log stream does not exist."), "missing stream")
    logs.create_log_stream(logGroupName="errs", logStreamName="s")
    now = virtual_now_ms()
    expect(error_of(logs.put_log_events, logGroupName="errs", logStreamName="s",
                    logEvents=[{"timestamp": now, "message": "b"}, {"timestamp": now - 1, "message": "a"}])
           == ("InvalidParameterException", "Log events in a single PutLogEvents request must be in chronological order."),
           "order")
    rejected = logs.put_log_events(logGroupName="errs", logStreamName="s",
                                   logEvents=[{"timestamp": now, "message": "ok"},
                                              {"timestamp": now + 3 * 3_600_000, "message": "future"}])
    expect(rejected["rejectedLogEventsInfo"] == {"tooNewLogEventStartIndex": 1}, f"rejected {rejected}")
    expect(error_of(logs.get_log_events, logGroupName="errs", logStreamName="s", nextToken="bogus")
           == ("InvalidParameterException", "The specified nextToken is invalid."), "token")


def state_for_checks():
    logs.create_log_group(logGroupName="/aws/lambda/fn")
    logs.create_log_stream(logGroupName="/aws/lambda/fn", logStreamName="2026/01/01/[$LATEST]abc")
    logs.put_log_events(logGroupName="/aws/lambda/fn", logStreamName="2026/01/01/[$LATEST]abc",
                        logEvents=[{"timestamp": virtual_now_ms(), "message": "processed 3"}])
    group = [g for g in state()["logs"]["logGroups"] if g["name"] == "/aws/lambda/fn"][0]
    stream = group["logStreams"][0]
    expect(stream["eventCount"] == 1 and stream["events"][0]["message"] == "processed 3", f"state {group}")


def lambda_output():
    """A function's START/END/REPORT lines and its prints land in /aws/lambda/NAME, one stream
    per execution environment, as soon as the invocation returns."""
    session = dict(endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id="test",
                   aws_secret_access_key="test", config=Config(retries={"max_attempts": 1}, read_timeout=120))
    lam, iam = boto3.client("lambda", **session), boto3.client("iam", **session)
    # Lambda asks IAM: the function's role must exist and trust lambda.amazonaws.com.
    role = iam.create_role(RoleName="counter-role", AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                                                "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
    code = "def handler(event, context):\n    print(f\"processed {event['n']}\")\n    return event['n']\n"
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("handler.py", code)
    lam.create_function(FunctionName="counter", Runtime="python3.12", Role=role,
                        Handler="handler.handler", Code={"ZipFile": archive.getvalue()})
    for n in (3, 4):
        expect(lam.invoke(FunctionName="counter", Payload=json.dumps({"n": n}))["StatusCode"] == 200, "invoke")
    streams = logs.describe_log_streams(logGroupName="/aws/lambda/counter")["logStreams"]
    expect(len(streams) == 1 and "[$LATEST]" in streams[0]["logStreamName"], f"one warm environment {streams}")
    lines = messages(logs.get_log_events(logGroupName="/aws/lambda/counter", logStreamName=streams[0]["logStreamName"],
                                         startFromHead=True))
    expect([line.split(" ")[0] for line in lines if not line.startswith("processed")] == ["START", "END", "REPORT"] * 2,
           f"lines {lines}")
    found = logs.filter_log_events(logGroupName="/aws/lambda/counter", filterPattern='"processed 3"')
    expect(messages(found) == ["processed 3"], f"filter {messages(found)}")
    checked = [g for g in state()["logs"]["logGroups"] if g["name"] == "/aws/lambda/counter"][0]
    expect(any(e["message"] == "processed 4" for e in checked["logStreams"][0]["events"]), f"state {checked}")


SCENARIOS = {f.__name__: f for f in [basics, tokens, filter_pattern, describe_pagination, retention, errors,
                                     state_for_checks, lambda_output]}

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
