import EmulatorKit
import Foundation
import JSON

/// A function's resource policy: who may invoke it (`add-permission`), which SNS, EventBridge
/// and S3 need before they may deliver to it, as on AWS.
extension LambdaService {
    func addPermission(_ input: ServiceInput, _ context: RequestContext) async throws(AWSError) -> JSONValue {
        var function = try function(input, context)
        let sid = try input.requiredString("StatementId")
        guard sid.range(of: "^[a-zA-Z0-9_.-]{1,100}$", options: .regularExpression) != nil else {
            throw LambdaErrors.invalidParameter("1 validation error detected: Value '\(sid)' at 'statementId' failed to satisfy constraint: Member must satisfy regular expression pattern: ([a-zA-Z0-9-_.]+)")
        }
        let action = try input.requiredString("Action")
        guard action.range(of: "^(lambda:[*]|lambda:[a-zA-Z]+|[*])$", options: .regularExpression) != nil else {
            throw LambdaErrors.invalidParameter("1 validation error detected: Value '\(action)' at 'action' failed to satisfy constraint: Member must satisfy regular expression pattern: (lambda:[*]|lambda:[a-zA-Z]+|[*])")
        }
        let principal = try input.requiredString("Principal")
        guard principal.range(of: "^[^\\s]+$", options: .regularExpression) != nil else {
            throw LambdaErrors.invalidParameter("1 validation error detected: Value '\(principal)' at 'principal' failed to satisfy constraint: Member must satisfy regular expression pattern: [^\\s]+")
        }
        if let revision = try input.string("RevisionId"), revision != function.revisionId {
            throw LambdaErrors.preconditionFailed()
        }
        var statements = function.policyStatements ?? []
        guard !statements.contains(where: { FunctionPolicyStatement.sid(of: $0) == sid }) else {
            throw AWSError(code: "ResourceConflictException",
                           message: "The statement id (\(sid)) provided already exists. Please provide a new statement id, or remove the existing statement.",
                           httpStatus: 409)
        }
        let statement = FunctionPolicyStatement.make(
            sid: sid, action: action, principal: principal, resource: function.arn,
            sourceArn: try input.string("SourceArn"), sourceAccount: try input.string("SourceAccount")
        ).jsonText(sortedKeys: false)
        statements.append(statement)
        guard FunctionPolicyStatement.document(statements).utf8.count <= FunctionPolicyStatement.maximumPolicyBytes else {
            throw AWSError(code: "PolicyLengthExceededException",
                           message: "The final policy size (\(FunctionPolicyStatement.document(statements).utf8.count)) is bigger than the limit (\(FunctionPolicyStatement.maximumPolicyBytes)).",
                           httpStatus: 400)
        }
        function.policyStatements = statements
        function.revisionId = UUID().uuidString.lowercased()
        functions[function.key] = function
        try await durable(store.commit([LambdaStore.save(function, code: nil)]))
        return ["Statement": .string(statement)]
    }

    func removePermission(_ input: ServiceInput, _ context: RequestContext) async throws(AWSError) -> JSONValue {
        var function = try function(input, context)
        let sid = try input.requiredString("StatementId")
        if let revision = try input.string("RevisionId"), revision != function.revisionId {
            throw LambdaErrors.preconditionFailed()
        }
        var statements = function.policyStatements ?? []
        guard let index = statements.firstIndex(where: { FunctionPolicyStatement.sid(of: $0) == sid }) else {
            throw AWSError(code: "ResourceNotFoundException", message: "Statement \(sid) is not found in resource policy.", httpStatus: 404)
        }
        statements.remove(at: index)
        function.policyStatements = statements.isEmpty ? nil : statements
        function.revisionId = UUID().uuidString.lowercased()
        functions[function.key] = function
        try await durable(store.commit([LambdaStore.save(function, code: nil)]))
        return [:]
    }

    func getPolicy(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> JSONValue {
        let function = try function(input, context)
        guard let statements = function.policyStatements, !statements.isEmpty else {
            throw AWSError(code: "ResourceNotFoundException", message: "The resource you requested does not exist.", httpStatus: 404)
        }
        return ["Policy": .string(FunctionPolicyStatement.document(statements)), "RevisionId": .string(function.revisionId)]
    }
}

/// What SNS, EventBridge and S3 call to deliver to a function: the function's resource
/// policy must allow the service, then the invocation runs in the background (`Event`).
extension LambdaService: FunctionInvoker {
    public func invokeAsynchronously(functionArn: String, payload: Data, from caller: ServiceCaller) async -> DeliveryOutcome {
        let context = RequestContext(account: caller.sourceAccount, region: ARN(functionArn)?.region ?? "us-east-1")
        guard let function = try? function(named: functionArn, context) else {
            return .failed("there is no function \(functionArn)")
        }
        let policy = function.policyStatements.map(FunctionPolicyStatement.document)
        if let refusal = ServiceCallerPolicy.refusal(policyText: policy, caller: caller, action: "lambda:InvokeFunction",
                                                     resource: function.arn, resourceKind: "function") {
            return .refused(refusal + " (aws lambda add-permission)")
        }
        Task { _ = await self.run(function, payload: payload) }
        return .delivered("invoked \(function.name) asynchronously")
    }
}
