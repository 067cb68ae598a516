import JSON

/// What an operation answers, and the write that must be durable before it does.
public struct Outcome: Sendable {
    public var output: JSONValue
    public var ticket: GroupCommitWriter.Ticket

    public init(output: JSONValue, ticket: GroupCommitWriter.Ticket = .none) {
        self.output = output
        self.ticket = ticket
    }
}

/// A service that answers only once its writes are committed, and reports a failed commit
/// as its own internal error (`InternalError`, `ServiceFailure`, `ServiceException`…).
public protocol DurableService: Sendable {
    var database: AppDatabase { get }
    /// The error a client sees when the write behind its request could not be stored.
    func storageFailure(_ message: String) -> AWSError
}

extension DurableService {
    /// Waits until the operation's write is committed.
    public func durable(_ ticket: GroupCommitWriter.Ticket) async throws(AWSError) {
        try await database.durable(ticket) { storageFailure($0) }
    }

    /// The operation's output, once its write is committed.
    public func answer(_ outcome: Outcome) async throws(AWSError) -> JSONValue {
        try await durable(outcome.ticket)
        return outcome.output
    }
}
