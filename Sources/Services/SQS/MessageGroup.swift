import EmulatorKit

/// A FIFO message group: its visible messages in send order, and how many of its messages
/// are in flight. While any is in flight the group is locked — SQS returns no other message
/// of the group until that one is deleted or becomes visible again — which is what keeps
/// processing in order.
final class MessageGroup {
    let id: String
    var ready = IndexedHeap<ReadyBySeq>()
    var inFlightCount = 0
    var delayedCount = 0
    /// Position in the queue's heap of groups that can be served now; -1 if none.
    var readyIndex = -1

    init(id: String) { self.id = id }

    var isEmpty: Bool { ready.isEmpty && inFlightCount == 0 && delayedCount == 0 }

    /// Servable: something visible and nothing in flight.
    var isReady: Bool { inFlightCount == 0 && !ready.isEmpty }

    var headSeq: Int64 { ready.top?.seq ?? .max }
}

/// Groups that can be served, oldest head message first, so older messages go out first
/// across groups too.
enum GroupsByHead: HeapPolicy {
    static func precedes(_ a: MessageGroup, _ b: MessageGroup) -> Bool { a.headSeq < b.headSeq }
    static func index(of node: MessageGroup) -> Int { node.readyIndex }
    static func setIndex(_ index: Int, of node: MessageGroup) { node.readyIndex = index }
}
