import Testing
@testable import EmulatorKit
@testable import IAM

@Suite("Policy evaluator")
struct PolicyEvaluatorTests {
    func policy(_ text: String, _ id: String = "p", kind: PolicyParser.Kind = .identity) throws -> PolicyEvaluator.Source {
        PolicyEvaluator.Source(document: try PolicyParser.parse(text, kind: kind), id: id, type: "role")
    }

    func decide(_ policies: [PolicyEvaluator.Source], _ action: String, _ resource: String = "*",
                context: PolicyContext = PolicyContext()) -> PolicyDecision {
        PolicyEvaluator.evaluate(policies, .init(action: action, resource: resource, context: context)).decision
    }

    func managed(_ name: String) throws -> PolicyEvaluator.Source {
        let data = try #require(AWSManagedPolicies.all.first { $0.name == name })
        return try policy(data.document, name)
    }

    @Test("AmazonSSMManagedInstanceCore allows what the SSM agent calls, nothing else")
    func ssmCore() throws {
        let core = try managed("AmazonSSMManagedInstanceCore")
        #expect(decide([core], "ssm:UpdateInstanceInformation") == .allowed)
        #expect(decide([core], "ssmmessages:OpenDataChannel") == .allowed)
        #expect(decide([core], "ec2messages:GetMessages") == .allowed)
        #expect(decide([core], "s3:GetObject", "arn:aws:s3:::bucket/key") == .implicitDeny)
        #expect(decide([core], "ssm:DeleteParameter") == .implicitDeny)
    }

