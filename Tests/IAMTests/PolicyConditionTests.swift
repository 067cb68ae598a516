import Testing
@testable import EmulatorKit
@testable import IAM

@Suite("Policy conditions")
struct PolicyConditionTests {
    /// Whether an allow statement with this `Condition` block applies in `context`.
    func allows(_ condition: String, _ context: [String: [String]] = [:]) throws -> Bool {
        let text = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":"# + condition + "}]}"
        let source = PolicyEvaluator.Source(document: try PolicyParser.parse(text, kind: .identity), id: "p", type: "role")
        let request = PolicyEvaluator.Request(action: "s3:GetObject", resource: "arn:aws:s3:::b/k", context: PolicyContext(multi: context))
        return PolicyEvaluator.evaluate([source], request).decision == .allowed
    }

    @Test("String operators, keys case-insensitive, values case-sensitive unless IgnoreCase")
    func strings() throws {
        #expect(try allows(#"{"StringEquals":{"aws:SourceAccount":"123456789012"}}"#, ["AWS:sourceaccount": ["123456789012"]]))
        #expect(try !allows(#"{"StringEquals":{"aws:SourceAccount":"123456789012"}}"#, ["aws:SourceAccount": ["999999999999"]]))
        #expect(try allows(#"{"StringEquals":{"s3:prefix":["a","b"]}}"#, ["s3:prefix": ["b"]]))
        #expect(try !allows(#"{"StringEquals":{"s3:prefix":"Home"}}"#, ["s3:prefix": ["home"]]))
        #expect(try allows(#"{"StringEqualsIgnoreCase":{"s3:prefix":"Home"}}"#, ["s3:prefix": ["home"]]))
        #expect(try allows(#"{"StringNotEquals":{"s3:prefix":["a","b"]}}"#, ["s3:prefix": ["c"]]))
        #expect(try !allows(#"{"StringNotEquals":{"s3:prefix":["a","b"]}}"#, ["s3:prefix": ["a"]]))
        #expect(try allows(#"{"StringLike":{"s3:prefix":"home/*"}}"#, ["s3:prefix": ["home/alice/"]]))
        #expect(try !allows(#"{"StringLike":{"s3:prefix":"home/?"}}"#, ["s3:prefix": ["home/ab"]]))
        #expect(try allows(#"{"StringNotLike":{"s3:prefix":"tmp/*"}}"#, ["s3:prefix": ["home/a"]]))
    }

    @Test("A missing key fails positive operators and satisfies negated ones and IfExists")
    func missingKeys() throws {
        #expect(try !allows(#"{"StringEquals":{"aws:SourceAccount":"1"}}"#))
        #expect(try allows(#"{"StringNotEquals":{"aws:SourceAccount":"1"}}"#))
        #expect(try allows(#"{"StringEqualsIfExists":{"aws:SourceAccount":"1"}}"#))
        #expect(try !allows(#"{"StringEqualsIfExists":{"aws:SourceAccount":"1"}}"#, ["aws:SourceAccount": ["2"]]))
        #expect(try allows(#"{"Null":{"aws:TokenIssueTime":"true"}}"#))
        #expect(try !allows(#"{"Null":{"aws:TokenIssueTime":"false"}}"#))
        #expect(try allows(#"{"Null":{"aws:TokenIssueTime":"false"}}"#, ["aws:TokenIssueTime": ["2026-01-01T00:00:00Z"]]))
    }

    @Test("Numeric, date and Bool operators")
    func numbersDatesBooleans() throws {
        #expect(try allows(#"{"NumericLessThanEquals":{"s3:max-keys":"10"}}"#, ["s3:max-keys": ["10"]]))
        #expect(try !allows(#"{"NumericLessThan":{"s3:max-keys":10}}"#, ["s3:max-keys": ["10"]]))
        #expect(try allows(#"{"NumericGreaterThan":{"s3:max-keys":10}}"#, ["s3:max-keys": ["11"]]))
        #expect(try !allows(#"{"NumericEquals":{"s3:max-keys":10}}"#, ["s3:max-keys": ["ten"]]))
        #expect(try allows(#"{"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}"#, ["aws:CurrentTime": ["2026-06-01T12:00:00Z"]]))
        #expect(try !allows(#"{"DateGreaterThan":{"aws:CurrentTime":"2030-01-01"}}"#, ["aws:CurrentTime": ["2026-06-01T12:00:00Z"]]))
        #expect(try allows(#"{"Bool":{"aws:SecureTransport":"true"}}"#, ["aws:SecureTransport": ["TRUE"]]))
        #expect(try !allows(#"{"Bool":{"aws:SecureTransport":true}}"#, ["aws:SecureTransport": ["false"]]))
    }

