import Foundation
import JMESPath
import JSON
import Testing
import EmulatorKit
@testable import IAM

@Suite("IAM managed and inline policies")
struct IAMPolicyTests {
    @Test("AWS managed policies exist under arn:aws:iam::aws:policy/ with their real documents")
    func awsManaged() async throws {
        let iam = try await IAMHarness.make()
        let policy = try await iam.call("GetPolicy", ["PolicyArn": .string(IAMFixtures.lambdaSQS)])
        #expect(policy["Policy"]?["PolicyName"] == "AWSLambdaSQSQueueExecutionRole")
        #expect(policy["Policy"]?["Path"] == "/service-role/")
        #expect(policy["Policy"]?["DefaultVersionId"] == "v1")
        #expect(policy["Policy"]?["PolicyId"]?.stringValue?.hasPrefix("ANPA") == true)
        let version = try await iam.call("GetPolicyVersion", ["PolicyArn": .string(IAMFixtures.lambdaSQS), "VersionId": "v1"])
        let document = try JSONValue(jsonString: try #require(version["PolicyVersion"]?["Document"]?.stringValue?.removingPercentEncoding))
        let actions = try JMESPathExpression("Statement[0].Action").search(document)
        #expect(actions == ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
                            "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"])
        let listed = try await iam.call("ListPolicies", ["Scope": "AWS", "MaxItems": 1000])
        let names = Set(listed["Policies"]?.arrayValue?.compactMap { $0["PolicyName"]?.stringValue } ?? [])
        #expect(names == ["AWSLambdaBasicExecutionRole", "AWSLambdaSQSQueueExecutionRole", "AWSLambdaRole", "AmazonSQSFullAccess",
                          "AmazonSQSReadOnlyAccess", "AmazonSSMManagedInstanceCore", "CloudWatchAgentServerPolicy",
                          "AmazonEC2ReadOnlyAccess", "CloudWatchLogsFullAccess", "AdministratorAccess", "ReadOnlyAccess"])
        let deleteAWS = await iam.error("DeletePolicy", ["PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"])
        #expect(deleteAWS?.queryCode == "UnmodifiableEntity")
    }

    @Test("CreatePolicy, GetPolicy, ListPolicies Scope=Local and OnlyAttached, attachment counts")
    func customerManaged() async throws {
        let iam = try await IAMHarness.make()
        let created = try await iam.call("CreatePolicy", ["PolicyName": "read-orders", "Path": "/app/",
                                                          "PolicyDocument": .string(IAMFixtures.readQueues), "Description": "reads"])
        let arn = try #require(created["Policy"]?["Arn"]?.stringValue)
        #expect(arn == "arn:aws:iam::123456789012:policy/app/read-orders")
        #expect(created["Policy"]?["AttachmentCount"]?.intValue == 0)
        let duplicate = await iam.error("CreatePolicy", ["PolicyName": "read-orders", "PolicyDocument": .string(IAMFixtures.readQueues)])
        #expect(duplicate?.queryCode == "EntityAlreadyExists")
        #expect(duplicate?.message == "A policy called read-orders already exists. Duplicate names are not allowed.")
        try await iam.createRole("worker")
        try await iam.attach("worker", arn)
        try await iam.attach("worker", arn)  // attaching twice is a no-op
        let fetched = try await iam.call("GetPolicy", ["PolicyArn": .string(arn)])
        #expect(fetched["Policy"]?["AttachmentCount"]?.intValue == 1)
        #expect(fetched["Policy"]?["Description"] == "reads")
        let local = try await iam.call("ListPolicies", ["Scope": "Local"])
        #expect(local["Policies"]?.arrayValue?.compactMap { $0["PolicyName"]?.stringValue } == ["read-orders"])
        let attached = try await iam.call("ListPolicies", ["OnlyAttached": true])
        #expect(attached["Policies"]?.arrayValue?.compactMap { $0["PolicyName"]?.stringValue } == ["read-orders"])
        #expect(await iam.error("DeletePolicy", ["PolicyArn": .string(arn)])?.message == "Cannot delete a policy attached to entities.")
        try await iam.call("DetachRolePolicy", ["RoleName": "worker", "PolicyArn": .string(arn)])
        try await iam.call("DeletePolicy", ["PolicyArn": .string(arn)])
        let gone = await iam.error("GetPolicy", ["PolicyArn": .string(arn)])
        #expect(gone?.message == "Policy arn:aws:iam::123456789012:policy/app/read-orders was not found.")
        let malformed = await iam.error("CreatePolicy", ["PolicyName": "bad", "PolicyDocument": #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*"}]}"#])
        #expect(malformed?.queryCode == "MalformedPolicyDocument")
        #expect(malformed?.message == "Policy statement must contain resources.")
    }

    @Test("Policy versions: create, list newest first, set default, delete; five at most")
    func versions() async throws {
        let iam = try await IAMHarness.make()
        let created = try await iam.call("CreatePolicy", ["PolicyName": "p", "PolicyDocument": .string(IAMFixtures.readQueues)])
        let arn = try #require(created["Policy"]?["Arn"])
        let v2 = try await iam.call("CreatePolicyVersion", ["PolicyArn": arn, "PolicyDocument": .string(IAMFixtures.denyDelete), "SetAsDefault": true])
        #expect(v2["PolicyVersion"]?["VersionId"] == "v2")
        #expect(v2["PolicyVersion"]?["IsDefaultVersion"] == true)
        for _ in 3...5 { try await iam.call("CreatePolicyVersion", ["PolicyArn": arn, "PolicyDocument": .string(IAMFixtures.readQueues)]) }
        let sixth = await iam.error("CreatePolicyVersion", ["PolicyArn": arn, "PolicyDocument": .string(IAMFixtures.readQueues)])
        #expect(sixth?.queryCode == "LimitExceeded")
        let listed = try await iam.call("ListPolicyVersions", ["PolicyArn": arn])
        #expect(listed["Versions"]?.arrayValue?.compactMap { $0["VersionId"]?.stringValue } == ["v5", "v4", "v3", "v2", "v1"])
        #expect(listed["Versions"]?.arrayValue?.compactMap { $0["IsDefaultVersion"] } == [false, false, false, true, false])
        let deleteDefault = await iam.error("DeletePolicyVersion", ["PolicyArn": arn, "VersionId": "v2"])
        #expect(deleteDefault?.message == "Cannot delete the default version of a policy.")
        try await iam.call("SetDefaultPolicyVersion", ["PolicyArn": arn, "VersionId": "v1"])
        try await iam.call("DeletePolicyVersion", ["PolicyArn": arn, "VersionId": "v2"])
        let v6 = try await iam.call("CreatePolicyVersion", ["PolicyArn": arn, "PolicyDocument": .string(IAMFixtures.readQueues)])
        #expect(v6["PolicyVersion"]?["VersionId"] == "v6")  // ids are never reused
        let fetched = try await iam.call("GetPolicyVersion", ["PolicyArn": arn, "VersionId": "v1"])
        #expect(fetched["PolicyVersion"]?["Document"]?.stringValue?.removingPercentEncoding == IAMFixtures.readQueues)
        let withVersions = await iam.error("DeletePolicy", ["PolicyArn": arn])
        #expect(withVersions?.queryCode == "DeleteConflict")
    }

    @Test("Attach: unknown policies are not attachable; detach what is not attached is NoSuchEntity")
    func attachErrors() async throws {
        let iam = try await IAMHarness.make()
        try await iam.createRole("r")
        let unknown = await iam.error("AttachRolePolicy", ["RoleName": "r", "PolicyArn": "arn:aws:iam::aws:policy/AmazonS3FullAccesss"])
        #expect(unknown?.queryCode == "NoSuchEntity")
        #expect(unknown?.message == "Policy arn:aws:iam::aws:policy/AmazonS3FullAccesss does not exist or is not attachable.")
        let notAttached = await iam.error("DetachRolePolicy", ["RoleName": "r", "PolicyArn": .string(IAMFixtures.ssmCore)])
        #expect(notAttached?.message == "Policy arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore was not found.")
        let noRole = await iam.error("AttachRolePolicy", ["RoleName": "nope", "PolicyArn": .string(IAMFixtures.ssmCore)])
        #expect(noRole?.message == "The role with name nope cannot be found.")
        try await iam.attach("r", IAMFixtures.ssmCore)
        try await iam.attach("r", IAMFixtures.lambdaSQS)
        let listed = try await iam.call("ListAttachedRolePolicies", ["RoleName": "r"])
        #expect(listed["AttachedPolicies"] == [
            ["PolicyName": "AmazonSSMManagedInstanceCore", "PolicyArn": .string(IAMFixtures.ssmCore)],
            ["PolicyName": "AWSLambdaSQSQueueExecutionRole", "PolicyArn": .string(IAMFixtures.lambdaSQS)],
        ])
        let serviceRole = try await iam.call("ListAttachedRolePolicies", ["RoleName": "r", "PathPrefix": "/service-role/"])
        #expect(serviceRole["AttachedPolicies"]?.arrayValue?.count == 1)
    }

    @Test("Inline policies: put (replacing), get URL-encoded, list sorted, delete")
    func inline() async throws {
        let iam = try await IAMHarness.make()
        try await iam.createRole("r")
        try await iam.putInline("r", "zeta", IAMFixtures.readQueues)
        try await iam.putInline("r", "alpha", IAMFixtures.readQueues)
        try await iam.putInline("r", "alpha", IAMFixtures.denyDelete)
        let names = try await iam.call("ListRolePolicies", ["RoleName": "r"])
        #expect(names["PolicyNames"] == ["alpha", "zeta"])
        let policy = try await iam.call("GetRolePolicy", ["RoleName": "r", "PolicyName": "alpha"])
        #expect(policy["RoleName"] == "r")
        #expect(policy["PolicyDocument"]?.stringValue == IAMOutput.encodeDocument(IAMFixtures.denyDelete))
        #expect(policy["PolicyDocument"]?.stringValue?.removingPercentEncoding == IAMFixtures.denyDelete)
        let missing = await iam.error("GetRolePolicy", ["RoleName": "r", "PolicyName": "nope"])
        #expect(missing?.message == "The role policy with name nope cannot be found.")
        try await iam.call("DeleteRolePolicy", ["RoleName": "r", "PolicyName": "zeta"])
        #expect(try await iam.call("ListRolePolicies", ["RoleName": "r"])["PolicyNames"] == ["alpha"])
        let principal = await iam.error("PutRolePolicy", ["RoleName": "r", "PolicyName": "p", "PolicyDocument": .string(IAMFixtures.ec2Trust)])
        #expect(principal?.message == "Policy document should not specify a principal.")
    }

    @Test("URL encoding is RFC 3986: unreserved characters stay, everything else is %XX")
    func encoding() {
        #expect(IAMOutput.encodeDocument(#"{"A": "b-c_d.e~f/g*h"}"#) == "%7B%22A%22%3A%20%22b-c_d.e~f%2Fg%2Ah%22%7D")
        #expect(IAMOutput.encodeDocument("é") == "%C3%A9")
    }
}
