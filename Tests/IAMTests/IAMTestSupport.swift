import Foundation
import JSON
import Testing
import EmulatorKit
@testable import STS
@testable import IAM

/// IAM and STS on an in-memory (or file) database with their own virtual clock, and
/// shorthands for calling them the way the wire layer will.
struct IAMHarness {
    let database: AppDatabase
    let clock: VirtualClock
    let iam: IAMService
    let sts: STSService
    var context = RequestContext(account: "123456789012", region: "us-east-1", requestId: "test", accessKeyId: "test")

    static func make(path: String? = nil, clock: VirtualClock = VirtualClock()) async throws -> IAMHarness {
        let database = try AppDatabase.open(path: path, migrations: IAMService.descriptor.migrations)
        let iam = try await IAMService(database: database, clock: clock)
        return IAMHarness(database: database, clock: clock, iam: iam, sts: STSService(sessions: iam))
    }

    /// The same harness signing with other credentials.
    func signed(with accessKeyId: String) -> IAMHarness {
        var copy = self
        copy.context.accessKeyId = accessKeyId
        return copy
    }

    @discardableResult
    func call(_ operation: String, _ input: JSONValue = [:]) async throws(AWSError) -> JSONValue {
        try await iam.handle(operation: operation, input: input, context: context)
    }

    @discardableResult
    func callSTS(_ operation: String, _ input: JSONValue = [:]) async throws(AWSError) -> JSONValue {
        try await sts.handle(operation: operation, input: input, context: context)
    }

    /// The error the call fails with (the test fails if it succeeds).
    func error(_ operation: String, _ input: JSONValue = [:], sts: Bool = false,
               sourceLocation: SourceLocation = #_sourceLocation) async -> AWSError? {
        do {
            let output = sts ? try await callSTS(operation, input) : try await call(operation, input)
            Issue.record("\(operation) succeeded unexpectedly: \(output)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    @discardableResult
    func createRole(_ name: String, trust: String = IAMFixtures.ec2Trust, path: String? = nil) async throws -> JSONValue {
        var input: [String: JSONValue] = ["RoleName": .string(name), "AssumeRolePolicyDocument": .string(trust)]
        if let path { input["Path"] = .string(path) }
        let output = try await call("CreateRole", .object(input))
        return try #require(output["Role"])
    }

    func attach(_ role: String, _ policyArn: String) async throws {
        try await call("AttachRolePolicy", ["RoleName": .string(role), "PolicyArn": .string(policyArn)])
    }

    func putInline(_ role: String, _ name: String, _ document: String) async throws {
        try await call("PutRolePolicy", ["RoleName": .string(role), "PolicyName": .string(name), "PolicyDocument": .string(document)])
    }

    /// `(decision, matched policy ids)` per action for a principal.
    func simulate(_ arn: String, _ actions: [String], resources: [String]? = nil) async throws -> [(String, [String])] {
        var input: [String: JSONValue] = ["PolicySourceArn": .string(arn), "ActionNames": .array(actions.map(JSONValue.string))]
        if let resources { input["ResourceArns"] = .array(resources.map(JSONValue.string)) }
        let output = try await call("SimulatePrincipalPolicy", .object(input))
        return (output["EvaluationResults"]?.arrayValue ?? []).map { result in
            (result["EvalDecision"]?.stringValue ?? "",
             (result["MatchedStatements"]?.arrayValue ?? []).compactMap { $0["SourcePolicyId"]?.stringValue })
        }
    }
}

/// Policies the tests use, written as people write them.
enum IAMFixtures {
    static let ec2Trust = """
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}
      ]
    }
    """
    static let lambdaTrust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
    static let accountTrust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}"#
    static let readQueues = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sqs:ReceiveMessage","sqs:DeleteMessage","sqs:GetQueueAttributes"],"Resource":"arn:aws:sqs:us-east-1:123456789012:orders"}]}"#
    static let denyDelete = #"{"Version":"2012-10-17","Statement":{"Sid":"NoDeletes","Effect":"Deny","Action":"sqs:Delete*","Resource":"*"}}"#

    static let ssmCore = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
    static let lambdaSQS = "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole"
}

func temporaryDatabasePath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("handson-tests-\(UUID().uuidString)/state.sqlite").path
}
