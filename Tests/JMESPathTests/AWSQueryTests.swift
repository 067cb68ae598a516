import JMESPath
import JSON
import Testing

/// Queries of the kind learners type after `aws ... --query`.
@Suite("AWS CLI-style queries")
struct AWSQueryTests {
    static let sqs: JSONValue = [
        "sqs": [
            "queues": [
                ["name": "a", "attributes": ["VisibilityTimeout": "30", "DelaySeconds": "0"]],
                ["name": "orders-dlq", "attributes": ["VisibilityTimeout": "120"], "tags": ["team": "billing"]],
            ],
        ],
    ]

    static let ec2: JSONValue = [
        "Reservations": [
            ["Instances": [
                ["InstanceId": "i-1", "State": ["Name": "running"], "InstanceType": "t3.micro",
                 "Tags": [["Key": "Name", "Value": "web"], ["Key": "env", "Value": "prod"]]],
                ["InstanceId": "i-2", "State": ["Name": "stopped"], "InstanceType": "t3.large", "Tags": []],
            ]],
            ["Instances": [
                ["InstanceId": "i-3", "State": ["Name": "running"], "InstanceType": "t3.micro",
                 "Tags": [["Key": "Name", "Value": "worker"]]],
            ]],
        ],
    ]

    private func search(_ expression: String, _ data: JSONValue) throws -> JSONValue {
        try JMESPathExpression(expression).search(data)
    }

    @Test(arguments: [
        ("sqs.queues[0].attributes.VisibilityTimeout", JSONValue.string("30")),
        ("sqs.queues[].name", ["a", "orders-dlq"]),
        ("sqs.queues[*].name | [0]", "a"),
        ("sqs.queues[?name=='a'].attributes.VisibilityTimeout | [0]", "30"),
        ("sqs.queues[?name=='missing'] | [0]", nil),
        ("length(sqs.queues)", 2),
        ("sqs.queues[?to_number(attributes.VisibilityTimeout) > `60`].name", ["orders-dlq"]),
        ("sqs.queues[?ends_with(name, '-dlq')] | length(@)", 1),
        ("sqs.queues[?tags.team].name", ["orders-dlq"]),
        ("sqs.queues[].{Name: name, Timeout: to_number(attributes.VisibilityTimeout)}",
         [["Name": "a", "Timeout": 30], ["Name": "orders-dlq", "Timeout": 120]]),
        ("sqs.queues[].[name, attributes.DelaySeconds]", [["a", "0"], ["orders-dlq", nil]]),
        ("max_by(sqs.queues, &to_number(attributes.VisibilityTimeout)).name", "orders-dlq"),
        ("sort_by(sqs.queues, &name)[-1].name", "orders-dlq"),
        ("contains(sqs.queues[].name, 'a')", true),
        ("keys(sqs.queues[0].attributes)", ["DelaySeconds", "VisibilityTimeout"]),
        ("sqs.queues[0].attributes.*", ["0", "30"]),
        ("sqs.nothing.here", nil),
    ] as [(String, JSONValue)])
    func sqsQueries(expression: String, expected: JSONValue) throws {
        #expect(try search(expression, Self.sqs) == expected)
    }

    @Test(arguments: [
        ("Reservations[].Instances[].InstanceId", JSONValue.array(["i-1", "i-2", "i-3"])),
        ("Reservations[*].Instances[*].InstanceId", [["i-1", "i-2"], ["i-3"]]),
        ("Reservations[].Instances[?State.Name=='running'][].InstanceId", ["i-1", "i-3"]),
        ("Reservations[].Instances[?State.Name!='running'].InstanceId[]", ["i-2"]),
        ("Reservations[].Instances[].Tags[?Key=='Name'].Value[]", ["web", "worker"]),
        ("Reservations[].Instances[].[InstanceId, Tags[?Key=='Name'] | [0].Value]",
         [["i-1", "web"], ["i-2", nil], ["i-3", "worker"]]),
        ("length(Reservations[].Instances[?InstanceType=='t3.micro'][])", 2),
        ("Reservations[0].Instances[-1].State.Name", "stopped"),
        ("Reservations[].Instances[][InstanceId, State.Name] | [0:2]", [["i-1", "running"], ["i-2", "stopped"]]),
        // Without the pipe the slice is part of the projection and applies to each pair.
        ("Reservations[].Instances[][InstanceId, State.Name][0:1]", [["i-1"], ["i-2"], ["i-3"]]),
        ("join(', ', sort(Reservations[].Instances[].InstanceType))", "t3.large, t3.micro, t3.micro"),
    ] as [(String, JSONValue)])
    func ec2Queries(expression: String, expected: JSONValue) throws {
        #expect(try search(expression, Self.ec2) == expected)
    }

    @Test func compiledExpressionIsReusableAndSendable() async throws {
        let expression = try JMESPathExpression("sqs.queues[].name")
        #expect(expression.text == "sqs.queues[].name")
        let result = try await Task.detached { try expression.search(Self.sqs) }.value
        #expect(result == ["a", "orders-dlq"])
    }
}
