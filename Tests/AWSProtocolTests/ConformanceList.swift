import Foundation

/// The cases `docs/protocol-conformance.md` lists as not passing, with why: a table whose
/// rows are `| protocol | case id | reason |`; an id an input and an output case share
/// names its direction: `AwsJson11IntEnums (output)`. The test reads the document itself, so the
/// list people read is the list the test enforces.
struct ConformanceList {
    struct Entry: Hashable {
        let protocolFile: String
        let caseID: String
        let reason: String
    }

    let entries: [Entry]

    static func load() throws -> ConformanceList {
        let url = ProtocolSuiteLocation.repositoryRoot.appendingPathComponent("docs/protocol-conformance.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var entries: [Entry] = []
        for line in text.split(separator: "\n") where line.hasPrefix("|") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                .dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
            guard cells.count >= 3, cells[0] != "protocol", !cells[0].hasPrefix("---") else { continue }
            entries.append(Entry(protocolFile: cells[0], caseID: cells[1], reason: cells[2]))
        }
        return ConformanceList(entries: entries)
    }

    func lists(_ testCase: ProtocolTestCase) -> Bool {
        entries.contains { entry in
            entry.protocolFile == testCase.protocolFile
                && (entry.caseID == testCase.id || entry.caseID == "\(testCase.id) (\(testCase.direction.rawValue))")
        }
    }

    /// The id without a direction suffix.
    static func bareID(_ caseID: String) -> String {
        for suffix in [" (input)", " (output)"] where caseID.hasSuffix(suffix) { return String(caseID.dropLast(suffix.count)) }
        return caseID
    }
}
