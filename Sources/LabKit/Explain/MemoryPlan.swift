/// How many records of one layout fit in a container, and how to shard a batch that does not.
/// One model, shared by `explain memory` and (later) the emulated batch container.
public struct MemoryPlan: Sendable, Hashable {
    public var limit: DataSize
    public var layout: RecordLayout
    /// The share of the limit really available to records (runtime, GC headroom, buffers take the rest).
    public var efficiency: ClosedRange<Double>
    public var totalRecords: Int?
    public var command: String

    public init(limit: DataSize, layout: RecordLayout, efficiency: ClosedRange<Double> = 0.7...0.8,
                totalRecords: Int? = nil, command: String = "./your-batch-binary") {
        self.limit = limit
        self.layout = layout
        self.efficiency = efficiency
        self.totalRecords = totalRecords
        self.command = command
    }

    public var recordSize: Int { layout.recordSize }

    /// limit ÷ record size, rounded down: the ceiling no real program reaches.
    public var theoreticalRecords: Int { limit.bytes / recordSize }

    public func usableRecords(at efficiency: Double) -> Int {
        Int((Double(theoreticalRecords) * efficiency).rounded(.down))
    }

    public var usableRange: ClosedRange<Int> {
        usableRecords(at: efficiency.lowerBound)...usableRecords(at: efficiency.upperBound)
    }

    /// Shards needed so each one fits even at the lowest efficiency.
    public var shardCount: Int? {
        guard let total = totalRecords else { return nil }
        let perShard = usableRange.lowerBound
        guard perShard > 0 else { return nil }
        return max(1, (total + perShard - 1) / perShard)
    }

    public var recordsPerShard: Int? {
        guard let total = totalRecords, let shards = shardCount else { return nil }
        return (total + shards - 1) / shards
    }

    /// The most commands listed one by one; past it the middle is one comment line. A plan may
    /// need billions of shards (10^15 records in 1 MB), and listing them all never ends.
    public static let maximumListedShards = 20

    /// One command line per shard: each container takes the IDs with `id % divisor == mod`.
    public var shardCommands: [String] {
        guard let shards = shardCount else { return [] }
        let line = { (mod: Int) in "\(command) --user-id-mod=\(mod) --divisor=\(shards)" }
        guard shards > Self.maximumListedShards else { return (0..<shards).map(line) }
        return (0..<3).map(line) + ["# … --user-id-mod=3 to \(shards - 2) likewise …", line(shards - 1)]
    }
}
