"""Crash suite: `kill -9` of `handson serve` under mixed load, restart on the same data folder,
and proof that every acknowledged write is still there.

    python3 scripts/crash_suite.py HANDSON_BINARY [--rounds 20] [--seed N] [--keep]

Load, from several threads with boto3 (each call acknowledged only when its answer arrived):
SQS sends, receives and deletes; sends to a queue that triggers a Lambda function through an
event source mapping (the function appends each body to a marker file outside the emulator);
CloudWatch Logs put-log-events; IAM role, inline policy, managed policy and attachment changes,
and role deletions. The server is killed at a random moment, restarted on the same folder, and
everything acknowledged so far, over all rounds, is checked:
- every acknowledged send not yet deleted is in its queue (SQS is at-least-once: a message
  may come back, never vanish); no acknowledged delete is undone;
- every acknowledged trigger send reaches the function (now or after the restart);
- every acknowledged log event is in its stream;
- every created role, inline policy, managed policy and attachment exists; deleted roles do not.
Only `/_handson/health` of the emulator's own endpoints is used. Exit status 1 on any loss."""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import zipfile
from io import BytesIO

import boto3
from botocore.config import Config

CONFIG = Config(retries={"max_attempts": 1}, connect_timeout=2, read_timeout=10)
FUNCTION = """import os

def handler(event, context):
    with open(os.environ["MARKER"], "a") as marker:
        for record in event["Records"]:
            marker.write(record["body"] + "\\n")
    return {"ok": len(event["Records"])}
"""
TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
POLICY = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": ["sqs:*", "logs:*"], "Resource": "*"}]})
LOG_GROUP = "/crash/app"


