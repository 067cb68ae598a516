import Foundation
import GFM

/// Walks one step's blocks in order, tracking which `<details>` block (hint, solution) each
/// one sits in, and turns code blocks into commands, files, checks and explanations.
struct StepBlockWalker {
    var state: ParseState
    var step: Step

    /// An open `<details>`: its role and where its content starts.
    private struct OpenDetails {
        var role: DetailsTag.Role
        var location: SourceLocation
        var contentStartLine: Int
        var inlineContent: String?
        var awaitingSummary: Bool
        var summary: String?
        /// What a Common mistake or Another way block runs instead of the solution.
        var commands: [CommandBlock] = []
        var files: [FileBlock] = []

        var isAttempt: Bool { role == .mistake || role == .alternative }
    }
    private var open: [OpenDetails] = []

    init(state: ParseState, step: Step) {
        self.state = state
        self.step = step
    }

    private var inSolution: Bool { open.contains { $0.role == .solution } }

    mutating func walk(_ blocks: [MarkdownNode], endLine: Int) {
        for block in blocks {
            if case .htmlBlock(let html) = block.kind {
                handleHTML(html, block: block)
            } else {
                visit(block)
            }
        }
        for details in open {
            state.error(details.location, "this <details> block is never closed with </details>")
            finish(details, endLine: endLine)
        }
        open.removeAll()
    }

    private mutating func handleHTML(_ html: String, block: MarkdownNode) {
        let tag = DetailsTag(html: html)
        if tag.opens == 0, let summary = tag.summary, let last = open.indices.last, open[last].awaitingSummary {
            open[last].role = DetailsTag.role(ofSummary: summary)
            open[last].summary = summary
            open[last].awaitingSummary = false
            open[last].contentStartLine = block.endLine + 1
        }
        if tag.opens > 0 {
            open.append(OpenDetails(
                role: tag.summary.map(DetailsTag.role(ofSummary:)) ?? .other,
                location: state.at(block.line, block.column),
                contentStartLine: block.endLine + 1,
                inlineContent: tag.inlineContent,
                awaitingSummary: tag.summary == nil,
                summary: tag.summary))
        }
        for _ in 0..<tag.closes {
            guard let details = open.popLast() else {
                state.error(state.at(block.line, block.column), "</details> without a matching <details>")
                continue
            }
            finish(details, endLine: tag.opens > 0 && tag.closes > 0 ? block.endLine : block.line - 1)
        }
    }

    private mutating func finish(_ details: OpenDetails, endLine: Int) {
        var content = state.text(from: details.contentStartLine, to: endLine)
            .trimmingWhitespace()
        if let inline = details.inlineContent { content = inline }
        switch details.role {
        case .hint:
            if content.isEmpty {
                state.error(details.location, "this hint is empty; write the hint between <summary>…</summary> and </details>, with blank lines around it")
            } else {
                step.hints.append(Hint(markdown: content, location: details.location))
            }
        case .solution:
            step.solutionMarkdown = content
        case .mistake, .alternative:
            finishAttempt(details, content: content)
        case .other:
            break
        }
    }

    private mutating func finishAttempt(_ details: OpenDetails, content: String) {
        let kind: Attempt.Kind = details.role == .mistake ? .mistake : .alternative
        let title = DetailsTag.title(ofSummary: details.summary ?? "")
        let (prose, caughtBy) = Self.caughtBy(in: content)
        if title.isEmpty {
            state.error(details.location, "name the \(kind == .mistake ? "mistake" : "other way") after its label, e.g. '<summary>\(kind == .mistake ? "Common mistake: maxReceiveCount of 20" : "Another way: with boto3")</summary>'")
        }
        if details.commands.isEmpty && details.files.isEmpty {
            state.error(details.location, "this \(kind == .mistake ? "Common mistake" : "Another way") block has no commands or files for handson test to run")
        }
        if kind == .alternative && caughtBy != nil {
            state.error(details.location, "caught-by belongs to a Common mistake; another right way is not caught")
        }
        step.attempts.append(Attempt(kind: kind, title: title, markdown: prose, commands: details.commands, files: details.files,
                                     caughtBy: caughtBy, location: details.location))
    }

