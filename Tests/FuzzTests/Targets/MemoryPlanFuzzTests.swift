import Foundation
import LabKit
import Testing

/// `explain memory`'s inputs (from a lab block or the command line): random limits, record
/// layouts, efficiencies and counts, at and past every edge; a plan that succeeds is explained.
@Suite("Fuzz: explain memory input")
struct MemoryPlanFuzzTests {
    static let units = ["", "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "KB", "MB", "GB", "k", "m", "g", "iB", " MiB", "mib", "Mi"]
    static let types = ["int8", "int16", "int32", "int64", "uint64", "float32", "float64", "bool", "byte", "rune", "string", "string(20)",
                        "string(0)", "string(-1)", "string(9223372036854775807)", "string(99999999999999999999)", "[]int64", "[]int64*1000",
                        "[]int64*2e18", "[]string(10)*5", "[][]int64*3*3", "map[string]int64", "*int64", "[4]int64", "[9223372036854775807]int64",
                        "struct", "time.Time", "", "int", "uint", "[]byte*-5", "string()", "string(1e3)"]

    @Test func inputs() async {
        await FuzzLane.run { Fuzz.run("explain.memory", ciInputs: 6_000) { rng -> MemoryPlanInput in
            MemoryPlanInput(
                limit: rng.oneIn(10) ? nil : Self.size(&rng),
                record: rng.oneIn(10) ? nil : Self.record(&rng),
                efficiency: rng.oneIn(3) ? nil : Self.efficiency(&rng),
                records: rng.oneIn(4) ? nil : rng.pick(Mutator.numbers + ["1", "1,000,000", "1_000", "10000000", "1000000000000000", "1000000000000001", ""]),
                command: rng.oneIn(2) ? nil : rng.pick(["./run", "", " ", "go run ."]))
        } check: { input in
            switch input.plan() {
            case .success(let plan):
                _ = MemoryExplanation(plan: plan, language: "en").markdown
                _ = MemoryExplanation(plan: plan, language: "ja").markdown
                return .value
            case .failure(let problems):
                if problems.all.isEmpty || problems.all.contains(where: { $0.message.isEmpty }) { Issue.record("a failed plan without a message: \(input)") }
                return .error
            }
        } }
    }

    static func size(_ rng: inout FuzzRNG) -> String {
        let number = rng.oneIn(2) ? rng.pick(Mutator.numbers) : String(rng.int(in: 0...4096))
        return number + rng.pick(units)
    }

    static func record(_ rng: inout FuzzRNG) -> String {
        let fields = (0..<rng.below(6)).map { index in
            let name = rng.oneIn(8) ? rng.pick(["", " ", "1x", "a b", "é"]) : "F\(index)"
            let type = rng.oneIn(6) ? Mutator(dictionary: ["(", ")", "*", "[]", ",", ":"]).mutate(rng.pick(types), rng: &rng) : rng.pick(types)
            return rng.oneIn(12) ? type : "\(name):\(type)"
        }
        return fields.joined(separator: rng.oneIn(10) ? ";" : ", ")
    }

    static func efficiency(_ rng: inout FuzzRNG) -> String {
        let parts = ["0.75", "0.7", "0.8", "1", "0", "-0.5", "1.5", "70%", "80%", "1e308", "NaN", "inf", "", "0.8-0.7", "%"]
        return rng.oneIn(2) ? rng.pick(parts) : "\(rng.pick(parts))-\(rng.pick(parts))"
    }
}
