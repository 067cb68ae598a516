import Foundation

/// A memory size in bytes, parsed from `512MiB`, `512 MB`, `0.5GiB` or `536870912`.
/// Decimal-looking units (KB, MB…) are 1024-based here, as the course's notes use them.
public struct DataSize: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var bytes: Int

    public init(bytes: Int) { self.bytes = bytes }

    static let units: [(names: [String], factor: Int)] = [
        (["b", "byte", "bytes"], 1),
        (["k", "kb", "kib"], 1 << 10),
        (["m", "mb", "mib"], 1 << 20),
        (["g", "gb", "gib"], 1 << 30),
        (["t", "tb", "tib"], 1 << 40),
    ]

    /// Parses a size; returns nil with no partial guesses, so the caller can report the input.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let numberPart = trimmed.prefix { $0.isNumber || $0 == "." || $0 == "_" || $0 == "," }
        let unitPart = trimmed.dropFirst(numberPart.count).trimmingCharacters(in: .whitespaces).lowercased()
        let digits = numberPart.filter { $0 != "_" && $0 != "," }
        guard let value = Double(digits), value >= 0 else { return nil }
        let factor: Int
        if unitPart.isEmpty {
            factor = 1
        } else if let unit = Self.units.first(where: { $0.names.contains(unitPart) }) {
            factor = unit.factor
        } else {
            return nil
        }
        let total = value * Double(factor)
        guard total < Double(Int.max), total == total.rounded(.down) else { return nil }
        self.bytes = Int(total)
    }

    /// The largest binary unit that divides evenly, e.g. `512 MiB`; bytes otherwise.
    public var description: String {
        for (names, factor) in Self.units.reversed() where factor > 1 && bytes >= factor && bytes % factor == 0 {
            return "\(bytes / factor) \(names[2].prefix(1).uppercased())iB"
        }
        return "\(bytes) B"
    }

    public static func < (a: DataSize, b: DataSize) -> Bool { a.bytes < b.bytes }
}
