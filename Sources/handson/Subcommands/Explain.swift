import ArgumentParser
import LabKit
import TerminalMarkdown

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Computed explanations, as lab ```explain blocks render them.",
        subcommands: [ExplainMemory.self])
}

struct ExplainMemory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "How many records fit in a container's memory, and how to shard a batch that does not fit.",
        discussion: """
            Example (the course's worked example):
              handson explain memory --limit 512MiB --record 'ID:int64,Name:string(20),Age:int64' \\
                --efficiency 0.7-0.8 --records 20000000
            Types: int64 uint64 int uint float64 pointer (8), int32 uint32 float32 rune (4), int16 uint16 (2),
            int8 uint8 byte bool (1), time (24), string(N) (16 + N), []T*N (24 + N elements).
            """)

    @Option(help: "The container's memory limit, e.g. 512MiB, 2GiB.")
    var limit: String

    @Option(help: "The record's fields as Name:type, comma-separated, e.g. 'ID:int64,Name:string(20),Age:int64'.")
    var record: String

    @Option(help: "Share of the limit usable for records: 0.75, or a range 0.7-0.8.")
    var efficiency: String = "0.7-0.8"

    @Option(help: "Total records to process; prints the shards needed and their command lines.")
    var records: String?

    @Option(help: "The batch command to shard.")
    var command: String = "./your-batch-binary"

    @Option(help: "Language of the explanation: en or ja.")
    var lang: String = "en"

    func run() throws {
        let input = MemoryPlanInput(limit: limit, record: record, efficiency: efficiency, records: records, command: command)
        switch input.plan() {
        case .success(let plan):
            let markdown = MemoryExplanation(plan: plan, language: lang).markdown
            Terminal.write(TerminalRenderer(options: Terminal.renderOptions).render(markdown: markdown))
        case .failure(let problems):
            throw CLIError(problems.all.map { "--\($0.key): \($0.message)" }.joined(separator: "\n"))
        }
    }
}
