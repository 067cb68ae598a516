import Foundation
import LabKit
import Testing
import TerminalMarkdown

/// The lab parser (what `validate`, `list` and `show` run on any file an author writes) on
/// mutated shipped labs: lines dropped, duplicated, swapped, lab syntax inserted, bytes garbled;
/// a parsed lab is also rendered (explanations computed) and compared to its original.
@Suite("Fuzz: lab parser")
struct LabParserFuzzTests {
    static let labsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("labs")

    static let labs: [(name: String, text: String)] = {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: labsFolder.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        return names.compactMap { name in
            (try? String(contentsOf: labsFolder.appendingPathComponent(name), encoding: .utf8)).map { (name, $0) }
        }
    }()

    static let originals: [String: Lab] = Dictionary(uniqueKeysWithValues: labs.compactMap { lab in
        LabParser.parse(lab.text, file: lab.name).lab.map { (lab.name, $0) }
    })

    static let snippets = [
        "---", "```", "````", "```yaml", "```check", "```explain memory", "```bash", "```python file=app.py", "## Step", "# Title", "<details>",
        "</details>", "<details><summary>Hint</summary>", "  - name: x", "    query: sqs.queues[?", "    expect: {equals: 1}", "limit: 9223372036854775807MiB",
        "record: A:string(9223372036854775807), B:[]int64*2e18", "records: 99999999999999999999", "efficiency: 0.7-0.8", "efficiency: 1e308%-2%",
        "lang: ja", "services: [sqs, nope]", "level: 99", "minutes: -1", "id: x", "title: 'unterminated", "key: &a [*a]", "<<: *a", "? [a]: b",
        "- [ ] task", "| a | b |\n|---|---|", "{{", "\t", "\u{0}", "\u{FEFF}", "日本語の行", "    expect: {matches: '(a'}",
    ]
    static let lineTokens = Mutator(dictionary: snippets)

    @Test func mutatedLabs() async {
        #expect(!Self.labs.isEmpty, "no labs under \(Self.labsFolder.path)")
        guard !Self.labs.isEmpty else { return }
        let presenter = LabPresenter(options: RenderOptions(width: 80, color: false))
        await FuzzLane.run { Fuzz.run("lab.parser", ciInputs: 250) { rng -> (String, String) in
            let lab = rng.pick(Self.labs)
            return (lab.name, Self.mutate(lab.text, splice: rng.pick(Self.labs).text, rng: &rng))
        } describe: { "\($0.0) mutated:\n\($0.1)" } check: { name, text in
            let result = LabParser.parse(text, file: name)
            guard let lab = result.lab else { return .error }
            // Rendering (explanations computed, as `show` does) costs more than parsing: one input in four.
            if text.utf8.count % 4 == 0 {
                _ = presenter.render(lab)
                if !lab.steps.isEmpty { _ = presenter.render(lab, step: text.utf8.count % lab.steps.count + 1) }
            }
            if let original = Self.originals[name] { _ = TranslationValidator.compare(original: original, translation: lab) }
            return result.diagnostics.contains { $0.severity == .error } ? .error : .value
        } }
    }

    /// Line edits (the format is line-structured) and now and then byte edits.
    static func mutate(_ text: String, splice: String, rng: inout FuzzRNG) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let spliceLines = splice.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<rng.int(in: 1...5) {
            let index = lines.isEmpty ? 0 : rng.below(lines.count)
            switch rng.below(8) {
            case 0 where !lines.isEmpty: lines.remove(at: index)
            case 1 where !lines.isEmpty: lines.insert(lines[index], at: rng.below(lines.count))
            case 2 where lines.count > 1: lines.swapAt(index, rng.below(lines.count))
            case 3: lines.insert(rng.pick(snippets), at: index)
            case 4 where !lines.isEmpty: lines[index] = lineTokens.mutate(lines[index], rng: &rng)
            case 5 where !lines.isEmpty: lines.removeSubrange(index...)  // truncated
            case 6: lines.insert(contentsOf: spliceLines[rng.below(spliceLines.count)...].prefix(rng.int(in: 1...20)), at: index)
            default:  // a value in a YAML block pushed to an edge
                guard !lines.isEmpty, let colon = lines[index].firstIndex(of: ":") else { continue }
                lines[index] = String(lines[index][...colon]) + " " + rng.pick(Mutator.numbers + ["", "[", "{a: b}", "\"", "'x'", "*alias", "!!binary x"])
            }
        }
        // Line breaks as other editors write them: CRLF, or a bare CR (cmark's lines, not ours).
        return lines.joined(separator: rng.oneIn(10) ? rng.pick(["\r\n", "\r"]) : "\n")
    }
}
