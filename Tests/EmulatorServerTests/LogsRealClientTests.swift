import Foundation
import Testing

/// CloudWatch Logs through the real boto3 and the real aws CLI.
@Suite(.serialized) struct LogsRealClientTests {
    static let scenarios = ["basics", "tokens", "filter_pattern", "describe_pagination", "retention", "errors",
                            "state_for_checks", "lambda_output"]

    @Test(arguments: scenarios)
    func boto3Scenario(_ name: String) async throws {
        let server = try await TestServer.start()
        // Not awaited: a warm Lambda environment (lambda_output) keeps its Runtime API long
        // poll open, and a graceful shutdown would wait for it (as LambdaRealClientTests do).
        defer { Task { await server.stop() } }
        let result = try await Client.run("python3", [try Client.script("logs_scenarios"), server.endpoint, name])
        #expect(result.status == 0, "\(result.transcript)")
        #expect(result.stdout.contains("ok \(name)"), "\(result.transcript)")
    }

    static func json(_ result: Client.Result) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    @Test func awsCLIPutsGetsFiltersAndExpires() async throws {
        let server = try await TestServer.start()
        func aws(_ args: String...) async throws -> Client.Result {
            try await Client.run("aws", ["--endpoint-url", server.endpoint, "--output", "json"] + args)
        }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        #expect(try await aws("logs", "create-log-group", "--log-group-name", "/cli/app").status == 0)
        #expect(try await aws("logs", "put-retention-policy", "--log-group-name", "/cli/app", "--retention-in-days", "1").status == 0)
        #expect(try await aws("logs", "create-log-stream", "--log-group-name", "/cli/app", "--log-stream-name", "web").status == 0)
        let put = try await aws("logs", "put-log-events", "--log-group-name", "/cli/app", "--log-stream-name", "web",
                                "--log-events", "timestamp=\(now - 1000),message=first line",
                                "timestamp=\(now),message=ERROR second line")
        #expect(put.status == 0, "\(put.transcript)")

        let got = try await aws("logs", "get-log-events", "--log-group-name", "/cli/app", "--log-stream-name", "web",
                                "--start-from-head", "--query", "events[].message")
        #expect(Self.json(got) as? [String] == ["first line", "ERROR second line"], "\(got.transcript)")
        let tokens = try await aws("logs", "get-log-events", "--log-group-name", "/cli/app", "--log-stream-name", "web",
                                   "--query", "[nextForwardToken, nextBackwardToken]")
        let pair = Self.json(tokens) as? [String] ?? []
        #expect(pair.count == 2 && pair[0].hasPrefix("f/") && pair[1].hasPrefix("b/"), "\(tokens.transcript)")
        let atEnd = try await aws("logs", "get-log-events", "--log-group-name", "/cli/app", "--log-stream-name", "web",
                                  "--next-token", pair.first ?? "", "--query", "[length(events), nextForwardToken]")
        #expect((Self.json(atEnd) as? [Any])?.last as? String == pair.first, "\(atEnd.transcript)")

        let filtered = try await aws("logs", "filter-log-events", "--log-group-name", "/cli/app", "--filter-pattern", "ERROR",
                                     "--query", "events[].[logStreamName, message]")
        #expect(Self.json(filtered) as? [[String]] == [["web", "ERROR second line"]], "\(filtered.transcript)")
        let described = try await aws("logs", "describe-log-groups", "--log-group-name-prefix", "/cli",
                                      "--query", "logGroups[0].[logGroupName, retentionInDays]")
        #expect((Self.json(described) as? [Any])?.first as? String == "/cli/app", "\(described.transcript)")

        let advanced = try await Client.run("curl", ["-sf", "-X", "POST", "-H", "Content-Type: application/json", "-H", "X-Handson-Token: \(TestServer.token)",
                                                     "-d", #"{"advance":"2d"}"#, "\(server.endpoint)/_handson/clock"])
        #expect(advanced.status == 0, "\(advanced.transcript)")
        let expired = try await aws("logs", "get-log-events", "--log-group-name", "/cli/app", "--log-stream-name", "web",
                                    "--query", "length(events)")
        #expect(expired.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "\(expired.transcript)")

        let missing = try await aws("logs", "get-log-events", "--log-group-name", "nope", "--log-stream-name", "web")
        #expect(missing.status == 254 || missing.status == 255, "\(missing.transcript)")
        #expect(missing.stderr.contains("An error occurred (ResourceNotFoundException) when calling the GetLogEvents operation: The specified log group does not exist."), "\(missing.transcript)")
        let duplicate = try await aws("logs", "create-log-group", "--log-group-name", "/cli/app")
        #expect(duplicate.stderr.contains("An error occurred (ResourceAlreadyExistsException) when calling the CreateLogGroup operation: The specified log group already exists"), "\(duplicate.transcript)")
        let badRetention = try await aws("logs", "put-retention-policy", "--log-group-name", "/cli/app", "--retention-in-days", "2")
        #expect(badRetention.stderr.contains("An error occurred (InvalidParameterException) when calling the PutRetentionPolicy operation: 1 validation error detected: Value '2' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]"), "\(badRetention.transcript)")
        await server.stop()
    }

    @Test func awsCLIDescribesMoreGroupsThanAPage() async throws {
        let server = try await TestServer.start()
        func aws(_ args: String...) async throws -> Client.Result {
            try await Client.run("aws", ["--endpoint-url", server.endpoint, "--output", "json"] + args)
        }
        for i in 0..<7 {
            #expect(try await aws("logs", "create-log-group", "--log-group-name", "/paged/g\(i)").status == 0)
        }
        // The CLI follows nextToken itself: page size 3 still lists all seven.
        let all = try await aws("logs", "describe-log-groups", "--log-group-name-prefix", "/paged/", "--page-size", "3",
                                "--query", "logGroups[].logGroupName")
        #expect(Self.json(all) as? [String] == (0..<7).map { "/paged/g\($0)" }, "\(all.transcript)")
        let first = try await aws("logs", "describe-log-groups", "--log-group-name-prefix", "/paged/", "--max-items", "3")
        let page = Self.json(first) as? [String: Any]
        #expect((page?["logGroups"] as? [Any])?.count == 3, "\(first.transcript)")
        #expect(page?["NextToken"] != nil, "\(first.transcript)")
        await server.stop()
    }
}
