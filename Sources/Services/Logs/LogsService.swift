import EmulatorKit
import Foundation
import JSON

/// Amazon CloudWatch Logs: log groups with retention and tags, log streams, PutLogEvents with
/// AWS's batch rules, GetLogEvents with forward/backward tokens, FilterLogEvents with filter
/// patterns — on the virtual clock, so retention really removes old events.
///
/// Everything lives in this actor, in memory: groups and streams in dictionaries, each
/// stream's events sorted by (timestamp, sequence) so a time range or token position is a
/// binary search and a page costs the page. Every change is mirrored to SQLite through the
/// group-commit writer and a request is answered once its change is committed; at start-up
/// the whole state, events included, is loaded back (labs produce thousands of events, not
/// billions, and reads then never wait on the database).
///
/// Other services write logs in-process through `ingest(group:stream:events:account:region:)`
/// (Lambda: `/aws/lambda/NAME`, one stream per execution environment).
public actor LogsService: EmulatorService, DurableService, LogIngestion {
    public nonisolated let name = "logs"

    static let day: Int64 = 86_400_000
    static let hour: Int64 = 3_600_000

    let store: LogsStore
    let clock: VirtualClock

    struct GroupKey: Hashable {
        var account: String
        var region: String
        var name: String
    }

    var groups: [GroupKey: LogGroup] = [:]
    var nextGroupId: Int64 = 1
    var nextStreamId: Int64 = 1
    /// Global ingestion order; starts at the wall clock in microseconds so it keeps increasing
    /// across restarts even when every event was deleted.
    var lastSeq: Int64 = 0

    /// Opens the Logs state stored in `database` (empty for a new one).
    public init(database: AppDatabase, clock: VirtualClock) async throws {
        self.store = LogsStore(database: database)
        self.clock = clock
        let snapshot = try await store.load()
        restore(snapshot)
        store.recoverByReloading(self)
    }

    // MARK: Requests

    public nonisolated func handle(operation: String, input: JSONValue, context: RequestContext) async throws(AWSError) -> JSONValue {
        let input = ServiceInput(input, style: LogsInputStyle())
        let outcome: Outcome
        switch operation {
        case "CreateLogGroup": outcome = try await createLogGroup(input, context)
        case "DeleteLogGroup": outcome = try await deleteLogGroup(input, context)
        case "DescribeLogGroups": outcome = try await describeLogGroups(input, context)
        case "PutRetentionPolicy": outcome = try await putRetentionPolicy(input, context)
        case "DeleteRetentionPolicy": outcome = try await deleteRetentionPolicy(input, context)
        case "CreateLogStream": outcome = try await createLogStream(input, context)
        case "DeleteLogStream": outcome = try await deleteLogStream(input, context)
        case "DescribeLogStreams": outcome = try await describeLogStreams(input, context)
        case "PutLogEvents":
            let batch = try PutLogEventsRequest(input)
            outcome = try await putLogEvents(batch, context)
        case "GetLogEvents":
            let request = try GetLogEventsRequest(input)
            outcome = try await getLogEvents(request, context)
        case "FilterLogEvents":
            let request = try FilterLogEventsRequest(input)
            outcome = try await filterLogEvents(request, context)
        case "TagResource": outcome = try await tagResource(input, context)
        case "UntagResource": outcome = try await untagResource(input, context)
        case "ListTagsForResource": outcome = try await listTagsForResource(input, context)
        case "TagLogGroup": outcome = try await tagLogGroup(input, context)
        case "UntagLogGroup": outcome = try await untagLogGroup(input, context)
        case "ListTagsLogGroup": outcome = try await listTagsLogGroup(input, context)
        default: throw LogsErrors.unsupported(operation)
        }
        return try await answer(outcome)
    }

    public nonisolated var database: AppDatabase { store.database }

    public nonisolated func storageFailure(_ message: String) -> AWSError { LogsErrors.internalError(message) }

    public func reset() async throws {
        groups.removeAll()
        try await store.commitAndWait([.deleteEverything])
    }

    public func reload() async throws {
        try await store.reload { snapshot in
            groups.removeAll()
            restore(snapshot)
        }
    }

    // MARK: Shared helpers

    /// The virtual time in epoch milliseconds, the unit of every Logs timestamp.
    var now: Int64 { Int64((clock.now.timeIntervalSince1970 * 1000).rounded(.down)) }

    func nextSeq() -> Int64 {
        lastSeq += 1
        return lastSeq
    }

    func group(named name: String, account: String, region: String) throws(AWSError) -> LogGroup {
        guard let group = groups[GroupKey(account: account, region: region, name: name)] else {
            throw LogsErrors.groupNotFound()
        }
        return group
    }

    /// The group a request names by `logGroupName` or `logGroupIdentifier`.
    func group(_ reference: GroupReference, _ context: RequestContext) throws(AWSError) -> LogGroup {
        switch reference {
        case .name(let name):
            return try group(named: name, account: context.account, region: context.region)
        case .arn(let arn):
            return try group(named: arn.name, account: arn.account, region: arn.region)
        }
    }

    func stream(named name: String, in group: LogGroup) throws(AWSError) -> LogStream {
        guard let stream = group.streams[name] else { throw LogsErrors.streamNotFound() }
        return stream
    }

    /// Applies retention to a stream before it is read: events past the group's retention
    /// period are gone, in memory at once and in the database with this change.
    func touch(_ stream: LogStream, in group: LogGroup, now: Int64, _ changes: inout [LogsStore.Change]) {
        guard let cutoff = group.retentionCutoff(now: now), stream.expire(before: cutoff) > 0 else { return }
        changes.append(.expireEvents(streamId: stream.id, before: cutoff))
    }

    func touch(_ group: LogGroup, now: Int64, _ changes: inout [LogsStore.Change]) {
        guard group.retentionInDays != nil else { return }
        for stream in group.streams.values { touch(stream, in: group, now: now, &changes) }
    }

    // MARK: Loading

    private func restore(_ snapshot: LogsStore.Snapshot) {
        var byId: [Int64: LogGroup] = [:]
        for row in snapshot.groups {
            let group = row.makeGroup()
            groups[GroupKey(account: group.account, region: group.region, name: group.name)] = group
            byId[group.id] = group
            nextGroupId = max(nextGroupId, group.id + 1)
        }
        var maxSeq: Int64 = 0
        for row in snapshot.streams {
            guard let group = byId[row.groupId] else { continue }
            let stream = row.makeStream()
            let events = snapshot.events[stream.id] ?? []
            stream.insert(events)
            if let last = events.map(\.seq).max() { maxSeq = max(maxSeq, last) }
            group.streams[stream.name] = stream
            nextStreamId = max(nextStreamId, stream.id + 1)
        }
        lastSeq = max(lastSeq, maxSeq, Int64(Date().timeIntervalSince1970 * 1_000_000))
    }
}
