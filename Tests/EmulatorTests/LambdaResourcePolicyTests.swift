import EmulatorKit
import Foundation
import JSON
import Testing
@testable import Emulator
@testable import Lambda

/// A function's resource policy (`add-permission`) and what it means for services that
/// deliver to the function: SNS, EventBridge and S3 are refused until a statement allows them.
@Suite("Lambda resource policy")
struct LambdaResourcePolicyTests {
    static let context = LambdaStateTests.context
    static let topic = "arn:aws:sns:us-east-1:123456789012:alerts"
    static let sns = ServiceCaller(principal: "sns.amazonaws.com", sourceArn: topic, sourceAccount: "123456789012")

    static func addPermission(_ lambda: LambdaService, sid: String, principal: String = "sns.amazonaws.com",
                              sourceArn: String? = topic) async throws(AWSError) -> JSONValue {
        var input: [String: JSONValue] = ["FunctionName": "notify", "StatementId": .string(sid),
                                          "Action": "lambda:InvokeFunction", "Principal": .string(principal)]
        if let sourceArn { input["SourceArn"] = .string(sourceArn) }
        return try await lambda.handle(operation: "AddPermission", input: .object(input), context: context)
    }

    @Test("AddPermission writes Lambda's statement; GetPolicy answers the document; RemovePermission takes it out")
    func statements() async throws {
        let (_, lambda) = try await LambdaStateTests.open()
        try await LambdaStateTests.create(lambda, "notify")
        await #expect(throws: AWSError.self) {
            try await lambda.handle(operation: "GetPolicy", input: ["FunctionName": "notify"], context: Self.context)
        }
        let added = try await Self.addPermission(lambda, sid: "from-sns")
        let statement = try JSONValue(jsonString: added["Statement"]?.stringValue ?? "")
        #expect(statement == [
            "Sid": "from-sns", "Effect": "Allow", "Principal": ["Service": "sns.amazonaws.com"],
            "Action": "lambda:InvokeFunction", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:notify",
            "Condition": ["ArnLike": ["AWS:SourceArn": .string(Self.topic)]],
        ])
        let policy = try await lambda.handle(operation: "GetPolicy", input: ["FunctionName": "notify"], context: Self.context)
        let document = try JSONValue(jsonString: policy["Policy"]?.stringValue ?? "")
        #expect(document["Version"] == "2012-10-17" && document["Statement"]?.arrayValue == [statement])

        do {
            _ = try await Self.addPermission(lambda, sid: "from-sns")
            Issue.record("a duplicate statement id was accepted")
        } catch {
            #expect(error.code == "ResourceConflictException")
            #expect(error.message == "The statement id (from-sns) provided already exists. Please provide a new statement id, or remove the existing statement.")
        }
        do {
            _ = try await lambda.handle(operation: "RemovePermission", input: ["FunctionName": "notify", "StatementId": "nope"], context: Self.context)
            Issue.record("removing an unknown statement succeeded")
        } catch {
            #expect(error.code == "ResourceNotFoundException" && error.message == "Statement nope is not found in resource policy.")
        }
        _ = try await lambda.handle(operation: "RemovePermission", input: ["FunctionName": "notify", "StatementId": "from-sns"], context: Self.context)
        await #expect(throws: AWSError.self) {
            try await lambda.handle(operation: "GetPolicy", input: ["FunctionName": "notify"], context: Self.context)
        }
    }

    @Test("Account principals become the account's root; a bad action is refused with Lambda's message")
    func principalsAndValidation() async throws {
        let (_, lambda) = try await LambdaStateTests.open()
        try await LambdaStateTests.create(lambda, "notify")
        let added = try await Self.addPermission(lambda, sid: "acct", principal: "210987654321", sourceArn: nil)
        let statement = try JSONValue(jsonString: added["Statement"]?.stringValue ?? "")
        #expect(statement["Principal"] == ["AWS": "arn:aws:iam::210987654321:root"] && statement["Condition"] == nil)
        do {
            _ = try await lambda.handle(operation: "AddPermission", input: [
                "FunctionName": "notify", "StatementId": "x", "Action": "sqs:SendMessage", "Principal": "sns.amazonaws.com",
            ], context: Self.context)
            Issue.record("a non-Lambda action was accepted")
        } catch {
            #expect(error.code == "InvalidParameterValueException" && error.message.contains("at 'action' failed to satisfy constraint"))
        }
    }

    @Test("Delivery from a service: refused without a statement, refused for another source, accepted once allowed")
    func invokerHonoursThePolicy() async throws {
        let (_, lambda) = try await LambdaStateTests.open()
        try await LambdaStateTests.create(lambda, "notify")
        let arn = "arn:aws:lambda:us-east-1:123456789012:function:notify"
        let missing = await lambda.invokeAsynchronously(functionArn: arn + "x", payload: Data("{}".utf8), from: Self.sns)
        #expect(missing.status == "failed" && missing.detail.contains("no function"))

        let noPolicy = await lambda.invokeAsynchronously(functionArn: arn, payload: Data("{}".utf8), from: Self.sns)
        #expect(noPolicy.status == "refused" && noPolicy.detail.contains("add-permission"), "\(noPolicy)")

        _ = try await Self.addPermission(lambda, sid: "from-sns")
        let otherTopic = ServiceCaller(principal: "sns.amazonaws.com", sourceArn: "arn:aws:sns:us-east-1:123456789012:other",
                                       sourceAccount: "123456789012")
        #expect(await lambda.invokeAsynchronously(functionArn: arn, payload: Data("{}".utf8), from: otherTopic).status == "refused")
        let events = ServiceCaller(principal: "events.amazonaws.com", sourceArn: Self.topic, sourceAccount: "123456789012")
        #expect(await lambda.invokeAsynchronously(functionArn: arn, payload: Data("{}".utf8), from: events).status == "refused")
        #expect(await lambda.invokeAsynchronously(functionArn: arn, payload: Data("{}".utf8), from: Self.sns).isDelivered)
    }

    @Test("The policy is stored with the function: a restart keeps it")
    func persisted() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("handson-lambda-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.sqlite").path
        var (database, lambda) = try await LambdaStateTests.open(path)
        try await LambdaStateTests.create(lambda, "notify")
        _ = try await Self.addPermission(lambda, sid: "from-sns")
        try await database.commits.drain()
        (database, lambda) = try await LambdaStateTests.open(path)
        let policy = try await lambda.handle(operation: "GetPolicy", input: ["FunctionName": "notify"], context: Self.context)
        #expect(policy["Policy"]?.stringValue?.contains("from-sns") == true)
        _ = database
    }
}
