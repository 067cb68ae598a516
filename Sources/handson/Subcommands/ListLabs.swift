import ArgumentParser
import LabKit
import Learning
import TerminalMarkdown

struct ListLabs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the labs in a folder (default: ./labs or $HANDSON_LABS).")

    @Argument(help: "The labs folder.")
    var directory: String?

    @Option(help: "Show titles in this language where a translation exists (e.g. ja).")
    var lang: String?

    func run() throws {
        let locator = LabLocator(labsOption: directory)
        let catalog = try locator.catalog()
        // Progress is optional here: listing must work before anything was ever started.
        let progress = (try? LearnerContext())?.progress
        let current = try? progress?.currentLab()?.labId
        var rows: [String] = []
        var broken: [String] = []
        for entry in catalog.entries {
            guard let path = catalog.path(id: entry.id, lang: lang), let lab = LabParser.parse(contentsOf: path).lab else {
                broken.append(entry.id)
                continue
            }
            let m = lab.metadata
            let original = entry.path.isEmpty ? [] : [LabParser.parse(contentsOf: entry.path).lab?.metadata.lang ?? "?"]
            let languages = Set(original + entry.translations.keys).sorted()
            let done = (try? progress?.steps(of: m.id).filter(\.passed).count) ?? 0
            var state = done == 0 ? "—" : done >= lab.steps.count ? "✓ done" : "\(done)/\(lab.steps.count)"
            if current == m.id { state += " ▶" }
            rows.append("| \(m.id) | \(escape(m.title)) | \(m.level.rawValue) | \(m.minutes) | \(languages.joined(separator: " ")) | \(state) |")
        }
        guard !rows.isEmpty else {
            throw CLIError("no labs in \(locator.labsDirectory)")
        }
        var markdown = "| lab | title | level | min | lang | progress |\n|---|---|---|--:|---|:-:|\n" + rows.joined(separator: "\n")
        markdown += "\n\nStart one with `handson start LAB` (read it first with `handson show LAB`)."
        if !broken.isEmpty {
            markdown += "\n\nNot shown, because they have errors (see `handson validate`): \(broken.joined(separator: ", "))"
        }
        Terminal.write(TerminalRenderer(options: Terminal.renderOptions).render(markdown: markdown))
    }

    private func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
