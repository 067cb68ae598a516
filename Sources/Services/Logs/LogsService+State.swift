import EmulatorKit
import JSON

/// CloudWatch Logs' part of `/_handson/state` (documented in docs/state.md): every group
/// with its streams and each stream's most recent events, so a check can ask "did the
/// function log `processed 3`". Reading it only applies what time already did (retention).
extension LogsService {
    /// Events listed per stream, the most recent ones, oldest first; counts cover them all.
    static let stateEventLimit = 100

    public func state() -> JSONValue {
        let now = self.now
        var changes: [LogsStore.Change] = []
        let sorted = groups.values.sorted { ($0.account, $0.region, $0.name) < ($1.account, $1.region, $1.name) }
        let groupStates: [JSONValue] = sorted.map { group in
            touch(group, now: now, &changes)
            let streams = group.streams.values.sorted { $0.name < $1.name }
            return [
                "name": .string(group.name),
                "arn": .string(group.arn),
                "account": .string(group.account),
                "region": .string(group.region),
                "creationTime": .number(Double(group.creationTime)),
                "retentionInDays": group.retentionInDays.map { JSONValue.number(Double($0)) } ?? .null,
                "kmsKeyId": group.kmsKeyId.map(JSONValue.string) ?? .null,
                "logGroupClass": .string(group.logGroupClass),
                "tags": .object(group.tags.mapValues { .string($0) }),
                "storedBytes": .number(Double(group.storedBytes)),
                "eventCount": .number(Double(streams.reduce(0) { $0 + $1.events.count })),
                "logStreams": .array(streams.map { stateOf($0, in: group) }),
            ]
        }
        _ = store.commit(changes)
        return ["logGroups": .array(groupStates)]
    }

    private func stateOf(_ stream: LogStream, in group: LogGroup) -> JSONValue {
        func number(_ value: Int64?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
        let recent = stream.events.suffix(Self.stateEventLimit)
        return [
            "name": .string(stream.name),
            "arn": .string(group.streamArn(stream)),
            "creationTime": .number(Double(stream.creationTime)),
            "eventCount": .number(Double(stream.events.count)),
            "storedBytes": .number(Double(stream.storedBytes)),
            "firstEventTimestamp": number(stream.firstEventTimestamp),
            "lastEventTimestamp": number(stream.lastEventTimestamp),
            "lastIngestionTime": number(stream.lastIngestionTime),
            "events": .array(recent.map { event in
                ["timestamp": .number(Double(event.timestamp)), "message": .string(event.message),
                 "ingestionTime": .number(Double(event.ingestionTime))]
            }),
        ]
    }
}
