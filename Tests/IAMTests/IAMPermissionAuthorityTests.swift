import Foundation
import JSON
import Testing
import EmulatorKit
@testable import IAM

/// What Lambda asks before creating an SQS event source mapping or a function.
@Suite("IAM as PermissionAuthority")
struct IAMPermissionAuthorityTests {
    let queue = "arn:aws:sqs:us-east-1:123456789012:orders"

    @Test("A role with AWSLambdaSQSQueueExecutionRole may receive, delete and read attributes; others may not")
    func decide() async throws {
        let iam = try await IAMHarness.make()
        let authority: any PermissionAuthority = iam.iam
        let role = try await iam.createRole("consumer", trust: IAMFixtures.lambdaTrust)
        let arn = try #require(role["Arn"]?.stringValue)
        for action in ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"] {
            #expect(await authority.decide(roleArn: arn, action: action, resource: queue, context: [:]) == .implicitDeny)
        }
        try await iam.attach("consumer", IAMFixtures.lambdaSQS)
        for action in ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"] {
            #expect(await authority.decide(roleArn: arn, action: action, resource: queue, context: [:]) == .allowed)
        }
        #expect(await authority.decide(roleArn: arn, action: "sqs:SendMessage", resource: queue, context: [:]) == .implicitDeny)
        try await iam.putInline("consumer", "no-deletes", IAMFixtures.denyDelete)
        #expect(await authority.decide(roleArn: arn, action: "sqs:DeleteMessage", resource: queue, context: [:]) == .explicitDeny)
        #expect(await authority.decide(roleArn: "arn:aws:iam::123456789012:role/ghost", action: "sqs:ReceiveMessage",
                                       resource: queue, context: [:]) == .implicitDeny)
        // The ARN must name the role with its path.
        #expect(await authority.decide(roleArn: "arn:aws:iam::123456789012:role/other/consumer", action: "sqs:ReceiveMessage",
                                       resource: queue, context: [:]) == .implicitDeny)
    }

    @Test("Conditions see the context the caller passes, plus the global keys")
    func context() async throws {
        let iam = try await IAMHarness.make()
        let authority: any PermissionAuthority = iam.iam
        let role = try await iam.createRole("scoped", trust: IAMFixtures.lambdaTrust)
        let arn = try #require(role["Arn"]?.stringValue)
        try await iam.putInline("scoped", "by-source", #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:ReceiveMessage","Resource":"*","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:lambda:*:123456789012:function:billing-*"},"StringEquals":{"aws:PrincipalAccount":"123456789012"}}}]}"#)
        #expect(await authority.decide(roleArn: arn, action: "sqs:ReceiveMessage", resource: queue,
                                       context: ["aws:SourceArn": "arn:aws:lambda:us-east-1:123456789012:function:billing-daily"]) == .allowed)
        #expect(await authority.decide(roleArn: arn, action: "sqs:ReceiveMessage", resource: queue,
                                       context: ["aws:SourceArn": "arn:aws:lambda:us-east-1:123456789012:function:other"]) == .implicitDeny)
    }

    @Test("trusts: lambda.amazonaws.com may assume a Lambda role, not an EC2 one; nil for no role")
    func trusts() async throws {
        let iam = try await IAMHarness.make()
        let authority: any PermissionAuthority = iam.iam
        let lambda = try #require(try await iam.createRole("fn", trust: IAMFixtures.lambdaTrust)["Arn"]?.stringValue)
        let ec2 = try #require(try await iam.createRole("vm")["Arn"]?.stringValue)
        #expect(await authority.trusts(roleArn: lambda, servicePrincipal: "lambda.amazonaws.com") == true)
        #expect(await authority.trusts(roleArn: ec2, servicePrincipal: "lambda.amazonaws.com") == false)
        #expect(await authority.trusts(roleArn: ec2, servicePrincipal: "ec2.amazonaws.com") == true)
        #expect(await authority.trusts(roleArn: "arn:aws:iam::123456789012:role/none", servicePrincipal: "lambda.amazonaws.com") == nil)
        let scoped = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["lambda.amazonaws.com","states.amazonaws.com"]},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}}]}"#
        let conditioned = try #require(try await iam.createRole("scoped-fn", trust: scoped)["Arn"]?.stringValue)
        #expect(await authority.trusts(roleArn: conditioned, servicePrincipal: "lambda.amazonaws.com") == true)
    }
}
