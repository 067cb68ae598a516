import ArgumentParser
import LabKit
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
            let services = m.services.isEmpty ? "—" : m.services.joined(separator: ", ")
            rows.append("| \(m.id) | \(escape(m.title)) | \(m.level.rawValue) | \(m.minutes) | \(services) | \(languages.joined(separator: ", ")) |")
        }
        guard !rows.isEmpty else {
            throw CLIError("no labs in \(locator.labsDirectory)")
        }
        var markdown = "| lab | title | level | min | services | languages |\n|---|---|---|--:|---|---|\n" + rows.joined(separator: "\n")
        markdown += "\n\nStart reading with `handson show LAB`."
        if !broken.isEmpty {
            markdown += "\n\nNot shown, because they have errors (see `handson validate`): \(broken.joined(separator: ", "))"
        }
        Terminal.write(TerminalRenderer(options: Terminal.renderOptions).render(markdown: markdown))
    }

    private func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
