import EmulatorKit
import Foundation

/// One invocation handed to an execution environment through the Runtime API.
public struct RuntimeInvocation: Sendable {
    public let requestId: String
    public let event: Data
    /// Epoch milliseconds (real time: function code runs in real time).
    public let deadlineMs: Int64
    public let functionArn: String
}

/// What the runtime reported for an invocation.
enum RuntimeOutcome: Sendable {
    case response(Data)
    /// `/error` (or init error, timeout, crash): the error document and its type.
    case error(Data, type: String)
}
