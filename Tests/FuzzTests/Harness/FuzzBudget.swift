import Foundation

/// How long each target runs, from the environment (the long run sets it; CI keeps the defaults):
/// - `HANDSON_FUZZ_INPUTS`: inputs per target (0: no count limit); default: the target's own CI count.
/// - `HANDSON_FUZZ_SECONDS`: wall-clock seconds per target; default 2.5, so CI stays short on a slow machine.
/// - `HANDSON_FUZZ_SEED`: the base seed (decimal or 0x hex); default fixed, so CI runs reproduce.
/// - `HANDSON_FUZZ_REPLAY=TARGET:SEED`: run only that target's one input and print it.
/// - `HANDSON_FUZZ_HANG_SECONDS`: one call longer than this aborts the run, naming the input (default 30).
/// - `HANDSON_FUZZ_SLOW_SECONDS`: one call longer than this fails the test (default 2).
/// - `HANDSON_FUZZ_MAX_RSS_MIB`: resident memory above this aborts the run, naming the inputs (default 4096).
/// - `HANDSON_FUZZ_MIN_INPUTS`: inputs each target runs even when its seconds are up (default 50).
struct FuzzBudget: Sendable {
    var inputs: Int?
    var seconds: Double
    var seed: UInt64
    var replay: (target: String, seed: UInt64)?
    var hangSeconds: Double
    var slowSeconds: Double
    var maxResidentMiB: Int
    /// Inputs every target runs even past its seconds (`HANDSON_FUZZ_MIN_INPUTS`, default 50).
    var minimumInputs = 50

    /// The slow limit for a call ending now: `slowSeconds` on an idle machine, stretched by
    /// how many runnable tasks share each core (the one-minute load average), so parallel
    /// builds or test suites on a 2-core machine do not turn wall-clock time into a finding.
    var slowLimitNow: Double {
        var load = [0.0, 0.0, 0.0]
        let cores = Double(max(ProcessInfo.processInfo.activeProcessorCount, 1))
        guard getloadavg(&load, 3) >= 1 else { return slowSeconds }
        return slowSeconds * max(1, load[0] / cores)
    }

    static let defaultSeed: UInt64 = 0x4841_4E44_534F_4E11  // "HANDSON" + issue 11

    static let current: FuzzBudget = {
        let env = ProcessInfo.processInfo.environment
        func number(_ key: String) -> Double? { env[key].flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } }
        var replay: (String, UInt64)?
        if let text = env["HANDSON_FUZZ_REPLAY"], let colon = text.lastIndex(of: ":"),
           let seed = parseSeed(String(text[text.index(after: colon)...])) {
            replay = (String(text[..<colon]), seed)
        }
        return FuzzBudget(
            inputs: number("HANDSON_FUZZ_INPUTS").map { Int($0) },
            seconds: number("HANDSON_FUZZ_SECONDS") ?? 2.5,
            seed: env["HANDSON_FUZZ_SEED"].flatMap(parseSeed) ?? defaultSeed,
            replay: replay,
            hangSeconds: number("HANDSON_FUZZ_HANG_SECONDS") ?? 30,
            slowSeconds: number("HANDSON_FUZZ_SLOW_SECONDS") ?? 2,
            maxResidentMiB: number("HANDSON_FUZZ_MAX_RSS_MIB").map { Int($0) } ?? 4096,
            minimumInputs: number("HANDSON_FUZZ_MIN_INPUTS").map { Int($0) } ?? 50)
    }()

    static func parseSeed(_ text: String) -> UInt64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed.hasPrefix("0x") { return UInt64(trimmed.dropFirst(2), radix: 16) }
        return UInt64(trimmed)
    }

    /// The inputs a target runs: its CI count unless the environment says otherwise (0 = unbounded).
    func inputLimit(ciDefault: Int) -> Int {
        guard let inputs else { return ciDefault }
        return inputs <= 0 ? Int.max : inputs
    }
}
