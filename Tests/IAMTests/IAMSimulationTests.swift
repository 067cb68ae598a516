import Foundation
import JSON
import Testing
import EmulatorKit
@testable import IAM

@Suite("IAM policy simulator")
struct IAMSimulationTests {
    @Test("SimulatePrincipalPolicy: an EC2 role with AmazonSSMManagedInstanceCore")
    func ssmRole() async throws {
        let iam = try await IAMHarness.make()
        let role = try await iam.createRole("ec2-ssm")
        try await iam.attach("ec2-ssm", IAMFixtures.ssmCore)
        let arn = try #require(role["Arn"]?.stringValue)
        let results = try await iam.simulate(arn, ["ssm:UpdateInstanceInformation", "s3:GetObject"])
        #expect(results.map(\.0) == ["allowed", "implicitDeny"])
        #expect(results[0].1 == ["AmazonSSMManagedInstanceCore"])
        #expect(results[1].1 == [])
    }

    @Test("An explicit deny inline policy overrides an allow; MatchedStatements name the denying policy with positions")
    func explicitDeny() async throws {
        let iam = try await IAMHarness.make()
        let role = try await iam.createRole("worker")
        try await iam.attach("worker", "arn:aws:iam::aws:policy/AmazonSQSFullAccess")
        try await iam.putInline("worker", "no-deletes", IAMFixtures.denyDelete)
        let arn = try #require(role["Arn"]?.stringValue)
        let output = try await iam.call("SimulatePrincipalPolicy", [
            "PolicySourceArn": .string(arn), "ActionNames": ["sqs:DeleteQueue", "sqs:SendMessage"],
            "ResourceArns": ["arn:aws:sqs:us-east-1:123456789012:orders"],
        ])
        let results = try #require(output["EvaluationResults"]?.arrayValue)
        #expect(results.count == 2)
        #expect(results[0]["EvalActionName"] == "sqs:DeleteQueue")
        #expect(results[0]["EvalResourceName"] == "arn:aws:sqs:us-east-1:123456789012:orders")
        #expect(results[0]["EvalDecision"] == "explicitDeny")
        let denying = try #require(results[0]["MatchedStatements"]?.arrayValue?.first)
        #expect(denying["SourcePolicyId"] == "no-deletes")
        #expect(denying["SourcePolicyType"] == "role")
        #expect(denying["StartPosition"] == ["Line": 1, "Column": 37])
        #expect(results[1]["EvalDecision"] == "allowed")
        #expect(results[1]["MatchedStatements"]?.arrayValue?.first?["SourcePolicyType"] == "aws-managed")
    }

    @Test("Users, extra PolicyInputList, context entries and missing context values")
    func usersAndContext() async throws {
        let iam = try await IAMHarness.make()
        let user = try await iam.call("CreateUser", ["UserName": "dev"])
        let arn = try #require(user["User"]?["Arn"])
        try await iam.call("AttachUserPolicy", ["UserName": "dev", "PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"])
        let readOnly = try await iam.simulate(try #require(arn.stringValue), ["sqs:GetQueueAttributes", "sqs:SendMessage"])
        #expect(readOnly.map(\.0) == ["allowed", "implicitDeny"])
        let conditional = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"us-east-1"}}}]}"#
        let without = try await iam.call("SimulatePrincipalPolicy", ["PolicySourceArn": arn, "ActionNames": ["sqs:SendMessage"],
                                                                     "PolicyInputList": .array([.string(conditional)])])
        #expect(without["EvaluationResults"]?.arrayValue?.first?["EvalDecision"] == "implicitDeny")
        #expect(without["EvaluationResults"]?.arrayValue?.first?["MissingContextValues"] == ["aws:RequestedRegion"])
        let with = try await iam.call("SimulatePrincipalPolicy", [
            "PolicySourceArn": arn, "ActionNames": ["sqs:SendMessage"], "PolicyInputList": .array([.string(conditional)]),
            "ContextEntries": [["ContextKeyName": "aws:RequestedRegion", "ContextKeyValues": ["us-east-1"], "ContextKeyType": "string"]],
        ])
        let result = try #require(with["EvaluationResults"]?.arrayValue?.first)
        #expect(result["EvalDecision"] == "allowed")
        #expect(result["MatchedStatements"]?.arrayValue?.first?["SourcePolicyId"] == "PolicyInputList.1")
        let ghost = await iam.error("SimulatePrincipalPolicy", ["PolicySourceArn": "arn:aws:iam::123456789012:role/ghost", "ActionNames": ["s3:GetObject"]])
        #expect(ghost?.message == "The role with name ghost cannot be found.")
    }

    @Test("SimulateCustomPolicy, with and without a resource policy")
    func custom() async throws {
        let iam = try await IAMHarness.make()
        let output = try await iam.call("SimulateCustomPolicy", [
            "PolicyInputList": .array([.string(IAMFixtures.readQueues), .string(IAMFixtures.denyDelete)]),
            "ActionNames": ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:SendMessage"],
            "ResourceArns": ["arn:aws:sqs:us-east-1:123456789012:orders"],
        ])
        #expect(output["EvaluationResults"]?.arrayValue?.compactMap { $0["EvalDecision"]?.stringValue } == ["allowed", "explicitDeny", "implicitDeny"])
        let queuePolicy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/app"},"Action":"sqs:SendMessage","Resource":"*"}]}"#
        let withResource = try await iam.call("SimulateCustomPolicy", [
            "PolicyInputList": .array([.string(IAMFixtures.readQueues)]), "ActionNames": ["sqs:SendMessage"],
            "ResourcePolicy": .string(queuePolicy), "CallerArn": "arn:aws:iam::123456789012:role/app",
        ])
        let result = try #require(withResource["EvaluationResults"]?.arrayValue?.first)
        #expect(result["EvalDecision"] == "allowed")
        #expect(result["MatchedStatements"]?.arrayValue?.first?["SourcePolicyType"] == "resource")
        let malformed = await iam.error("SimulateCustomPolicy", ["PolicyInputList": ["{"], "ActionNames": ["s3:GetObject"]])
        #expect(malformed?.queryCode == "InvalidInput")
    }
}
