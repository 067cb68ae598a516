import Foundation
import Testing

/// How one input ended: a value, or a clear error (a thrown error, an error response).
/// Anything else — a trap, a hang, runaway memory — never gets here: `FuzzWatch` reports it.
enum FuzzOutcome { case value, error }

/// What one target's run did, printed as one line that `scripts/fuzz` collects.
struct FuzzReport {
    let target: String
    var inputs = 0
    var values = 0
    var errors = 0
    var seconds = 0.0
    var slowest = 0.0
    var slowestLabel = ""
    var slowCalls: [(label: String, seconds: Double, limit: Double)] = []

    var line: String {
        "fuzz \(target): \(inputs) inputs (\(values) values, \(errors) errors) in \(String(format: "%.1f", seconds)) s, "
            + "base seed 0x\(String(FuzzBudget.current.seed, radix: 16)), slowest \(String(format: "%.1f", slowest * 1000)) ms"
            + (slowestLabel.isEmpty ? "" : " (\(slowestLabel))")
    }

    /// Fails the test on every call over the slow limit (a bounded hang), naming each input.
    func recordIssues() {
        for call in slowCalls.prefix(5) {
            Issue.record("fuzz \(target): input \(call.label) took \(String(format: "%.2f", call.seconds)) s (over \(String(format: "%.1f", call.limit)) s, the limit at the machine's load then); rerun it with HANDSON_FUZZ_REPLAY=\(call.label)")
        }
    }
}

/// The fuzz loop: inputs from per-input seeds, each call timed and watched, until the
/// budget's count or time runs out. One input alone under `HANDSON_FUZZ_REPLAY`.
enum Fuzz {
    @discardableResult
    static func run<Input>(_ target: String, ciInputs: Int,
                           generate: (inout FuzzRNG) -> Input,
                           describe: (Input) -> String = { "\($0)" },
                           check: (Input) throws -> FuzzOutcome) -> FuzzReport {
        var report = FuzzReport(target: target)
        let slot = FuzzWatch.claim()
        defer { FuzzWatch.release(slot) }
        forEachSeed(target, ciInputs: ciInputs, report: &report) { label, seed, replaying in
            var rng = FuzzRNG(seed: seed)
            let input = generate(&rng)
            if replaying { FileHandle.standardError.write(Data("fuzz replay \(label): \(describe(input))\n".utf8)) }
            FuzzWatch.begin(slot, label: label)
            defer { FuzzWatch.end(slot) }
            let callStart = Date()
            let outcome: FuzzOutcome
            do { outcome = try check(input) } catch { outcome = .error }
            return (outcome, Date().timeIntervalSince(callStart))
        }
        finish(report)
        return report
    }

    /// The same loop for async calls (the in-process server).
    @discardableResult
    static func runAsync<Input>(_ target: String, ciInputs: Int,
                                generate: (inout FuzzRNG) -> Input,
                                describe: (Input) -> String = { "\($0)" },
                                check: (Input) async throws -> FuzzOutcome) async -> FuzzReport {
        var report = FuzzReport(target: target)
        let slot = FuzzWatch.claim()
        defer { FuzzWatch.release(slot) }
        let budget = FuzzBudget.current
        let limit = budget.inputLimit(ciDefault: ciInputs)
        let started = Date()
        var index = 0
        while true {
            guard let (label, seed, replaying) = next(target, budget: budget, index: index, limit: limit, started: started) else { break }
            var rng = FuzzRNG(seed: seed)
            let input = generate(&rng)
            if replaying { FileHandle.standardError.write(Data("fuzz replay \(label): \(describe(input))\n".utf8)) }
            FuzzWatch.begin(slot, label: label)
            let callStart = Date()
            let outcome: FuzzOutcome
            do { outcome = try await check(input) } catch { outcome = .error }
            FuzzWatch.end(slot)
            tally(&report, outcome: outcome, label: label, seconds: Date().timeIntervalSince(callStart))
            index += 1
            if replaying { break }
        }
        report.seconds = Date().timeIntervalSince(started)
        finish(report)
        return report
    }

    private static func forEachSeed(_ target: String, ciInputs: Int, report: inout FuzzReport,
                                    _ body: (String, UInt64, Bool) -> (FuzzOutcome, TimeInterval)) {
        let budget = FuzzBudget.current
        let limit = budget.inputLimit(ciDefault: ciInputs)
        let started = Date()
        var index = 0
        while let (label, seed, replaying) = next(target, budget: budget, index: index, limit: limit, started: started) {
            let (outcome, seconds) = body(label, seed, replaying)
            tally(&report, outcome: outcome, label: label, seconds: seconds)
            index += 1
            if replaying { break }
        }
        report.seconds = Date().timeIntervalSince(started)
    }

    /// The next input's label and seed, or nil when the budget is spent.
    private static func next(_ target: String, budget: FuzzBudget, index: Int, limit: Int,
                             started: Date) -> (String, UInt64, Bool)? {
        if let replay = budget.replay {
            guard replay.target == target, index == 0 else { return nil }
            return ("\(target):0x\(String(replay.seed, radix: 16))", replay.seed, true)
        }
        // The first `minimumInputs` run whatever the clock says: on a loaded CI machine a target still tries some.
        guard index < limit, index < min(limit, budget.minimumInputs) || Date().timeIntervalSince(started) < budget.seconds else { return nil }
        let seed = FuzzRNG.inputSeed(base: budget.seed, target: target, index: index)
        return ("\(target):0x\(String(seed, radix: 16))", seed, false)
    }

    private static func tally(_ report: inout FuzzReport, outcome: FuzzOutcome, label: String, seconds: Double) {
        report.inputs += 1
        switch outcome {
        case .value: report.values += 1
        case .error: report.errors += 1
        }
        if seconds > report.slowest {
            report.slowest = seconds
            report.slowestLabel = label
        }
        let limit = FuzzBudget.current.slowLimitNow
        if seconds > limit { report.slowCalls.append((label, seconds, limit)) }
    }

    private static func finish(_ report: FuzzReport) {
        print(report.line)
        report.recordIssues()
    }
}
