import EmulatorKit
import Foundation
import JSON

/// A dead-letter queue redrive: moves the DLQ's messages back to the queues they came from,
/// or to DestinationArn, at up to MaxNumberOfMessagesPerSecond on the virtual clock.
final class SQSMoveTask {
    let taskId: String
    let account: String
    let region: String
    let sourceArn: String
    let destinationArn: String?
    let maxNumberOfMessagesPerSecond: Int?
    var status: String
    let startedAt: Double
    var toMove: Int
    var moved: Int
    var failureReason: String?

    init(taskId: String, account: String, region: String, sourceArn: String, destinationArn: String?,
         maxNumberOfMessagesPerSecond: Int?, status: String, startedAt: Double, toMove: Int, moved: Int,
         failureReason: String?) {
        self.taskId = taskId
        self.account = account
        self.region = region
        self.sourceArn = sourceArn
        self.destinationArn = destinationArn
        self.maxNumberOfMessagesPerSecond = maxNumberOfMessagesPerSecond
        self.status = status
        self.startedAt = startedAt
        self.toMove = toMove
        self.moved = moved
        self.failureReason = failureReason
    }

    convenience init(row: SQSStore.MoveTaskRow) {
        self.init(taskId: row.taskId, account: row.account, region: row.region, sourceArn: row.sourceArn,
                  destinationArn: row.destinationArn, maxNumberOfMessagesPerSecond: row.maxNumberOfMessagesPerSecond,
                  status: row.status, startedAt: row.startedAt, toMove: row.toMove, moved: row.moved,
                  failureReason: row.failureReason)
    }

    var row: SQSStore.MoveTaskRow {
        .init(taskId: taskId, account: account, region: region, sourceArn: sourceArn, destinationArn: destinationArn,
              maxNumberOfMessagesPerSecond: maxNumberOfMessagesPerSecond, status: status, startedAt: startedAt,
              toMove: toMove, moved: moved, failureReason: failureReason)
    }

    var isRunning: Bool { status == "RUNNING" }

    /// The opaque handle names the task and its source queue.
    var handle: String {
        let document: JSONValue = ["taskId": .string(taskId), "sourceArn": .string(sourceArn)]
        return Data(document.jsonText().utf8).base64EncodedString()
    }

    static func decode(handle: String) -> (taskId: String, sourceArn: String)? {
        guard let data = Data(base64Encoded: handle), let text = String(data: data, encoding: .utf8),
              case .object(let fields)? = try? JSONValue(jsonString: text),
              case .string(let taskId)? = fields["taskId"], case .string(let sourceArn)? = fields["sourceArn"] else { return nil }
        return (taskId, sourceArn)
    }

    /// As ListMessageMoveTasks returns it; the handle only while the task runs.
    func json(includeHandle: Bool) -> JSONValue {
        var fields: [String: JSONValue] = [
            "Status": .string(status),
            "SourceArn": .string(sourceArn),
            "ApproximateNumberOfMessagesMoved": .number(Double(moved)),
            "ApproximateNumberOfMessagesToMove": .number(Double(toMove)),
            "StartedTimestamp": .number((startedAt * 1000).rounded(.down)),
        ]
        if includeHandle { fields["TaskHandle"] = .string(handle) }
        if let destinationArn { fields["DestinationArn"] = .string(destinationArn) }
        if let maxNumberOfMessagesPerSecond { fields["MaxNumberOfMessagesPerSecond"] = .number(Double(maxNumberOfMessagesPerSecond)) }
        if let failureReason { fields["FailureReason"] = .string(failureReason) }
        return .object(fields)
    }
}

extension SQSService {
    static let arnFormat = "arn:<partition>:<service>:<region>:<account-id>:<resource-id>"

    func startMessageMoveTask(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let sourceArn = try input.requiredString("SourceArn")
        guard ARN.isWellFormed(sourceArn) else {
            throw SQSErrors.invalidParameterValue("You must use this format to specify the SourceArn: \(Self.arnFormat)")
        }
        guard let source = queue(arn: sourceArn) else {
            throw SQSErrors.resourceNotFound("The resource that you specified for the SourceArn parameter doesn't exist.")
        }
        guard queues.values.contains(where: { $0.settings.redrivePolicy?.deadLetterTargetArn == source.arn }) else {
            throw SQSErrors.invalidParameterValue("Source queue must be configured as a Dead Letter Queue.")
        }
        let destinationArn = try input.string("DestinationArn")
        if let destinationArn {
            guard ARN.isWellFormed(destinationArn) else {
                throw SQSErrors.invalidParameterValue("You must use this format to specify the DestinationArn: \(Self.arnFormat)")
            }
            guard queue(arn: destinationArn) != nil else {
                throw SQSErrors.resourceNotFound("The resource that you specified for the DestinationArn parameter doesn't exist.")
            }
        }
        let rate = try input.int("MaxNumberOfMessagesPerSecond")
        if let rate, !(1...500).contains(rate) {
            throw SQSErrors.invalidValue(String(rate), parameter: "MaxNumberOfMessagesPerSecond",
                                         reason: "Must be between 1 and 500, if provided.")
        }
        if moveTasks.contains(where: { $0.isRunning && $0.sourceArn == source.arn }) {
            throw SQSErrors.invalidParameterValue(
                "There is already a task running. Only one active task is allowed for a source queue arn at a given time.")
        }
        let now = self.now
        var changes: [SQSStore.Change] = []
        touch(source, now: now, &changes)
        let task = SQSMoveTask(taskId: UUID().uuidString.lowercased(), account: source.account, region: source.region,
                               sourceArn: source.arn, destinationArn: destinationArn, maxNumberOfMessagesPerSecond: rate,
                               status: "RUNNING", startedAt: now, toMove: source.visibleCount, moved: 0, failureReason: nil)
        moveTasks.append(task)
        changes.append(.saveMoveTask(task.row))
        advanceMoveTasks(now: now, &changes)
        return Outcome(output: ["TaskHandle": .string(task.handle)], ticket: store.commit(changes))
    }

