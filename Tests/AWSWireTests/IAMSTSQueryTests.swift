import AWSWire
import Foundation
import JMESPath
import JSON
import Testing

/// The IAM and STS models through the query protocol: routed by the SigV4 scope and
/// `Action`, `member.N` lists decoded, answers and errors in each service's namespace.
@Suite("Query protocol, IAM and STS")
struct IAMSTSQueryTests {
    static let catalog: ServiceCatalog = {
        do { return try ServiceCatalog.bundled(["sqs", "iam", "sts"]) } catch { fatalError("\(error)") }
    }()
    static let codec = WireCodec(catalog: catalog)

    func request(_ form: String, service: String) -> WireRequest {
        queryRequest(form, authorization: "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/\(service)/aws4_request, SignedHeaders=host, Signature=x")
    }

    func body(_ response: WireResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    @Test func routesAndDecodesIAM() throws {
        let form = "Action=CreateRole&Version=2010-05-08&RoleName=app&AssumeRolePolicyDocument=%7B%7D"
            + "&Tags.member.1.Key=team&Tags.member.1.Value=ops&MaxSessionDuration=7200"
        let decoded = try Self.codec.decode(request(form, service: "iam"))
        #expect(decoded.service == "iam")
        #expect(decoded.operation == "CreateRole")
        #expect(decoded.accessKeyId == "test")
        #expect(decoded.input == ["RoleName": "app", "AssumeRolePolicyDocument": "{}",
                                  "Tags": [["Key": "team", "Value": "ops"]], "MaxSessionDuration": 7200])
        let simulate = try Self.codec.decode(request(
            "Action=SimulatePrincipalPolicy&Version=2010-05-08&PolicySourceArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fapp"
            + "&ActionNames.member.1=s3%3AGetObject&ActionNames.member.2=ssm%3AGetParameter", service: "iam"))
        #expect(try JMESPathExpression("ActionNames").search(simulate.input) == ["s3:GetObject", "ssm:GetParameter"])
    }

    @Test func encodesIAMOutputInItsNamespace() throws {
        let decoded = try Self.codec.decode(request("Action=GetRole&Version=2010-05-08&RoleName=app", service: "iam"))
        let output: JSONValue = ["Role": ["Path": "/", "RoleName": "app", "RoleId": "AROAEXAMPLE", "Arn": "arn:aws:iam::123456789012:role/app",
                                          "CreateDate": 1767225600, "AssumeRolePolicyDocument": "%7B%7D", "MaxSessionDuration": 3600,
                                          "Tags": [["Key": "team", "Value": "ops"]], "RoleLastUsed": [:]]]
        let xml = body(Self.codec.encode(output: output, for: decoded, requestId: "r-1"))
        #expect(xml.hasPrefix(#"<GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetRoleResult><Role><Path>/</Path>"#))
        #expect(xml.contains("<CreateDate>2026-01-01T00:00:00Z</CreateDate>"))
        #expect(xml.contains("<Tags><member><Key>team</Key><Value>ops</Value></member></Tags>"))
        #expect(xml.hasSuffix("<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetRoleResponse>"))
    }

    @Test func encodesIAMErrorsWithTheirQueryCodes() throws {
        let decoded = try Self.codec.decode(request("Action=GetRole&Version=2010-05-08&RoleName=nope", service: "iam"))
        let error = WireError(code: "NoSuchEntityException", message: "The role with name nope cannot be found.", httpStatus: 404)
        let response = Self.codec.encode(error: error, for: decoded, requestId: "r-2")
        #expect(response.status == 404)
        #expect(body(response).hasPrefix(#"<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The role with name nope cannot be found.</Message>"#))
        do {
            _ = try Self.codec.decode(request("Action=GetRole&Version=2010-05-08", service: "iam"))
            Issue.record("a missing RoleName must fail")
        } catch {
            #expect(error.code == "ValidationError")
            #expect(error.message == "1 validation error detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null")
        }
    }

    @Test func routesSTS() throws {
        let decoded = try Self.codec.decode(request("Action=GetCallerIdentity&Version=2011-06-15", service: "sts"))
        #expect(decoded.service == "sts")
        let output: JSONValue = ["UserId": "123456789012", "Account": "123456789012", "Arn": "arn:aws:iam::123456789012:root"]
        let xml = body(Self.codec.encode(output: output, for: decoded, requestId: "r-3"))
        #expect(xml.hasPrefix(#"<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><UserId>123456789012</UserId>"#))
        let assume = try Self.codec.decode(request("Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fapp&RoleSessionName=me", service: "sts"))
        let denied = WireError(code: "AccessDenied", message: "User: x is not authorized", httpStatus: 403)
        let response = Self.codec.encode(error: denied, for: assume, requestId: "r-4")
        #expect(response.status == 403)
        #expect(body(response).contains(#"<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code>"#))
    }
}
