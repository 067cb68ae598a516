/// Writes a MemoryPlan as Markdown (rendered by the terminal renderer like any lab text),
/// in the lab's language.
public struct MemoryExplanation: Sendable {
    public var plan: MemoryPlan
    public var language: String

    public init(plan: MemoryPlan, language: String = "en") {
        self.plan = plan
        self.language = language
    }

    public var markdown: String {
        let t = Texts(japanese: language == "ja")
        let p = plan
        let g = NumberFormatting.grouped
        var lines: [String] = []
        lines.append("**\(t.title)**")
        lines.append("")
        lines.append("| \(t.field) | \(t.type) | \(t.offset) | \(t.inline) | \(t.outOfLine) |")
        lines.append("|---|---|--:|--:|--:|")
        for field in p.layout.fields {
            if field.paddingBefore > 0 {
                lines.append("| *\(t.padding)* | | | \(field.paddingBefore) B | |")
            }
            let outside = field.type.outOfLineSize
            lines.append("| \(field.name) | `\(field.type)` | \(field.offset) | \(field.type.inlineSize) B | \(outside > 0 ? "\(outside) B" : "") |")
        }
        if p.layout.trailingPadding > 0 {
            lines.append("| *\(t.padding)* | | | \(p.layout.trailingPadding) B | |")
        }
        lines.append("| **\(t.total)** | | | **\(p.layout.structSize) B** | **\(p.layout.outOfLineSize) B** |")
        lines.append("")
        lines.append("- \(t.recordLine(p.layout.structSize, p.layout.outOfLineSize, p.recordSize))")
        lines.append("- \(t.limitLine(p.limit.description, g(p.limit.bytes)))")
        lines.append("- \(t.theoryLine(g(p.limit.bytes), p.recordSize, g(p.theoreticalRecords)))")
        let range = p.usableRange
        lines.append("- \(t.efficiencyLine(NumberFormatting.percent(p.efficiency.lowerBound), NumberFormatting.percent(p.efficiency.upperBound), g(range.lowerBound), g(range.upperBound), t.approx(range.lowerBound, range.upperBound)))")
        if let total = p.totalRecords, let shards = p.shardCount, let perShard = p.recordsPerShard {
            lines.append("- \(t.shardLine(g(total), shards, g(perShard), NumberFormatting.percent(p.efficiency.lowerBound)))")
            lines.append("")
            lines.append("```sh")
            lines.append(contentsOf: p.shardCommands)
            lines.append("```")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private struct Texts {
        let japanese: Bool
        var title: String { japanese ? "メモリ見積もり" : "Memory sizing" }
        var field: String { japanese ? "フィールド" : "field" }
        var type: String { japanese ? "型" : "type" }
        var offset: String { japanese ? "オフセット" : "offset" }
        var inline: String { japanese ? "構造体内" : "inline" }
        var outOfLine: String { japanese ? "構造体外" : "out of line" }
        var padding: String { japanese ? "パディング" : "padding" }
        var total: String { japanese ? "合計" : "total" }

        func recordLine(_ inline: Int, _ outside: Int, _ record: Int) -> String {
            japanese
                ? "1レコード = 構造体 \(inline) B + 文字列などのデータ \(outside) B = **\(record) B**"
                : "One record = \(inline) B struct + \(outside) B of string and slice data = **\(record) B**"
        }
        func limitLine(_ limit: String, _ bytes: String) -> String {
            japanese ? "コンテナのメモリ上限: \(limit) = \(bytes) バイト" : "Container limit: \(limit) = \(bytes) bytes"
        }
        func theoryLine(_ bytes: String, _ record: Int, _ count: String) -> String {
            japanese
                ? "理論値: \(bytes) ÷ \(record) ≈ **\(count) 件**"
                : "In theory: \(bytes) ÷ \(record) ≈ **\(count) records**"
        }
        func approx(_ low: Int, _ high: Int) -> String {
            japanese
                ? "約\(NumberFormatting.man(low))〜\(NumberFormatting.man(high))件"
                : "about \(NumberFormatting.millions(low))–\(NumberFormatting.millions(high)) million"
        }
        func efficiencyLine(_ low: String, _ high: String, _ a: String, _ b: String, _ approx: String) -> String {
            japanese
                ? "効率 \(low)〜\(high) で実際に載るのは: **\(a)〜\(b) 件**（\(approx)）"
                : "At \(low)–\(high) efficiency: **\(a) – \(b) records** (\(approx))"
        }
        func shardLine(_ total: String, _ shards: Int, _ perShard: String, _ low: String) -> String {
            japanese
                ? "\(total) 件を処理するには **\(shards) 分割**（1コンテナあたり最大 \(perShard) 件、効率 \(low) でも収まる）:"
                : "To process \(total) records: **\(shards) shards** of at most \(perShard) records each (fits even at \(low)):"
        }
    }
}