    func listMessageMoveTasks(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let sourceArn = try input.requiredString("SourceArn")
        guard ARN.isWellFormed(sourceArn) else {
            throw SQSErrors.invalidParameterValue("You must use this format to specify the SourceArn: \(Self.arnFormat)")
        }
        guard queue(arn: sourceArn) != nil else {
            throw SQSErrors.resourceNotFound("The resource that you specified for the SourceArn parameter doesn't exist.")
        }
        let maximum = try input.int("MaxResults") ?? 1
        guard (1...10).contains(maximum) else {
            throw SQSErrors.invalidValue(String(maximum), parameter: "MaxResults",
                                         reason: "You must enter a number that's between 1 and 10.")
        }
        var changes: [SQSStore.Change] = []
        advanceMoveTasks(now: now, &changes)
        let tasks = moveTasks.filter { $0.sourceArn == sourceArn }.reversed().prefix(maximum)
        return Outcome(output: ["Results": .array(tasks.map { $0.json(includeHandle: $0.isRunning) })],
                       ticket: store.commit(changes))
    }

    func cancelMessageMoveTask(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> Outcome {
        let handle = try input.requiredString("TaskHandle")
        guard let (taskId, sourceArn) = SQSMoveTask.decode(handle: handle) else {
            throw SQSErrors.invalidParameterValue("Value for parameter TaskHandle is invalid.")
        }
        guard queue(arn: sourceArn) != nil else {
            throw SQSErrors.resourceNotFound("The resource that you specified for the SourceArn parameter doesn't exist.")
        }
        guard let task = moveTasks.first(where: { $0.taskId == taskId }) else {
            throw SQSErrors.resourceNotFound("Task does not exist.")
        }
        var changes: [SQSStore.Change] = []
        advanceMoveTasks(now: now, &changes)
        guard task.isRunning else {
            throw SQSErrors.invalidParameterValue("Only active tasks can be cancelled.")
        }
        task.status = "CANCELLED"
        changes.append(.saveMoveTask(task.row))
        return Outcome(output: ["ApproximateNumberOfMessagesMoved": .number(Double(task.moved))],
                       ticket: store.commit(changes))
    }

    /// Moves what running tasks should have moved by `now`: everything at once without a
    /// rate, else rate × elapsed virtual seconds.
    func advanceMoveTasks(now: Double, _ changes: inout [SQSStore.Change]) {
        for task in moveTasks where task.isRunning {
            let due = task.maxNumberOfMessagesPerSecond.map {
                min(task.toMove, Int((Double($0) * max(0, now - task.startedAt)).rounded(.down)))
            } ?? task.toMove
            let before = (task.moved, task.status)
            while task.isRunning, task.moved < due {
                guard let source = queue(arn: task.sourceArn) else {
                    fail(task, reason: "AWS.SimpleQueueService.NonExistentQueue")
                    break
                }
                touch(source, now: now, &changes)
                guard let message = source.oldestReceivable else {
                    task.status = "COMPLETED"
                    break
                }
                guard let destination = (task.destinationArn ?? message.deadLetterSourceArn).flatMap({ queue(arn: $0) }) else {
                    fail(task, reason: "AWS.SimpleQueueService.NonExistentQueue")
                    break
                }
                if destination.isFIFO, message.groupId == nil {
                    fail(task, reason: "InvalidParameterValue")
                    break
                }
                source.remove(message)
                // Back in a source queue the message starts over: no receives, no DLQ origin.
                message.receiveCount = 0
                message.firstReceiveAt = nil
                message.lastReceiveAt = nil
                message.deadLetterSourceArn = nil
                message.visibleAt = now
                if destination.isFIFO { message.sentAt = now }
                destination.insert(message, now: now)
                changes.append(.saveMessage(SQSStore.MessageRow(message, queueId: destination.id)))
                wakeWaiters(destination)
                task.moved += 1
            }
            if task.isRunning, task.moved >= task.toMove { task.status = "COMPLETED" }
            if before != (task.moved, task.status) { changes.append(.saveMoveTask(task.row)) }
        }
    }

    private func fail(_ task: SQSMoveTask, reason: String) {
        task.status = "FAILED"
        task.failureReason = reason
    }

    /// The driver's tick: catches running tasks up and says when to look again.
    func driveMoveTasks() -> Double {
        let running = moveTasks.filter(\.isRunning)
        guard !running.isEmpty else { return 1 }
        var changes: [SQSStore.Change] = []
        advanceMoveTasks(now: now, &changes)
        _ = store.commit(changes)
        let fastest = running.compactMap(\.maxNumberOfMessagesPerSecond).max() ?? 10
        return min(1, max(0.05, 1 / Double(fastest)))
    }
}
