import Foundation
import GFM

/// Parses a lab file into a `Lab`, collecting every diagnostic instead of stopping at the
/// first one; never traps on bad input.
public enum LabParser {
    public struct Result: Sendable {
        /// Nil when the front matter is unusable; the diagnostics say why.
        public var lab: Lab?
        public var diagnostics: [Diagnostic]
    }

    public static func parse(_ text: String, file: String) -> Result {
        var state = ParseState(file: file)
        let split = FrontMatterSplit.split(text)
        var body = text
        var metadata: LabMetadata?
        switch split {
        case .failure(.missing):
            state.error(state.at(1, 1), "expected YAML front matter: a '---' line, then \(MetadataParser.keys.joined(separator: ", ")), then '---'")
        case .failure(.unterminated(let line)):
            state.error(state.at(line, 1), "the front matter opened here is never closed with a '---' line")
        case .success(let fm):
            body = fm.body
            var meta = MetadataParser(source: YAMLSource(file: file, firstLine: fm.yamlFirstLine, columnOffset: 0))
            metadata = meta.parse(fm.yaml, fileStart: state.at(1, 1))
            state.diagnostics += meta.diagnostics
        }
        state.lines = body.splitLines()
        state.language = metadata?.lang ?? "en"
        let document = MarkdownParser.parse(body)
        let (introduction, steps) = state.sections(of: document)
        if steps.isEmpty {
            state.diagnostics.append(Diagnostic(.warning, state.at(1, 1), "the lab has no steps; each '## ' heading starts one"))
        }
        if let metadata { state.checkFileName(metadata) }
        let lab = metadata.map { Lab(metadata: $0, file: file, introduction: introduction, steps: steps) }
        return Result(lab: lab, diagnostics: state.diagnostics.inSourceOrder)
    }

    public static func parse(contentsOf path: String) -> Result {
        guard let data = FileManager.default.contents(atPath: path) else {
            return Result(lab: nil, diagnostics: [Diagnostic(.error, SourceLocation(file: path, line: 1, column: 1), "cannot read the file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return Result(lab: nil, diagnostics: [Diagnostic(.error, SourceLocation(file: path, line: 1, column: 1), "the file is not UTF-8 text")])
        }
        return parse(text, file: path)
    }
}

/// The walk over one file's Markdown: splits it into steps and classifies their blocks.
struct ParseState {
    var file: String
    var lines: [String] = []
    var language = "en"
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    mutating func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.error, location, message))
    }

    /// Source text of lines `from...to` (1-based, inclusive).
    func text(from: Int, to: Int) -> String {
        // `from` may lie past the last line (a block's next line when the block ends the file).
        let end = min(to, lines.count)
        guard from >= 1, from - 1 < end else { return "" }
        return lines[(from - 1)..<end].joined(separator: "\n")
    }

    mutating func sections(of document: MarkdownNode) -> (String, [Step]) {
        let blocks = document.children
        let headingIndices = blocks.indices.filter {
            if case .heading(2) = blocks[$0].kind { return true } else { return false }
        }
        let introEnd = headingIndices.first.map { blocks[$0].line - 1 } ?? lines.count
        let introduction = text(from: 1, to: introEnd).trimmingNewlines()
        var steps: [Step] = []
        var seenIds: [String: Int] = [:]
        for (n, index) in headingIndices.enumerated() {
            let heading = blocks[index]
            let nextIndex = n + 1 < headingIndices.count ? headingIndices[n + 1] : blocks.count
            let endLine = nextIndex < blocks.count ? blocks[nextIndex].line - 1 : lines.count
            var step = makeStep(heading: heading, number: n + 1, blocks: Array(blocks[(index + 1)..<nextIndex]), endLine: endLine)
            if let first = seenIds[step.id] {
                error(step.location, "duplicate step id '\(step.id)' (the step at line \(first) has it too); reword the heading or give it '<!-- id: … -->'")
                step.id += "-\(step.number)"
            } else {
                seenIds[step.id] = heading.line
            }
            steps.append(step)
        }
        return (introduction, steps)
    }

    private mutating func makeStep(heading: MarkdownNode, number: Int, blocks: [MarkdownNode], endLine: Int) -> Step {
        let location = at(heading.line, heading.column)
        let title = heading.children.filter {
            if case .htmlInline = $0.kind { return false } else { return true }
        }.map(\.plainText).joined().trimmingCharacters(in: .whitespaces)
        var id = Slug.make(title)
        for case .htmlInline(let html) in heading.children.map(\.kind) {
            if let explicit = NativePatterns.stepIdComment(html) { id = explicit }
        }
        if title.isEmpty { error(location, "a step heading needs a title") }
        var step = Step(id: id, title: title, number: number, location: location,
                        markdown: text(from: heading.line + 1, to: endLine).trimmingNewlines())
        var walker = StepBlockWalker(state: self, step: step)
        walker.walk(blocks, endLine: endLine)
        self = walker.state
        step = walker.step
        if step.checks.isEmpty {
            diagnostics.append(Diagnostic(.warning, location, "step \(number) '\(title)' has no checks, so nothing can tell the learner it is done"))
        }
        for attempt in step.mistakes {
            if let name = attempt.caughtBy, !step.checks.contains(where: { $0.name == name }) {
                error(attempt.location, "caught-by names '\(name)', which is not one of this step's assertions: \(step.checks.map { "'\($0.name)'" }.joined(separator: ", "))")
            }
        }
        return step
    }

    mutating func checkFileName(_ metadata: LabMetadata) {
        let name = (file as NSString).lastPathComponent
        guard name.hasSuffix(".md") else { return }
        let stem = String(name.dropLast(3))
        let expected = [metadata.id, "\(metadata.id).\(metadata.lang)"]
        let parts = stem.split(separator: ".")
        if parts.count == 2, parts[0] == metadata.id, parts[1] != metadata.lang {
            error(at(1, 1), "the file name says language '\(parts[1])' but the front matter says lang '\(metadata.lang)'")
        } else if !expected.contains(stem) {
            error(at(1, 1), "the file is named '\(name)' but its id is '\(metadata.id)'; name it '\(metadata.id).md' (or '\(metadata.id).\(metadata.lang).md' for a translation)")
        }
    }
}