    @Test("Action wildcards are case-insensitive; `?` is one character")
    func actionWildcards() throws {
        let sqs = try managed("AmazonSQSFullAccess")
        #expect(decide([sqs], "sqs:SendMessage") == .allowed)
        #expect(decide([sqs], "SQS:sendmessage") == .allowed)
        #expect(decide([sqs], "sns:Publish") == .implicitDeny)
        let admin = try managed("AdministratorAccess")
        #expect(decide([admin], "anything:AtAll") == .allowed)
        let ec2 = try managed("AmazonEC2ReadOnlyAccess")
        #expect(decide([ec2], "ec2:DescribeInstances") == .allowed)
        #expect(decide([ec2], "ec2:RunInstances") == .implicitDeny)
        let question = try policy(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get?bject","Resource":"*"}]}"#)
        #expect(decide([question], "s3:GetObject") == .allowed)
        #expect(decide([question], "s3:GetOObject") == .implicitDeny)
    }

    @Test("Resources match case-sensitively with wildcards; the CloudWatch agent's SSM parameter prefix")
    func resourceWildcards() throws {
        let agent = try managed("CloudWatchAgentServerPolicy")
        #expect(decide([agent], "ssm:GetParameter", "arn:aws:ssm:us-east-1:123456789012:parameter/AmazonCloudWatch-linux") == .allowed)
        #expect(decide([agent], "ssm:GetParameter", "arn:aws:ssm:us-east-1:123456789012:parameter/db-password") == .implicitDeny)
        #expect(decide([agent], "ssm:GetParameter", "arn:aws:ssm:us-east-1:123456789012:parameter/amazoncloudwatch-linux") == .implicitDeny)
        let queue = try policy(IAMFixtures.readQueues)
        #expect(decide([queue], "sqs:ReceiveMessage", "arn:aws:sqs:us-east-1:123456789012:orders") == .allowed)
        #expect(decide([queue], "sqs:ReceiveMessage", "arn:aws:sqs:us-east-1:123456789012:orders-dlq") == .implicitDeny)
    }

    @Test("An explicit deny beats any allow, and reports the denying statement")
    func explicitDeny() throws {
        let sources = [try managed("AmazonSQSFullAccess"), try policy(IAMFixtures.denyDelete, "no-deletes")]
        let result = PolicyEvaluator.evaluate(sources, .init(action: "sqs:DeleteQueue", resource: "arn:aws:sqs:us-east-1:1:q"))
        #expect(result.decision == .explicitDeny)
        #expect(result.matchedStatements.map(\.sourceId) == ["no-deletes"])
        #expect(result.matchedStatements.first?.sid == "NoDeletes")
        #expect(decide(sources, "sqs:SendMessage") == .allowed)
        #expect(PolicyEvaluator.evaluate([], .init(action: "sqs:SendMessage", resource: "*")).decision == .implicitDeny)
    }

    @Test("NotAction and NotResource")
    func negations() throws {
        let everythingButIAM = try policy(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}"#)
        #expect(decide([everythingButIAM], "s3:PutObject") == .allowed)
        #expect(decide([everythingButIAM], "iam:CreateUser") == .implicitDeny)
        let notSecrets = try policy(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::secrets/*"}]}"#)
        #expect(decide([notSecrets], "s3:GetObject", "arn:aws:s3:::public/a") == .allowed)
        #expect(decide([notSecrets], "s3:GetObject", "arn:aws:s3:::secrets/a") == .implicitDeny)
    }

    @Test("Policy variables in resources take the context's value; a missing one matches nothing")
    func variables() throws {
        let home = try policy(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::home/${aws:username}/*"}]}"#)
        #expect(decide([home], "s3:GetObject", "arn:aws:s3:::home/alice/notes", context: PolicyContext(["aws:username": "alice"])) == .allowed)
        #expect(decide([home], "s3:GetObject", "arn:aws:s3:::home/bob/notes", context: PolicyContext(["aws:username": "alice"])) == .implicitDeny)
        #expect(decide([home], "s3:GetObject", "arn:aws:s3:::home/alice/notes") == .implicitDeny)
    }

    @Test("Trust policies: service, account, role and everyone principals")
    func principals() throws {
        let ec2 = try policy(IAMFixtures.ec2Trust, kind: .trust)
        func assume(_ policy: PolicyEvaluator.Source, _ principal: PolicyPrincipal) -> PolicyDecision {
            PolicyEvaluator.evaluate([policy], .init(action: "sts:AssumeRole", resource: "arn:aws:iam::123456789012:role/r",
                                                     principal: principal)).decision
        }
        #expect(assume(ec2, .service("ec2.amazonaws.com")) == .allowed)
        #expect(assume(ec2, .service("lambda.amazonaws.com")) == .implicitDeny)
        #expect(assume(ec2, .aws(arns: ["arn:aws:iam::123456789012:root"], account: "123456789012")) == .implicitDeny)
        let account = try policy(#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sts:AssumeRole"}]}"#, kind: .trust)
        #expect(assume(account, .aws(arns: ["arn:aws:iam::123456789012:root"], account: "123456789012")) == .allowed)
        #expect(assume(account, .aws(arns: ["arn:aws:iam::123456789012:root"], account: nil)) == .implicitDeny)
        #expect(assume(account, .aws(arns: ["arn:aws:iam::999999999999:root"], account: "999999999999")) == .implicitDeny)
        let role = try policy(#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::123456789012:role/ci"]},"Action":"sts:AssumeRole"}]}"#, kind: .trust)
        let session = PolicyPrincipal.aws(arns: ["arn:aws:sts::123456789012:assumed-role/ci/build", "arn:aws:iam::123456789012:role/ci"], account: nil)
        #expect(assume(role, session) == .allowed)
        let everyone = try policy(#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}"#, kind: .trust)
        #expect(assume(everyone, session) == .allowed)
        #expect(assume(everyone, .service("ec2.amazonaws.com")) == .implicitDeny)
        let notRoot = try policy(#"{"Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"},{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}]}"#, kind: .trust)
        #expect(assume(notRoot, .aws(arns: ["arn:aws:iam::123456789012:root"], account: nil)) == .allowed)
        #expect(assume(notRoot, session) == .explicitDeny)
    }
}
