import Foundation

/// The inputs of a memory explanation as written (in a lab block or on the command line),
/// turned into a plan with one message per bad input.
public struct MemoryPlanInput: Sendable, Hashable {
    public var limit: String?
    public var record: String?
    public var efficiency: String?
    public var records: String?
    public var command: String?

    public init(limit: String? = nil, record: String? = nil, efficiency: String? = nil,
                records: String? = nil, command: String? = nil) {
        self.limit = limit
        self.record = record
        self.efficiency = efficiency
        self.records = records
        self.command = command
    }

    public static let keys = ["limit", "record", "efficiency", "records", "command"]

    /// The largest memory limit a plan takes (1 PiB).
    public static let maximumLimit = DataSize(bytes: 1 << 50)

    /// The most records a plan takes (10^15), so shard arithmetic cannot overflow.
    public static let maximumRecords = 1_000_000_000_000_000

    /// A problem with one input; `key` names it so a lab parser can point at its line.
    public struct Problem: Sendable, Hashable {
        public var key: String
        public var message: String
    }

    public struct Problems: Error, Sendable, Hashable {
        public var all: [Problem]
    }

    public func plan() -> Result<MemoryPlan, Problems> {
        var problems: [Problem] = []
        var limitSize: DataSize?
        if let limit {
            limitSize = DataSize(parsing: limit)
            if limitSize == nil || limitSize!.bytes == 0 {
                problems.append(.init(key: "limit", message: "'\(limit)' is not a memory size; expected a number and a unit such as 512MiB or 2GiB"))
            } else if limitSize!.bytes > Self.maximumLimit.bytes {
                problems.append(.init(key: "limit", message: "'\(limit)' is more than handson models (at most \(Self.maximumLimit))"))
            }
        } else {
            problems.append(.init(key: "limit", message: "missing 'limit' (the container's memory limit, e.g. 512MiB)"))
        }
        var layout: RecordLayout?
        if let record {
            switch RecordLayout.parse(record) {
            case .success(let l): layout = l
            case .failure(let e): problems.append(.init(key: "record", message: e.message))
            }
        } else {
            problems.append(.init(key: "record", message: "missing 'record' (fields such as 'ID:int64, Name:string(20)')"))
        }
        var range: ClosedRange<Double> = 0.7...0.8
        if let efficiency {
            if let parsed = Self.parseEfficiency(efficiency) {
                range = parsed
            } else {
                problems.append(.init(key: "efficiency", message: "'\(efficiency)' is not an efficiency; expected a fraction or range such as 0.75 or 0.7-0.8 (or 70%-80%)"))
            }
        }
        var total: Int?
        if let records {
            let digits = records.filter { $0 != "," && $0 != "_" }.trimmingCharacters(in: .whitespaces)
            if let n = Int(digits), n > 0, n <= Self.maximumRecords {
                total = n
            } else {
                problems.append(.init(key: "records", message: "'\(records)' is not a positive whole number of records of at most \(Self.maximumRecords)"))
            }
        }
        if let command, command.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(.init(key: "command", message: "'command' is empty"))
        }
        if let limitSize, let layout, problems.isEmpty {
            if layout.recordSize > limitSize.bytes {
                return .failure(Problems(all: [.init(key: "record", message: "one record (\(layout.recordSize) B) is larger than the limit (\(limitSize))")]))
            }
            return .success(MemoryPlan(limit: limitSize, layout: layout, efficiency: range, totalRecords: total,
                                       command: command ?? "./your-batch-binary"))
        }
        return .failure(Problems(all: problems))
    }

    /// `0.75`, `0.7-0.8`, `70%`, `70%-80%`, `70-80%`
    static func parseEfficiency(_ text: String) -> ClosedRange<Double>? {
        let t = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "–", with: "-")
        let percent = t.contains("%")
        let parts = t.replacingOccurrences(of: "%", with: "").split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let values = parts.compactMap { Double($0) }.map { percent ? $0 / 100 : $0 }
        guard values.count == parts.count, let low = values.first, let high = values.last,
              low > 0, high <= 1, low <= high else { return nil }
        return low...high
    }
}
