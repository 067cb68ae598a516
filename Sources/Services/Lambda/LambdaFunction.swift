import EmulatorKit
import Foundation
import JSON

/// A function's configuration, as GetFunctionConfiguration returns it.
struct LambdaFunction: Sendable, Codable {
    var name: String
    var account: String
    var region: String
    var runtime: String
    var handler: String
    var role: String
    var description: String
    var timeout: Int
    var memorySize: Int
    var environment: [String: String]
    var codeSha256: String
    var codeSize: Int
    var lastModified: Double
    var revisionId: String
    var tags: [String: String]
    /// The resource policy's statements (`add-permission`), each as Lambda returns it; nil
    /// for none (and for functions stored before policies existed).
    var policyStatements: [String]?

    var arn: String { "arn:aws:lambda:\(region):\(account):function:\(name)" }
    var key: String { "\(account):\(region):\(name)" }
    var logGroup: String { "/aws/lambda/\(name)" }

    static let supportedRuntimes = ["python3.9", "python3.10", "python3.11", "python3.12", "python3.13", "python3.14",
                                    "provided.al2023", "provided.al2", "provided"]

    var isPython: Bool { runtime.hasPrefix("python3") }

    var configuration: JSONValue {
        var fields: [String: JSONValue] = [
            "FunctionName": .string(name), "FunctionArn": .string(arn), "Runtime": .string(runtime),
            "Role": .string(role), "Handler": .string(handler), "CodeSize": .number(Double(codeSize)),
            "Description": .string(description), "Timeout": .number(Double(timeout)),
            "MemorySize": .number(Double(memorySize)), "LastModified": .string(Self.lastModifiedText(lastModified)),
            "CodeSha256": .string(codeSha256), "Version": "$LATEST", "RevisionId": .string(revisionId),
            "State": "Active", "LastUpdateStatus": "Successful", "PackageType": "Zip",
            "Architectures": ["x86_64"], "EphemeralStorage": ["Size": 512],
            "TracingConfig": ["Mode": "PassThrough"],
            "LoggingConfig": ["LogFormat": "Text", "LogGroup": .string(logGroup)],
            "SnapStart": ["ApplyOn": "None", "OptimizationStatus": "Off"],
        ]
        if !environment.isEmpty {
            fields["Environment"] = ["Variables": .object(environment.mapValues(JSONValue.string))]
        }
        return .object(fields)
    }

    /// Lambda's own format: `2026-11-29T18:20:00.000+0000`.
    static func lastModifiedText(_ seconds: Double) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSSZ"
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }
}

/// An SQS event source mapping.
struct EventSourceMapping: Sendable, Codable {
    var uuid: String
    var functionKey: String
    var functionArn: String
    var eventSourceArn: String
    var batchSize: Int
    var batchingWindow: Int
    var enabled: Bool
    var reportBatchItemFailures: Bool
    var lastModified: Double

    func description(state: String? = nil) -> JSONValue {
        [
            "UUID": .string(uuid), "FunctionArn": .string(functionArn), "EventSourceArn": .string(eventSourceArn),
            "BatchSize": .number(Double(batchSize)), "MaximumBatchingWindowInSeconds": .number(Double(batchingWindow)),
            "State": .string(state ?? (enabled ? "Enabled" : "Disabled")), "StateTransitionReason": "USER_INITIATED",
            "LastModified": .number(lastModified),
            "FunctionResponseTypes": .array(reportBatchItemFailures ? ["ReportBatchItemFailures"] : []),
        ]
    }
}
