import Foundation
import Testing

/// Lambda through the real boto3 and aws CLI: functions really run, SQS triggers, DLQ.
@Suite struct LambdaRealClientTests {
    static let scenarios = ["invoke_success_and_error", "environment_and_update", "zip_slip_rejected", "sqs_trigger_with_dlq",
                            "roles_are_enforced", "large_package_and_code_location",
                            "function_environment_is_bounded", "resource_policy"]

    @Test(arguments: scenarios)
    func boto3Scenario(_ name: String) async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let result = try await Client.run("python3", [try Client.script("lambda_scenarios"), server.endpoint, name])
        #expect(result.status == 0, "\(result.transcript)")
    }

    @Test func awsCLICreatesAndInvokesFromAZip() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("handson-lambda-cli-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let zip = folder.appendingPathComponent("function.zip").path
        let made = try await Client.run("python3", ["-c", """
            import zipfile
            with zipfile.ZipFile('\(zip)', 'w') as z:
                z.writestr('app.py', 'def handler(event, context):\\n    return {"doubled": event["n"] * 2}\\n')
            """])
        #expect(made.status == 0, "\(made.transcript)")
        func aws(_ args: String...) async throws -> Client.Result {
            try await Client.run("aws", ["--endpoint-url", server.endpoint] + args)
        }
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        let role = try await aws("iam", "create-role", "--role-name", "r", "--assume-role-policy-document", trust)
        #expect(role.status == 0, "\(role.transcript)")
        let created = try await aws("lambda", "create-function", "--function-name", "doubler", "--runtime", "python3.12",
                                    "--handler", "app.handler", "--role", "arn:aws:iam::123456789012:role/r",
                                    "--zip-file", "fileb://\(zip)", "--query", "CodeSha256", "--output", "text")
        #expect(created.status == 0, "\(created.transcript)")
        let out = folder.appendingPathComponent("out.json").path
        let invoked = try await aws("lambda", "invoke", "--function-name", "doubler", "--payload", #"{"n": 21}"#, out)
        #expect(invoked.status == 0, "\(invoked.transcript)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == #"{"doubled": 42}"#)
        let missing = try await aws("lambda", "invoke", "--function-name", "nope", out)
        #expect(missing.stderr.contains("An error occurred (ResourceNotFoundException) when calling the Invoke operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope"), "\(missing.transcript)")
    }
}
