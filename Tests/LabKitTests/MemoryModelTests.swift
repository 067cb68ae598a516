import Testing
@testable import LabKit

@Suite struct MemoryModelTests {
    static let seedRecord = "ID:int64, Name:string(20), Age:int64"

    @Test func theSeedsWorkedExample() throws {
        let plan = try MemoryPlanInput(limit: "512MiB", record: Self.seedRecord, efficiency: "0.7-0.8", records: "20000000").plan().get()
        #expect(plan.limit.bytes == 536_870_912)
        #expect(plan.recordSize == 52)
        #expect(plan.theoreticalRecords == 10_324_440)
        #expect(plan.usableRange == 7_227_108...8_259_552)
        #expect(plan.shardCount == 3)
        #expect(plan.recordsPerShard == 6_666_667)
        #expect(plan.shardCommands == [
            "./your-batch-binary --user-id-mod=0 --divisor=3",
            "./your-batch-binary --user-id-mod=1 --divisor=3",
            "./your-batch-binary --user-id-mod=2 --divisor=3",
        ])
    }

    /// Found by fuzzing: 10^15 records of 8 B in 1.5 MB need ~7·10^9 shards, and listing a command
    /// for each ran out of memory. Past 20 shards the middle is one comment line.
    @Test func manyShardsAreListedShortly() throws {
        let plan = try MemoryPlanInput(limit: "1.5MB", record: "F0:int64", records: "1000000000000000").plan().get()
        let shards = try #require(plan.shardCount)
        #expect(shards > 1_000_000_000)
        #expect(plan.shardCommands.count == 5)
        #expect(plan.shardCommands.last == "./your-batch-binary --user-id-mod=\(shards - 1) --divisor=\(shards)")
        #expect(MemoryExplanation(plan: plan).markdown.contains("# … --user-id-mod=3 to \(shards - 2) likewise …"))
    }

    @Test func explanationShowsTheSeedsFigures() throws {
        let plan = try MemoryPlanInput(limit: "512MiB", record: Self.seedRecord, records: "20000000").plan().get()
        let en = MemoryExplanation(plan: plan).markdown
        for figure in ["536,870,912 ÷ 52 ≈ **10,324,440 records**", "7,227,108 – 8,259,552", "about 7.2–8.3 million",
                       "**3 shards**", "--user-id-mod=2 --divisor=3", "**52 B**"] {
            #expect(en.contains(figure), "missing \(figure) in\n\(en)")
        }
        let ja = MemoryExplanation(plan: plan, language: "ja").markdown
        #expect(ja.contains("約723万〜826万件"))
        #expect(ja.contains("**3 分割**"))
    }

    @Test func goAlignmentInsertsPadding() throws {
        // bool at 0, int64 aligned to 8, int32 at 16, bool at 20, struct padded to 24.
        let layout = try RecordLayout.parse("A:bool, B:int64, C:int32, D:bool").get()
        #expect(layout.fields.map(\.offset) == [0, 8, 16, 20])
        #expect(layout.fields.map(\.paddingBefore) == [0, 7, 0, 0])
        #expect(layout.structSize == 24)
        #expect(layout.trailingPadding == 3)
        #expect(layout.recordSize == 24)
    }

    @Test func slicesCarryAHeaderAndTheirElements() throws {
        let layout = try RecordLayout.parse("Tags:[]string(10)*3, Scores:[]int32*4").get()
        #expect(layout.structSize == 48)
        #expect(layout.outOfLineSize == 3 * (16 + 10) + 4 * 4)
    }

    @Test(arguments: [
        ("512MiB", 536_870_912), ("512 MB", 536_870_912), ("1GiB", 1 << 30), ("1.5KiB", 1536),
        ("2tb", 2 << 40), ("1024", 1024), ("8 B", 8),
    ])
    func dataSizesParseAs1024Based(text: String, bytes: Int) {
        #expect(DataSize(parsing: text)?.bytes == bytes)
    }

    @Test func badSizesAreRejected() {
        for text in ["lots", "", "12 parsecs", "0.3B", "-1MiB"] {
            #expect(DataSize(parsing: text) == nil, "\(text)")
        }
        #expect(DataSize(bytes: 536_870_912).description == "512 MiB")
        #expect(DataSize(bytes: 1000).description == "1000 B")
    }

    @Test func badInputsAreReportedPerKey() {
        guard case .failure(let problems) = MemoryPlanInput(limit: "x", record: "ID:int65", efficiency: "1.5", records: "-3").plan() else {
            Issue.record("expected failure")
            return
        }
        #expect(Set(problems.all.map(\.key)) == ["limit", "record", "efficiency", "records"])
        #expect(problems.all.first { $0.key == "record" }?.message.contains("unknown type 'int65'") == true)
    }

    @Test func efficiencyAcceptsFractionsPercentsAndRanges() {
        #expect(MemoryPlanInput.parseEfficiency("0.75") == 0.75...0.75)
        #expect(MemoryPlanInput.parseEfficiency("70%-80%") == 0.7...0.8)
        #expect(MemoryPlanInput.parseEfficiency("0.8-0.7") == nil)
        #expect(MemoryPlanInput.parseEfficiency("0") == nil)
    }

    @Test func aRecordLargerThanTheLimitIsAnError() {
        guard case .failure(let p) = MemoryPlanInput(limit: "8B", record: "A:string(100)").plan() else {
            Issue.record("expected failure")
            return
        }
        #expect(p.all.first?.message.contains("larger than the limit") == true)
    }

    @Test(arguments: [
        ("A:string(9223372036854775807)", "record"),
        ("A:[]int64*2000000000000000000", "record"),
        ("A:[][][]string(1099511627776)*1099511627776*1099511627776*1099511627776", "record"),
        ("A:[]string(1099511627776)*1099511627776, B:[]string(1099511627776)*1099511627776", "record"),
    ])
    func hugeRecordsAreProblemsNotOverflows(record: String, key: String) {
        guard case .failure(let problems) = MemoryPlanInput(limit: "512MiB", record: record, records: "10").plan() else {
            Issue.record("expected failure for \(record)")
            return
        }
        #expect(problems.all.map(\.key) == [key])
    }

    @Test func hugeLimitsAndCountsAreProblemsNotOverflows() {
        guard case .failure(let problems) = MemoryPlanInput(limit: "8000000TiB", record: "A:int64",
                                                              records: "9223372036854775807").plan() else {
            Issue.record("expected failure")
            return
        }
        #expect(Set(problems.all.map(\.key)) == ["limit", "records"])
        // The largest accepted inputs still compute a plan without trapping.
        let plan = try? MemoryPlanInput(limit: "1024TiB", record: "A:bool", records: String(MemoryPlanInput.maximumRecords)).plan().get()
        #expect(plan?.shardCount == 2)  // 2^50 one-byte records at 70% hold 7.9e14 each
    }
}
