import Foundation
import GFM
import TerminalMarkdown
import Yams

/// Turns a lab (or one step) into terminal text: checks listed by name, explanations
/// computed, hints and solutions folded away behind the commands that reveal them.
public struct LabPresenter: Sendable {
    public var options: RenderOptions

    public init(options: RenderOptions) {
        self.options = options
    }

    public func render(_ lab: Lab, step number: Int? = nil) -> String {
        let words = PresenterWords(language: lab.metadata.lang)
        var markdown: [String] = []
        let meta = lab.metadata
        let services = meta.services.isEmpty ? words.noServices : meta.services.joined(separator: ", ")
        let header = "*\(words.level(meta.level)) · \(words.minutes(meta.minutes)) · \(services)*"
        if let number {
            let step = lab.steps[number - 1]
            markdown.append("# \(lab.title)")
            markdown.append(header)
            markdown.append(stepMarkdown(step, of: lab.steps.count, words: words))
        } else {
            // The introduction's own `# ` title, if it has one, stands in for the lab's.
            var introduction = Substring(lab.introduction)
            if introduction.hasPrefix("# ") {
                let titleLine = introduction.prefix { $0 != "\n" }
                markdown.append(String(titleLine))
                introduction = introduction.dropFirst(titleLine.count)
            } else {
                markdown.append("# \(lab.title)")
            }
            markdown.append(header)
            let rest = introduction.trimmingCharacters(in: .newlines)
            if !rest.isEmpty { markdown.append(rest) }
            for step in lab.steps {
                markdown.append(stepMarkdown(step, of: lab.steps.count, words: words))
            }
        }
        return renderer(words: words, language: meta.lang).render(markdown: markdown.joined(separator: "\n\n"))
    }

    /// The lab's title, header line and introduction (what precedes step 1).
    public func renderIntroduction(_ lab: Lab) -> String {
        let words = PresenterWords(language: lab.metadata.lang)
        let meta = lab.metadata
        let services = meta.services.isEmpty ? words.noServices : meta.services.joined(separator: ", ")
        var introduction = lab.introduction.trimmingCharacters(in: .newlines)
        if !introduction.hasPrefix("# ") { introduction = "# \(lab.title)\n\n" + introduction }
        let firstLineEnd = introduction.firstIndex(of: "\n") ?? introduction.endIndex
        let markdown = String(introduction[..<firstLineEnd]) + "\n\n*\(words.level(meta.level)) · \(words.minutes(meta.minutes)) · \(services)*"
            + String(introduction[firstLineEnd...])
        return renderer(words: words, language: meta.lang).render(markdown: markdown)
    }

    private func stepMarkdown(_ step: Step, of total: Int, words: PresenterWords) -> String {
        "## \(words.stepHeading(step.number, total, step.title))\n\n\(step.markdown)"
    }

    /// The renderer with this product's hooks for lab-specific blocks.
    func renderer(words: PresenterWords, language: String) -> TerminalRenderer {
        TerminalRenderer(
            options: options,
            codeBlock: { info, literal in
                Self.codeBlock(info: info, literal: literal, words: words, language: language)
            },
            details: { summary in
                switch DetailsTag.role(ofSummary: summary) {
                case .hint: return .collapsed(words.hintFolded)
                case .solution: return .collapsed(words.solutionFolded)
                // Folded under their own summary, as GitHub shows them: read when wanted.
                case .mistake, .alternative: return .collapsed(summary)
                case .other: return .expanded
                }
            })
    }

    static func codeBlock(info: String, literal: String, words: PresenterWords, language: String) -> CodeBlockRendering {
        guard case .success(let fence) = FenceInfo.parse(info) else { return .standard }
        if fence.language == "explain", fence.words.first == "memory" {
            guard let plan = memoryPlan(fromYAML: literal) else { return .standard }
            return .markdown(MemoryExplanation(plan: plan, language: language).markdown)
        }
        if fence.has("check") {
            guard let node = try? Yams.compose(yaml: literal), case .sequence(let items) = node else { return .standard }
            let names = items.compactMap { $0.mapping?["name"]?.string }
            return .markdown("**\(words.checksTitle)**\n\n" + names.map { "- [ ] \($0)" }.joined(separator: "\n"))
        }
        if let path = fence.attributes["file"] {
            let fenceMarks = String(repeating: "`", count: max(3, Self.longestBacktickRun(in: literal) + 1))
            return .markdown("\(words.fileIntro(path))\n\n\(fenceMarks)\(fence.language)\n\(literal)\(fenceMarks)")
        }
        return .standard
    }

    static func memoryPlan(fromYAML yaml: String) -> MemoryPlan? {
        guard let node = try? Yams.compose(yaml: yaml), let map = node.mapping else { return nil }
        let input = MemoryPlanInput(limit: map["limit"]?.string, record: map["record"]?.string,
                                    efficiency: map["efficiency"]?.string, records: map["records"]?.string,
                                    command: map["command"]?.string)
        return try? input.plan().get()
    }

    private static func longestBacktickRun(in text: String) -> Int {
        var longest = 0, current = 0
        for ch in text {
            current = ch == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}
