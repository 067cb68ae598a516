/// Where other services write log lines (CloudWatch Logs): a function's output, and later an
/// instance's agent or a container's `awslogs` driver. The group and stream are created when
/// missing, as AWS's own writers do.
public protocol LogIngestion: Sendable {
    func ingest(group: String, stream: String, events: [LogLine], account: String, region: String) async
}

/// One line for `LogIngestion`: its time in epoch milliseconds and its text.
public struct LogLine: Sendable, Equatable {
    public var timestamp: Int64
    public var message: String

    public init(timestamp: Int64, message: String) {
        self.timestamp = timestamp
        self.message = message
    }
}
