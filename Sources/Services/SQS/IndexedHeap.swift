import EmulatorKit

/// How an `IndexedHeap` orders its nodes and where each node remembers its position.
/// Remembering the position makes removing any node O(log n), so a deleted message leaves
/// no stale entry behind (a lazily-pruned heap would keep deleted messages alive).
protocol HeapPolicy {
    associatedtype Node: AnyObject
    static func precedes(_ a: Node, _ b: Node) -> Bool
    static func index(of node: Node) -> Int
    static func setIndex(_ index: Int, of node: Node)
}

/// A binary min-heap of objects that know their own index (-1 when not in the heap).
struct IndexedHeap<Policy: HeapPolicy> {
    typealias Node = Policy.Node
    private(set) var nodes: [Node] = []

    var count: Int { nodes.count }
    var isEmpty: Bool { nodes.isEmpty }
    var top: Node? { nodes.first }

    func contains(_ node: Node) -> Bool {
        let index = Policy.index(of: node)
        return index >= 0 && index < nodes.count && nodes[index] === node
    }

    mutating func insert(_ node: Node) {
        nodes.append(node)
        Policy.setIndex(nodes.count - 1, of: node)
        siftUp(nodes.count - 1)
    }

    @discardableResult
    mutating func popTop() -> Node? {
        guard let first = nodes.first else { return nil }
        remove(first)
        return first
    }

    /// Removes `node` if present.
    mutating func remove(_ node: Node) {
        guard contains(node) else { return }
        let index = Policy.index(of: node)
        let last = nodes.count - 1
        if index != last {
            nodes.swapAt(index, last)
            Policy.setIndex(index, of: nodes[index])
        }
        nodes.removeLast()
        Policy.setIndex(-1, of: node)
        if index < nodes.count {
            siftDown(index)
            siftUp(index)
        }
    }

    /// Restores order after `node`'s sort key changed.
    mutating func update(_ node: Node) {
        guard contains(node) else { return }
        let index = Policy.index(of: node)
        siftDown(index)
        siftUp(index)
    }

    mutating func removeAll() {
        for node in nodes { Policy.setIndex(-1, of: node) }
        nodes.removeAll()
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard Policy.precedes(nodes[child], nodes[parent]) else { break }
            swap(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < nodes.count else { break }
            var best = left
            let right = left + 1
            if right < nodes.count, Policy.precedes(nodes[right], nodes[left]) { best = right }
            guard Policy.precedes(nodes[best], nodes[parent]) else { break }
            swap(best, parent)
            parent = best
        }
    }

    private mutating func swap(_ i: Int, _ j: Int) {
        nodes.swapAt(i, j)
        Policy.setIndex(i, of: nodes[i])
        Policy.setIndex(j, of: nodes[j])
    }
}
