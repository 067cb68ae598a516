/// Splits a lab file into its YAML front matter and Markdown body. The body keeps the
/// front matter's lines as blank lines, so Markdown positions are file positions.
struct FrontMatterSplit {
    /// The YAML text between the `---` lines.
    var yaml: String
    /// The file line of the YAML's first line.
    var yamlFirstLine: Int
    var body: String

    enum Problem: Error, Equatable {
        case missing
        case unterminated(openingLine: Int)
    }

    static func split(_ text: String) -> Result<FrontMatterSplit, Problem> {
        var lines = text.splitLines()
        // A byte-order mark or CRLF endings must not hide the opening fence.
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        lines = lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return .failure(.missing) }
        guard let close = lines.indices.dropFirst().first(where: {
            let l = lines[$0].trimmingCharacters(in: .whitespaces)
            return l == "---" || l == "..."
        }) else { return .failure(.unterminated(openingLine: 1)) }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = Array(repeating: "", count: close + 1) + lines[(close + 1)...]
        return .success(FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: body.joined(separator: "\n")))
    }
}

import Foundation
