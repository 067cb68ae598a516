import Foundation
import Testing

/// IAM and STS through the real boto3 and the real aws CLI.
@Suite(.serialized) struct IAMRealClientTests {
    static let scenarios = ["ec2_role_with_ssm", "explicit_deny_overrides_allow", "managed_policies", "assume_role", "errors"]

    @Test(arguments: scenarios)
    func boto3Scenario(_ name: String) async throws {
        let server = try await TestServer.start()
        let result = try await Client.run("python3", [try Client.script("iam_scenarios"), server.endpoint, name])
        await server.stop()
        #expect(result.status == 0, "\(result.transcript)")
        #expect(result.stdout.contains("ok \(name)"), "\(result.transcript)")
    }

    static let ec2Trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
    static let accountTrust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}"#
    static let denySSM = #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ssm:*","Resource":"*"}]}"#

    @Test func awsCLIRolesSimulationAndAssumeRole() async throws {
        let server = try await TestServer.start()
        func aws(_ args: String...) async throws -> Client.Result {
            try await Client.run("aws", ["--endpoint-url", server.endpoint, "--output", "json"] + args)
        }
        func text(_ result: Client.Result) -> String { result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) }

        let created = try await aws("iam", "create-role", "--role-name", "ec2-ssm", "--assume-role-policy-document", Self.ec2Trust,
                                    "--query", "Role.Arn", "--output", "text")
        #expect(created.status == 0, "\(created.transcript)")
        let arn = text(created)
        #expect(arn == "arn:aws:iam::123456789012:role/ec2-ssm")
        // The CLI decodes the URL-encoded trust policy back into JSON.
        let principal = try await aws("iam", "get-role", "--role-name", "ec2-ssm",
                                      "--query", "Role.AssumeRolePolicyDocument.Statement[0].Principal.Service", "--output", "text")
        #expect(text(principal) == "ec2.amazonaws.com", "\(principal.transcript)")

        let attached = try await aws("iam", "attach-role-policy", "--role-name", "ec2-ssm",
                                     "--policy-arn", "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")
        #expect(attached.status == 0, "\(attached.transcript)")
        let simulated = try await aws("iam", "simulate-principal-policy", "--policy-source-arn", arn,
                                      "--action-names", "ssm:UpdateInstanceInformation", "ec2:TerminateInstances",
                                      "--query", "EvaluationResults[].EvalDecision", "--output", "text")
        #expect(text(simulated) == "allowed\timplicitDeny", "\(simulated.transcript)")
        let denied = try await aws("iam", "put-role-policy", "--role-name", "ec2-ssm", "--policy-name", "no-ssm",
                                   "--policy-document", Self.denySSM)
        #expect(denied.status == 0, "\(denied.transcript)")
        let overridden = try await aws("iam", "simulate-principal-policy", "--policy-source-arn", arn,
                                       "--action-names", "ssm:UpdateInstanceInformation",
                                       "--query", "EvaluationResults[0].[EvalDecision, MatchedStatements[0].SourcePolicyId]", "--output", "text")
        #expect(text(overridden) == "explicitDeny\tno-ssm", "\(overridden.transcript)")

        let root = try await aws("sts", "get-caller-identity", "--query", "Arn", "--output", "text")
        #expect(text(root) == "arn:aws:iam::123456789012:root", "\(root.transcript)")
        let refused = try await aws("sts", "assume-role", "--role-arn", arn, "--role-session-name", "me")
        #expect(refused.status == 254 || refused.status == 255, "\(refused.transcript)")
        #expect(refused.stderr.contains("An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::123456789012:root is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/ec2-ssm"), "\(refused.transcript)")

        let updated = try await aws("iam", "update-assume-role-policy", "--role-name", "ec2-ssm", "--policy-document", Self.accountTrust)
        #expect(updated.status == 0, "\(updated.transcript)")
        let assumed = try await aws("sts", "assume-role", "--role-arn", arn, "--role-session-name", "me",
                                    "--query", "Credentials.[AccessKeyId, SecretAccessKey, SessionToken]", "--output", "text")
        #expect(assumed.status == 0, "\(assumed.transcript)")
        let credentials = text(assumed).split(separator: "\t").map(String.init)
        #expect(credentials.count == 3 && credentials[0].hasPrefix("ASIA"), "\(assumed.transcript)")
        if credentials.count == 3 {
            let asRole = try await Client.run("env", [
                "AWS_ACCESS_KEY_ID=\(credentials[0])", "AWS_SECRET_ACCESS_KEY=\(credentials[1])", "AWS_SESSION_TOKEN=\(credentials[2])",
                "aws", "--endpoint-url", server.endpoint, "sts", "get-caller-identity", "--query", "Arn", "--output", "text",
            ])
            #expect(text(asRole) == "arn:aws:sts::123456789012:assumed-role/ec2-ssm/me", "\(asRole.transcript)")
        }

        let missing = try await aws("iam", "get-role", "--role-name", "nope")
        #expect(missing.status == 254 || missing.status == 255, "\(missing.transcript)")
        #expect(missing.stderr.contains("An error occurred (NoSuchEntity) when calling the GetRole operation: The role with name nope cannot be found."), "\(missing.transcript)")
        let conflict = try await aws("iam", "delete-role", "--role-name", "ec2-ssm")
        #expect(conflict.stderr.contains("An error occurred (DeleteConflict) when calling the DeleteRole operation: Cannot delete entity, must detach all policies first."), "\(conflict.transcript)")
        await server.stop()
    }
}