class Server:
    """`handson serve` on a free port with state in `data_dir`."""

    def __init__(self, binary, data_dir, log):
        self.binary, self.data_dir, self.log = binary, data_dir, log
        self.process = None
        self.endpoint = None
        self.token_file = None
        help_text = subprocess.run([binary, "serve", "--help"], capture_output=True, text=True).stdout
        if "--token-file" in help_text:  # only to pass it on: this suite reads nothing behind the token
            self.token_file = os.path.join(data_dir, "..", "token")

    def start(self):
        port_file = os.path.join(self.data_dir, "..", "port")
        if os.path.exists(port_file):
            os.remove(port_file)
        args = [self.binary, "serve", "--port", "0", "--data-dir", self.data_dir, "--port-file", port_file]
        if self.token_file:
            args += ["--token-file", self.token_file]
        started = time.monotonic()
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=self.log, start_new_session=True)
        while not (os.path.exists(port_file) and open(port_file).read().strip()):
            if self.process.poll() is not None or time.monotonic() - started > 30:
                raise SystemExit(f"handson serve did not start (exit {self.process.poll()}); see {self.log.name}")
            time.sleep(0.01)
        self.endpoint = f"http://127.0.0.1:{open(port_file).read().strip()}"
        while True:
            try:
                with urllib.request.urlopen(self.endpoint + "/_handson/health", timeout=2) as response:
                    if response.status == 200:
                        return time.monotonic() - started
            except OSError:
                if time.monotonic() - started > 30:
                    raise SystemExit("handson serve never answered /_handson/health")
                time.sleep(0.02)

    def kill(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def client(self, service):
        return boto3.client(service, endpoint_url=self.endpoint, region_name="us-east-1",
                            aws_access_key_id="test", aws_secret_access_key="test", config=CONFIG)


class Ledger:
    """Everything the server acknowledged, over all rounds (the proof's expectations)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.sent = set()          # work queue bodies whose SendMessage was answered
        self.deleted = set()       # work queue bodies whose DeleteMessage was answered
        self.deleting = set()      # ... or only sent: one cut off by the kill may have been done
        self.triggered = set()     # trigger queue bodies whose SendMessage was answered
        self.logged = {}           # stream -> set of acknowledged messages
        self.roles = set()         # roles created and not deleted (deletion acknowledged)
        self.deleted_roles = set()
        self.inline = set()        # (role, policy name)
        self.policies = set()      # managed policy names
        self.attached = set()      # (role, policy name)
        self.counts = {}

    def add(self, kind, n=1):
        with self.lock:
            self.counts[kind] = self.counts.get(kind, 0) + n


def setup(server, ledger, marker):
    iam, sqs, logs, lam = (server.client(s) for s in ("iam", "sqs", "logs", "lambda"))
    role = iam.create_role(RoleName="crash-lambda", AssumeRolePolicyDocument=TRUST)["Role"]["Arn"]
    iam.put_role_policy(RoleName="crash-lambda", PolicyName="queues-and-logs", PolicyDocument=POLICY)
    ledger.roles.add("crash-lambda")
    ledger.inline.add(("crash-lambda", "queues-and-logs"))
    sqs.create_queue(QueueName="work", Attributes={"VisibilityTimeout": "2"})
    trigger = sqs.create_queue(QueueName="trigger", Attributes={"VisibilityTimeout": "3"})["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=trigger, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    logs.create_log_group(logGroupName=LOG_GROUP)
    package = BytesIO()
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("app.py", FUNCTION)
    lam.create_function(FunctionName="crash-consumer", Runtime="python3.12", Role=role, Handler="app.handler",
                        Code={"ZipFile": package.getvalue()}, Timeout=2,
                        Environment={"Variables": {"MARKER": marker}})
    lam.create_event_source_mapping(EventSourceArn=arn, FunctionName="crash-consumer", BatchSize=10)


def load(server, ledger, round_number, stop):
    """Worker threads; each stops at its first failed call (the server is gone)."""
    def run(body):
        def loop():
            try:
                body()
            except Exception:
                pass  # not acknowledged: it does not count
        return threading.Thread(target=loop, daemon=True)

    def sender(worker):
        sqs = server.client("sqs")
        url = sqs.get_queue_url(QueueName="work")["QueueUrl"]
        n = 0
        while not stop.is_set():
            body = f"s{round_number}-{worker}-{n}"
            sqs.send_message(QueueUrl=url, MessageBody=body)
            with ledger.lock:
                ledger.sent.add(body)
            ledger.add("sqs sends")
            n += 1

    def consumer():
        sqs = server.client("sqs")
        url = sqs.get_queue_url(QueueName="work")["QueueUrl"]
        while not stop.is_set():
            for message in sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []):
                if random.random() < 0.3:
                    continue  # left in flight: it must come back after its visibility timeout
                with ledger.lock:
                    ledger.deleting.add(message["Body"])
                sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
                with ledger.lock:
                    ledger.deleted.add(message["Body"])
                ledger.add("sqs deletes")

    def trigger():
        sqs = server.client("sqs")
        url = sqs.get_queue_url(QueueName="trigger")["QueueUrl"]
        n = 0
        while not stop.is_set():
            body = f"t{round_number}-{n}"
            sqs.send_message(QueueUrl=url, MessageBody=body)
            with ledger.lock:
                ledger.triggered.add(body)
            ledger.add("trigger sends")
            n += 1
            time.sleep(0.02)

    def logger():
        logs = server.client("logs")
        stream = f"round-{round_number}"
        logs.create_log_stream(logGroupName=LOG_GROUP, logStreamName=stream)
        with ledger.lock:
            ledger.logged.setdefault(stream, set())
        n = 0
        while not stop.is_set():
            now = int(time.time() * 1000)
            batch = [f"l{round_number}-{n + i}" for i in range(5)]
            logs.put_log_events(logGroupName=LOG_GROUP, logStreamName=stream,
                                logEvents=[{"timestamp": now, "message": m} for m in batch])
            with ledger.lock:
                ledger.logged[stream].update(batch)
            ledger.add("log events", len(batch))
            n += 5

    def iam_changes():
        iam = server.client("iam")
        n = 0
        while not stop.is_set():
            role = f"r{round_number}-{n}"
            iam.create_role(RoleName=role, AssumeRolePolicyDocument=TRUST)
            with ledger.lock:
                ledger.roles.add(role)
            iam.put_role_policy(RoleName=role, PolicyName="inline", PolicyDocument=POLICY)
            with ledger.lock:
                ledger.inline.add((role, "inline"))
            ledger.add("iam changes", 2)
            if n % 3 == 0:
                policy = f"p{round_number}-{n}"
                arn = iam.create_policy(PolicyName=policy, PolicyDocument=POLICY)["Policy"]["Arn"]
                with ledger.lock:
                    ledger.policies.add(policy)
                iam.attach_role_policy(RoleName=role, PolicyArn=arn)
                with ledger.lock:
                    ledger.attached.add((role, policy))
                ledger.add("iam changes", 2)
            if n % 4 == 3:  # delete an earlier role of this round: its policies first
                victim = f"r{round_number}-{n - 2}"
                # Expectations drop when a deletion is sent (the kill may cut it off after it was
                # done); only an acknowledged one must stay done.
                with ledger.lock:
                    ledger.inline.discard((victim, "inline"))
                iam.delete_role_policy(RoleName=victim, PolicyName="inline")
                if (n - 2) % 3 == 0:
                    with ledger.lock:
                        ledger.attached.discard((victim, f"p{round_number}-{n - 2}"))
                    iam.detach_role_policy(RoleName=victim, PolicyArn=f"arn:aws:iam::123456789012:policy/p{round_number}-{n - 2}")
                    ledger.add("iam changes")
                with ledger.lock:
                    ledger.roles.discard(victim)
                iam.delete_role(RoleName=victim)
                with ledger.lock:
                    ledger.deleted_roles.add(victim)
                ledger.add("iam changes", 2)
            n += 1
            time.sleep(0.005)

    threads = [run(lambda w=w: sender(w)) for w in range(3)] + [run(consumer), run(trigger), run(logger), run(iam_changes)]
    for thread in threads:
        thread.start()
    return threads


def paginate(call, key, token_in, token_out, **kwargs):
    items = []
    while True:
        page = call(**kwargs)
        items += page.get(key, [])
        token = page.get(token_out)
        if not token:
            return items
        kwargs[token_in] = token


def verify(server, ledger, marker):
    """Problems found; empty when nothing acknowledged was lost."""
    problems = []
    sqs, logs, iam = server.client("sqs"), server.client("logs"), server.client("iam")
    url = sqs.get_queue_url(QueueName="work")["QueueUrl"]
    # Drain the work queue, waiting out the 2 s visibility timeout of messages in flight at the kill.
    present, handles, quiet_since = set(), [], time.monotonic()
    while time.monotonic() - quiet_since < 3.0:
        messages = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=600).get("Messages", [])
        if messages:
            quiet_since = time.monotonic()
        for message in messages:
            present.add(message["Body"])
            handles.append(message["ReceiptHandle"])
        if not messages:
            time.sleep(0.2)
    with ledger.lock:
        sent, deleted, deleting = set(ledger.sent), set(ledger.deleted), set(ledger.deleting)
    lost = sent - deleting - present
    undone = deleted & present
    if lost:
        problems.append(f"{len(lost)} acknowledged SQS sends lost, e.g. {sorted(lost)[:3]}")
    if undone:
        problems.append(f"{len(undone)} acknowledged SQS deletes undone, e.g. {sorted(undone)[:3]}")
    # Delete what was drained, so the next round starts from an empty queue (and the ledger knows).
    for start in range(0, len(handles), 10):
        entries = [{"Id": str(i), "ReceiptHandle": h} for i, h in enumerate(handles[start:start + 10])]
        sqs.delete_message_batch(QueueUrl=url, Entries=entries)
    with ledger.lock:
        cut_off = (deleting - deleted) - present  # sent, unanswered, and done: deleted all the same
        ledger.deleted |= present | cut_off
        ledger.deleting |= present
    ledger.add("sqs deletes cut off but done", len(cut_off))

    # Trigger sends: each reaches the function, now or once the restarted poller gets to it.
    with ledger.lock:
        triggered = set(ledger.triggered)
    deadline = time.monotonic() + 30
    while True:
        seen = set(open(marker).read().split()) if os.path.exists(marker) else set()
        missing = triggered - seen
        if not missing or time.monotonic() > deadline:
            break
        time.sleep(0.25)
    if missing:
        problems.append(f"{len(missing)} acknowledged trigger sends never reached the function, e.g. {sorted(missing)[:3]}")

    with ledger.lock:
        logged = {stream: set(messages) for stream, messages in ledger.logged.items()}
    for stream, messages in logged.items():
        found, token = set(), None
        while True:
            kwargs = {"logGroupName": LOG_GROUP, "logStreamName": stream, "startFromHead": True}
            if token:
                kwargs["nextToken"] = token
            page = logs.get_log_events(**kwargs)
            found |= {event["message"] for event in page["events"]}
            if not page["events"] or page.get("nextForwardToken") == token:
                break
            token = page.get("nextForwardToken")
        if messages - found:
            problems.append(f"{len(messages - found)} acknowledged log events of {stream} lost, e.g. {sorted(messages - found)[:3]}")

    roles = {role["RoleName"] for role in paginate(iam.list_roles, "Roles", "Marker", "Marker")}
    with ledger.lock:
        expected_roles, gone = set(ledger.roles), set(ledger.deleted_roles)
        inline, policies, attached = set(ledger.inline), set(ledger.policies), set(ledger.attached)
    if expected_roles - roles:
        problems.append(f"{len(expected_roles - roles)} acknowledged roles lost, e.g. {sorted(expected_roles - roles)[:3]}")
    if gone & roles:
        problems.append(f"{len(gone & roles)} acknowledged role deletions undone, e.g. {sorted(gone & roles)[:3]}")
    local = {p["PolicyName"] for p in paginate(iam.list_policies, "Policies", "Marker", "Marker", Scope="Local")}
    if policies - local:
        problems.append(f"{len(policies - local)} acknowledged managed policies lost, e.g. {sorted(policies - local)[:3]}")
    for role in sorted(expected_roles & roles):
        names = set(iam.list_role_policies(RoleName=role).get("PolicyNames", []))
        missing_inline = {p for (r, p) in inline if r == role} - names
        if missing_inline:
            problems.append(f"inline policies {sorted(missing_inline)} of {role} lost")
        wanted = {p for (r, p) in attached if r == role}
        if wanted:
            have = {p["PolicyName"] for p in iam.list_attached_role_policies(RoleName=role).get("AttachedPolicies", [])}
            if wanted - have:
                problems.append(f"attachments {sorted(wanted - have)} of {role} lost")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the data folder")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 32)
    random.seed(seed)
    work = tempfile.mkdtemp(prefix="handson-crash-")
    data_dir, marker = os.path.join(work, "data"), os.path.join(work, "marker.txt")
    os.makedirs(data_dir)
    log = open(os.path.join(work, "server.log"), "ab")
    server, ledger = Server(args.binary, data_dir, log), Ledger()
    print(f"crash suite: {args.rounds} rounds, seed {seed}, data in {work}")
    server.start()
    setup(server, ledger, marker)
    failures = 0
    try:
        for round_number in range(1, args.rounds + 1):
            before = dict(ledger.counts)
            stop = threading.Event()
            threads = load(server, ledger, round_number, stop)
            delay = random.uniform(0.5, 3.0)
            time.sleep(delay)
            server.kill()
            for thread in threads:
                thread.join(timeout=15)
            stop.set()
            restart = server.start()
            problems = verify(server, ledger, marker)
            done = {k: v - before.get(k, 0) for k, v in ledger.counts.items()}
            summary = ", ".join(f"{k} {v}" for k, v in sorted(done.items()))
            verdict = "OK" if not problems else "LOST: " + "; ".join(problems)
            print(f"round {round_number:2}: killed after {delay:.2f} s; acknowledged {summary}; "
                  f"restarted in {restart:.2f} s; {verdict}", flush=True)
            failures += bool(problems)
    finally:
        server.stop()
        log.close()
    totals = ", ".join(f"{k} {v}" for k, v in sorted(ledger.counts.items()))
    if failures:
        print(f"FAIL: {failures} of {args.rounds} rounds lost acknowledged writes (acknowledged in all: {totals}); "
              f"seed {seed}; data kept in {work}")
        sys.exit(1)
    print(f"PASS: {args.rounds} kill -9 rounds, nothing acknowledged was lost (acknowledged in all: {totals}); seed {seed}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