    @Test("Dates: ISO 8601 with or without fractional seconds, a bare day, or epoch seconds")
    func dateForms() {
        #expect(ConditionEvaluator.epochSeconds("2015-02-06T18:39:46Z") == 1_423_247_986)
        #expect(ConditionEvaluator.epochSeconds("2015-02-06T18:39:46.500Z") == 1_423_247_986.5)
        #expect(ConditionEvaluator.epochSeconds("2015-02-06") == 1_423_180_800)
        #expect(ConditionEvaluator.epochSeconds("1423180800") == 1_423_180_800)
        #expect(ConditionEvaluator.epochSeconds("yesterday") == nil)
    }

    @Test("ARN operators compare part by part")
    func arns() throws {
        #expect(try allows(#"{"ArnLike":{"aws:SourceArn":"arn:aws:sqs:*:123456789012:orders*"}}"#,
                           ["aws:SourceArn": ["arn:aws:sqs:us-east-1:123456789012:orders-dlq"]]))
        #expect(try !allows(#"{"ArnLike":{"aws:SourceArn":"arn:aws:sqs:*:123456789012:orders"}}"#,
                            ["aws:SourceArn": ["arn:aws:sqs:us-east-1:999999999999:orders"]]))
        #expect(try allows(#"{"ArnEquals":{"aws:SourceArn":"arn:aws:lambda:us-east-1:123456789012:function:f"}}"#,
                           ["aws:SourceArn": ["arn:aws:lambda:us-east-1:123456789012:function:f"]]))
        #expect(try allows(#"{"ArnNotLike":{"aws:SourceArn":"arn:aws:sqs:*:*:secret-*"}}"#,
                           ["aws:SourceArn": ["arn:aws:sqs:us-east-1:1:orders"]]))
    }

    @Test("ForAnyValue and ForAllValues over multivalued keys")
    func sets() throws {
        let anyEnv = #"{"ForAnyValue:StringEquals":{"aws:TagKeys":["env","team"]}}"#
        #expect(try allows(anyEnv, ["aws:TagKeys": ["owner", "env"]]))
        #expect(try !allows(anyEnv, ["aws:TagKeys": ["owner"]]))
        #expect(try !allows(anyEnv))
        let onlyAllowed = #"{"ForAllValues:StringEquals":{"aws:TagKeys":["env","team"]}}"#
        #expect(try allows(onlyAllowed, ["aws:TagKeys": ["env", "team"]]))
        #expect(try !allows(onlyAllowed, ["aws:TagKeys": ["env", "owner"]]))
        #expect(try allows(onlyAllowed))
        #expect(try allows(#"{"ForAllValues:StringLike":{"aws:TagKeys":"app-*"}}"#, ["aws:TagKeys": ["app-a", "app-b"]]))
    }

    @Test("IpAddress with CIDR blocks")
    func ipAddresses() throws {
        #expect(try allows(#"{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#, ["aws:SourceIp": ["203.0.113.7"]]))
        #expect(try !allows(#"{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#, ["aws:SourceIp": ["198.51.100.7"]]))
        #expect(try allows(#"{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#, ["aws:SourceIp": ["203.0.113.7"]]))
    }

    @Test("Several keys and operators must all hold")
    func conjunction() throws {
        let both = #"{"StringEquals":{"aws:SourceAccount":"1","aws:RequestedRegion":"us-east-1"},"Bool":{"aws:SecureTransport":"true"}}"#
        #expect(try allows(both, ["aws:SourceAccount": ["1"], "aws:RequestedRegion": ["us-east-1"], "aws:SecureTransport": ["true"]]))
        #expect(try !allows(both, ["aws:SourceAccount": ["1"], "aws:RequestedRegion": ["eu-west-1"], "aws:SecureTransport": ["true"]]))
    }

    @Test("Wildcards never backtrack exponentially")
    func wildcardPerformance() {
        let text = String(repeating: "a", count: 2000)
        #expect(!Wildcard.matches(String(repeating: "*a", count: 30) + "b", text))
        #expect(Wildcard.matches("*a*a*a*", text))
    }
}