    /// `<!-- caught-by: NAME -->`, taken out of the prose a learner sees.
    static func caughtBy(in content: String) -> (prose: String, caughtBy: String?) {
        guard let start = content.range(of: "<!--"), let end = content.range(of: "-->", range: start.upperBound..<content.endIndex)
        else { return (content, nil) }
        let inner = content[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        guard inner.hasPrefix("caught-by:") else { return (content, nil) }
        let name = inner.dropFirst("caught-by:".count).trimmingCharacters(in: .whitespaces)
        let prose = (content[..<start.lowerBound] + content[end.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
        return (prose, name.isEmpty ? nil : name)
    }

    /// Code blocks may sit at the top level or inside lists and quotes.
    private mutating func visit(_ node: MarkdownNode) {
        if case .codeBlock(let info, let literal, let fenced) = node.kind {
            if fenced { codeBlock(info: info, literal: literal, node: node) }
            return
        }
        for child in node.children { visit(child) }
    }

    static let commandLanguages = ["sh", "bash", "shell", "console", "zsh"]
    static let knownAttributes = ["check", "norun", "run", "file", "executable"]

    private mutating func codeBlock(info: String, literal: String, node: MarkdownNode) {
        let location = state.at(node.line, node.column)
        let fence: FenceInfo
        switch FenceInfo.parse(info) {
        case .success(let f): fence = f
        case .failure(let problem):
            let why: String
            switch problem {
            case .unclosedBrace: why = "the '{' of the attributes is never closed with '}'"
            case .unclosedQuote: why = "a quoted attribute value is never closed"
            case .textAfterAttributes: why = "nothing may follow the '{…}' attributes"
            case .emptyAttributeName: why = "an attribute needs a name before '='"
            }
            state.error(location, "bad code block info '\(info)': \(why)")
            return
        }
        for name in fence.attributeOrder where !Self.knownAttributes.contains(name) {
            state.error(location, "unknown code block attribute '\(name)'; expected one of \(Self.knownAttributes.joined(separator: ", "))")
        }
        let yamlSource = YAMLSource(file: state.file, firstLine: node.line + 1, columnOffset: node.column - 1)

        if fence.language == "explain" {
            var parser = ExplainParser(source: yamlSource, language: state.language)
            if let explanation = parser.parse(kind: fence.words.first, yaml: literal, blockLocation: location) {
                step.explanations.append(explanation)
            }
            state.diagnostics += parser.diagnostics
            return
        }
        if fence.has("check") {
            if fence.language != "yaml" && fence.language != "yml" {
                state.error(location, "a check block is YAML: write ```yaml {check}")
                return
            }
            if inSolution {
                state.error(location, "a check inside a Solution block would be hidden from the learner; move it out of <details>")
            }
            if open.contains(where: \.isAttempt) {
                state.error(location, "a check belongs to the step, not to a Common mistake or Another way block; move it out of <details>")
                return
            }
            var parser = CheckParser(source: yamlSource)
            step.checks += parser.parse(literal, blockLocation: location)
            state.diagnostics += parser.diagnostics
            return
        }
        if let path = fence.attributes["file"] {
            if let problem = Self.problem(withPath: path) {
                state.error(location, problem)
            } else {
                let file = FileBlock(path: path, language: fence.language, contents: literal,
                                     executable: fence.has("executable"), inSolution: inSolution, location: location)
                if let attempt = open.lastIndex(where: \.isAttempt) { open[attempt].files.append(file) } else { step.files.append(file) }
            }
            return
        }
        if fence.has("norun") { return }
        let command: CommandBlock
        if Self.commandLanguages.contains(fence.language) {
            let source = fence.language == "console" ? Self.consoleCommands(literal) : literal
            command = CommandBlock(interpreter: .bash, source: source, inSolution: inSolution, location: location)
        } else if fence.has("run") {
            guard fence.language == "python" || fence.language == "python3" else {
                state.error(location, "only sh/bash and python blocks can run; '\(fence.language)' cannot")
                return
            }
            command = CommandBlock(interpreter: .python3, source: literal, inSolution: inSolution, location: location)
        } else {
            return
        }
        if let attempt = open.lastIndex(where: \.isAttempt) { open[attempt].commands.append(command) } else { step.commands.append(command) }
    }

    /// A workspace file path: relative, inside the workspace.
    static func problem(withPath path: String) -> String? {
        if path.isEmpty { return "'file=' needs a path, e.g. file=handler.py" }
        if path.hasPrefix("/") || path.hasPrefix("~") { return "file path '\(path)' must be relative to the lab's workspace" }
        if path.split(separator: "/").contains("..") { return "file path '\(path)' may not leave the workspace ('..')" }
        return nil
    }

    /// In a console block, commands are the lines after a `$ ` prompt; the rest is output.
    static func consoleCommands(_ literal: String) -> String {
        let lines = literal.split(separator: "\n", omittingEmptySubsequences: false)
        let prompted = lines.filter { $0.hasPrefix("$ ") }
        guard !prompted.isEmpty else { return literal }
        return prompted.map { String($0.dropFirst(2)) }.joined(separator: "\n") + "\n"
    }
}
