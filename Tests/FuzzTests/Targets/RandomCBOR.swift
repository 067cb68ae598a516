import Foundation
@testable import AWSWire

/// Random CBOR items, and edits of decoded ones that keep the encoding well formed but the
/// content surprising (other major types, tags, huge integers, non-text keys, deep nesting).
enum RandomCBOR {
    static func value(_ rng: inout FuzzRNG, depth: Int = 0) -> CBORValue {
        switch rng.below(depth >= 4 ? 11 : 14) {
        case 0: return .unsigned(rng.pick([0, 23, 24, 255, 65_536, UInt64(Int64.max), UInt64.max, rng.next()]))
        case 1: return .negative(rng.pick([0, 1, UInt64(Int64.max), UInt64.max, rng.next()]))
        case 2: return .bytes(Data((0..<rng.below(16)).map { _ in UInt8.random(in: 0...255, using: &rng) }))
        case 3, 4: return .text(RandomJSON.string(&rng))
        case 5: return .bool(rng.oneIn(2))
        case 6: return rng.oneIn(2) ? .null : .undefined
        case 7: return .simple(UInt8.random(in: 0...255, using: &rng))
        case 8: return .float(rng.pick([Float.nan, .infinity, -0.0, 1.5, .greatestFiniteMagnitude]))
        case 9: return .double(rng.pick([Double.nan, -.infinity, 1e300, Double.leastNonzeroMagnitude, 9.3e18, 1.5]))
        case 10: return .tagged(rng.pick([0, 1, 2, 4, 55799, UInt64.max]), value(&rng, depth: 4))
        case 11: return .array((0..<rng.below(4)).map { _ in value(&rng, depth: depth + 1) })
        case 12: return .map((0..<rng.below(4)).map { _ in CBORMapEntry(.text(rng.pick(RandomJSON.keys)), value(&rng, depth: depth + 1)) })
        default: return .map([CBORMapEntry(value(&rng, depth: 4), value(&rng, depth: depth + 1))])
        }
    }

    static func mutate(_ value: CBORValue, _ rng: inout FuzzRNG, depth: Int = 0) -> CBORValue {
        if depth < 6, rng.below(3) != 0 {
            switch value {
            case .map(var entries) where !entries.isEmpty:
                let index = rng.below(entries.count)
                switch rng.below(5) {
                case 0: entries.remove(at: index)
                case 1: entries.append(entries[index])  // a duplicate key
                default: entries[index].value = mutate(entries[index].value, &rng, depth: depth + 1)
                }
                return .map(entries)
            case .array(var items) where !items.isEmpty:
                let index = rng.below(items.count)
                items[index] = mutate(items[index], &rng, depth: depth + 1)
                return .array(items)
            case .tagged(let tag, let inner):
                return .tagged(tag, mutate(inner, &rng, depth: depth + 1))
            default: break
            }
        }
        if rng.oneIn(8) {
            var nested = value
            for _ in 0..<rng.pick([50, 300]) { nested = .array([nested]) }
            return nested
        }
        return self.value(&rng, depth: depth)
    }
}
