import Testing
@testable import EmulatorKit
@testable import IAM

@Suite("Policy parser")
struct PolicyParserTests {
    @Test("Every built-in AWS managed policy parses as an identity policy")
    func managedPoliciesParse() throws {
        for policy in AWSManagedPolicies.all {
            let document = try PolicyParser.parse(policy.document, kind: .identity)
            #expect(document.version == "2012-10-17", "\(policy.name)")
            #expect(!document.statements.isEmpty, "\(policy.name)")
        }
    }

    @Test("Statement as an object or an array; Action, Resource, Principal as a string or a list")
    func shapes() throws {
        let single = try PolicyParser.parse(IAMFixtures.denyDelete, kind: .identity)
        #expect(single.statements.count == 1)
        #expect(single.statements[0].sid == "NoDeletes")
        #expect(single.statements[0].effect == .deny)
        #expect(single.statements[0].actions == .action(["sqs:Delete*"]))
        #expect(single.statements[0].resources == .resource(["*"]))
        let trust = try PolicyParser.parse(IAMFixtures.ec2Trust, kind: .trust)
        #expect(trust.statements[0].principals == .principal(PrincipalSet(identifiers: ["Service": ["ec2.amazonaws.com"]])))
        #expect(trust.statements[0].resources == nil)
        let everyone = try PolicyParser.parse(#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":["sts:AssumeRole"]}]}"#, kind: .trust)
        #expect(everyone.statements[0].principals == .principal(PrincipalSet(everyone: true)))
    }

    @Test("NotAction, NotResource and conditions with numbers and booleans")
    func negationsAndConditions() throws {
        let text = """
        {"Version": "2012-10-17", "Statement": [{
          "Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "NotResource": "arn:aws:s3:::public/*",
          "Condition": {"Bool": {"aws:SecureTransport": false}, "NumericLessThan": {"s3:max-keys": 10},
                        "ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["env*", "team"]}}
        }]}
        """
        let statement = try PolicyParser.parse(text, kind: .identity).statements[0]
        #expect(statement.actions == .notAction(["iam:*", "sts:*"]))
        #expect(statement.resources == .notResource(["arn:aws:s3:::public/*"]))
        let byKey = Dictionary(uniqueKeysWithValues: statement.conditions.map { ($0.key, $0) })
        #expect(byKey["aws:SecureTransport"]?.values == ["false"])
        #expect(byKey["s3:max-keys"]?.values == ["10"])
        let tagKeys = try #require(byKey["aws:TagKeys"])
        #expect(tagKeys.values == ["env*", "team"])
        #expect(tagKeys.conditionOperator.qualifier == .forAnyValue)
        #expect(tagKeys.conditionOperator.base == .stringLike)
        #expect(tagKeys.conditionOperator.ifExists)
    }

    @Test("Statement positions: line and column of each statement's braces")
    func positions() throws {
        let text = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
            {
              "Effect": "Deny",
              "Action": "s3:DeleteObject",
              "Resource": "*"
            }
          ]
        }
        """
        let statements = try PolicyParser.parse(text, kind: .identity).statements
        #expect(statements[0].start == PolicyPosition(line: 4, column: 5))
        #expect(statements[0].end == PolicyPosition(line: 4, column: 67))
        #expect(statements[1].start == PolicyPosition(line: 5, column: 5))
        #expect(statements[1].end == PolicyPosition(line: 9, column: 6))
    }

    @Test("IAM's MalformedPolicyDocument messages", arguments: [
        ("{not json", PolicyParser.Kind.identity, "This policy contains invalid Json"),
        (#"{"Version":"2012-10-17"}"#, .identity, "Syntax errors in policy."),
        (#"{"Statement":[{"Effect":"Allow","Action":"s3:*"}]}"#, .identity, "Policy statement must contain resources."),
        (#"{"Statement":[{"Effect":"Allow","Resource":"*"}]}"#, .identity, "Policy statement must contain actions."),
        (#"{"Statement":[{"Action":"s3:*","Resource":"*"}]}"#, .identity, "Missing required field Effect"),
        (#"{"Statement":[{"Effect":"Alow","Action":"s3:*","Resource":"*"}]}"#, .identity, "Invalid effect: Alow"),
        (#"{"Statement":[{"Effect":"Allow","Action":"GetObject","Resource":"*"}]}"#, .identity,
         "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
        (#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}"#, .identity,
         "Policy document should not specify a principal."),
        (#"{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}"#, .trust, "Missing required field Principal"),
        (#"{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"}]}"#,
         .trust, "Has prohibited field Resource"),
        (#"{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"s3:GetObject"}]}"#,
         .trust, "AssumeRole policy may only specify STS AssumeRole actions."),
        (#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"bob"},"Action":"sts:AssumeRole"}]}"#,
         .trust, #"Invalid principal in policy: "AWS":"bob""#),
        (#"{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2"},"Action":"sts:AssumeRole"}]}"#,
         .trust, #"Invalid principal in policy: "SERVICE":"ec2""#),
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEqual":{"s3:prefix":"a"}}}]}"#,
         .identity, "Invalid Condition type : StringEqual"),
        (#"{"Version":"2020-01-01","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#,
         .identity, "The policy failed legacy parsing"),
    ])
    func malformed(_ text: String, _ kind: PolicyParser.Kind, _ message: String) {
        #expect(throws: PolicyParser.Failure(message: message)) { try PolicyParser.parse(text, kind: kind) }
    }
}
