"""IAM and STS scenarios driven through the real boto3 against a running handson emulator.

Usage: python3 iam_scenarios.py ENDPOINT [SCENARIO ...]
Each scenario asserts what AWS documents; a failure prints what differed and exits 1.
botocore decodes the URL-encoded policy documents IAM returns into dicts, so the
scenarios also prove the encoding.
"""
import json
import sys
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
# The emulator's own endpoints need its token (docs/security.md); the test passes it here.
ADMIN = {"X-Handson-Token": __import__("os").environ.get("HANDSON_TOKEN", "")}
ACCOUNT = "123456789012"
CONFIG = Config(retries={"max_attempts": 1})


def client(service, key="test", secret="test", token=None):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id=key,
                        aws_secret_access_key=secret, aws_session_token=token, config=CONFIG)


iam = client("iam")
sts = client("sts")

EC2_TRUST = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
ACCOUNT_TRUST = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": ACCOUNT}, "Action": "sts:AssumeRole"}]}
SSM_CORE = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"


def state():
    return json.load(urllib.request.urlopen(urllib.request.Request(ENDPOINT + "/_handson/state", headers=ADMIN)))


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def error_of(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        return e.response["Error"], e.response["ResponseMetadata"]["HTTPStatusCode"]
    raise AssertionError(f"{call.__name__} succeeded unexpectedly")


def ec2_role_with_ssm():
    role = iam.create_role(RoleName="ec2-ssm", AssumeRolePolicyDocument=json.dumps(EC2_TRUST),
                           Description="SSM agent", Tags=[{"Key": "team", "Value": "ops"}])["Role"]
    expect(role["Arn"] == f"arn:aws:iam::{ACCOUNT}:role/ec2-ssm", f"{role}")
    expect(role["RoleId"].startswith("AROA"), f"{role}")
    expect(role["AssumeRolePolicyDocument"] == EC2_TRUST, f"decoded trust policy {role['AssumeRolePolicyDocument']}")
    expect(role["CreateDate"].year >= 2024, f"{role['CreateDate']}")
    iam.attach_role_policy(RoleName="ec2-ssm", PolicyArn=SSM_CORE)
    attached = iam.list_attached_role_policies(RoleName="ec2-ssm")["AttachedPolicies"]
    expect(attached == [{"PolicyName": "AmazonSSMManagedInstanceCore", "PolicyArn": SSM_CORE}], f"{attached}")
    results = iam.simulate_principal_policy(PolicySourceArn=role["Arn"],
                                            ActionNames=["ssm:UpdateInstanceInformation", "s3:GetObject"])["EvaluationResults"]
    decisions = [r["EvalDecision"] for r in results]
    expect(decisions == ["allowed", "implicitDeny"], f"{results}")
    expect(results[0]["MatchedStatements"][0]["SourcePolicyId"] == "AmazonSSMManagedInstanceCore", f"{results[0]}")
    fetched = iam.get_role(RoleName="ec2-ssm")["Role"]
    expect(fetched["Tags"] == [{"Key": "team", "Value": "ops"}] and fetched["Description"] == "SSM agent", f"{fetched}")
    profile = iam.create_instance_profile(InstanceProfileName="ec2-ssm")["InstanceProfile"]
    iam.add_role_to_instance_profile(InstanceProfileName="ec2-ssm", RoleName="ec2-ssm")
    got = iam.get_instance_profile(InstanceProfileName="ec2-ssm")["InstanceProfile"]
    expect([r["RoleName"] for r in got["Roles"]] == ["ec2-ssm"] and got["Arn"] == profile["Arn"], f"{got}")
    err, status = error_of(iam.delete_role, RoleName="ec2-ssm")
    expect(err["Code"] == "DeleteConflict" and status == 409, f"{err}")
    s = state()["iam"]
    r = [r for r in s["roles"] if r["name"] == "ec2-ssm"][0]
    expect(r["trustPolicy"] == EC2_TRUST and r["attachedPolicies"][0]["arn"] == SSM_CORE, f"{r}")
    expect(r["instanceProfiles"] == ["ec2-ssm"], f"{r}")


def explicit_deny_overrides_allow():
    role = iam.create_role(RoleName="worker", AssumeRolePolicyDocument=json.dumps(EC2_TRUST))["Role"]
    iam.attach_role_policy(RoleName="worker", PolicyArn="arn:aws:iam::aws:policy/AmazonSQSFullAccess")
    deny = {"Version": "2012-10-17", "Statement": [{"Sid": "NoDeletes", "Effect": "Deny", "Action": "sqs:Delete*", "Resource": "*"}]}
    iam.put_role_policy(RoleName="worker", PolicyName="no-deletes", PolicyDocument=json.dumps(deny))
    expect(iam.get_role_policy(RoleName="worker", PolicyName="no-deletes")["PolicyDocument"] == deny, "inline document round-trips")
    expect(iam.list_role_policies(RoleName="worker")["PolicyNames"] == ["no-deletes"], "ListRolePolicies")
    queue = f"arn:aws:sqs:us-east-1:{ACCOUNT}:orders"
    results = iam.simulate_principal_policy(PolicySourceArn=role["Arn"], ActionNames=["sqs:DeleteQueue", "sqs:SendMessage"],
                                            ResourceArns=[queue])["EvaluationResults"]
    expect([r["EvalDecision"] for r in results] == ["explicitDeny", "allowed"], f"{results}")
    expect(results[0]["MatchedStatements"][0]["SourcePolicyId"] == "no-deletes", f"{results[0]}")
    expect(results[0]["EvalResourceName"] == queue, f"{results[0]}")


def managed_policies():
    doc = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"}]}
    policy = iam.create_policy(PolicyName="send", PolicyDocument=json.dumps(doc))["Policy"]
    expect(policy["Arn"] == f"arn:aws:iam::{ACCOUNT}:policy/send" and policy["DefaultVersionId"] == "v1", f"{policy}")
    v2 = iam.create_policy_version(PolicyArn=policy["Arn"], PolicyDocument=json.dumps(doc), SetAsDefault=True)["PolicyVersion"]
    expect(v2["VersionId"] == "v2" and v2["IsDefaultVersion"], f"{v2}")
    version = iam.get_policy_version(PolicyArn=policy["Arn"], VersionId="v2")["PolicyVersion"]
    expect(version["Document"] == doc, f"{version}")
    aws = iam.get_policy_version(PolicyArn="arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole",
                                 VersionId="v1")["PolicyVersion"]["Document"]
    expect("sqs:ReceiveMessage" in aws["Statement"][0]["Action"], f"{aws}")
    local = [p["PolicyName"] for p in iam.list_policies(Scope="Local")["Policies"]]
    expect(local == ["send"], f"{local}")
    paginator = iam.get_paginator("list_policies")
    names = [p["PolicyName"] for page in paginator.paginate(Scope="AWS", PaginationConfig={"PageSize": 3}) for p in page["Policies"]]
    expect(len(names) == 11 and "AdministratorAccess" in names, f"{names}")
    err, _ = error_of(iam.create_policy, PolicyName="bad", PolicyDocument='{"Statement": [{"Effect": "Allow", "Action": "s3:*"}]}')
    expect(err["Code"] == "MalformedPolicyDocument" and err["Message"] == "Policy statement must contain resources.", f"{err}")


def assume_role():
    expect(sts.get_caller_identity()["Arn"] == f"arn:aws:iam::{ACCOUNT}:root", "the dummy keys are root")
    locked = iam.create_role(RoleName="ec2-only", AssumeRolePolicyDocument=json.dumps(EC2_TRUST))["Role"]
    err, status = error_of(sts.assume_role, RoleArn=locked["Arn"], RoleSessionName="me")
    expect(err["Code"] == "AccessDenied" and status == 403, f"{err}")
    expect(err["Message"] == f"User: arn:aws:iam::{ACCOUNT}:root is not authorized to perform: sts:AssumeRole "
                             f"on resource: {locked['Arn']}", f"{err}")
    open_role = iam.create_role(RoleName="admin", AssumeRolePolicyDocument=json.dumps(ACCOUNT_TRUST))["Role"]
    assumed = sts.assume_role(RoleArn=open_role["Arn"], RoleSessionName="alice", DurationSeconds=900)
    creds = assumed["Credentials"]
    expect(creds["AccessKeyId"].startswith("ASIA"), f"{creds}")
    expect(assumed["AssumedRoleUser"]["Arn"] == f"arn:aws:sts::{ACCOUNT}:assumed-role/admin/alice", f"{assumed}")
    as_role = client("sts", creds["AccessKeyId"], creds["SecretAccessKey"], creds["SessionToken"])
    me = as_role.get_caller_identity()
    expect(me["Arn"] == f"arn:aws:sts::{ACCOUNT}:assumed-role/admin/alice", f"{me}")
    expect(me["UserId"] == f"{open_role['RoleId']}:alice" and me["Account"] == ACCOUNT, f"{me}")
    sessions = state()["sts"]["sessions"]
    expect([s["arn"] for s in sessions] == [me["Arn"]], f"{sessions}")


def errors():
    err, status = error_of(iam.get_role, RoleName="nope")
    expect((err["Type"], err["Code"], err["Message"]) == ("Sender", "NoSuchEntity", "The role with name nope cannot be found."), f"{err}")
    expect(status == 404, f"{status}")
    iam.create_role(RoleName="dup", AssumeRolePolicyDocument=json.dumps(EC2_TRUST))
    err, status = error_of(iam.create_role, RoleName="dup", AssumeRolePolicyDocument=json.dumps(EC2_TRUST))
    expect(err["Code"] == "EntityAlreadyExists" and status == 409, f"{err}")
    err, _ = error_of(iam.create_role, RoleName="bad name", AssumeRolePolicyDocument=json.dumps(EC2_TRUST))
    expect(err["Code"] == "ValidationError", f"{err}")
    try:
        iam.get_role(RoleName="nope")
    except iam.exceptions.NoSuchEntityException:
        pass  # botocore maps the query code to the modelled exception class


SCENARIOS = {f.__name__: f for f in [ec2_role_with_ssm, explicit_deny_overrides_allow, managed_policies, assume_role, errors]}

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
