import Foundation
import LabKit

/// Finds the labs folder and resolves a LAB argument (an id or a path) to a file.
struct LabLocator {
    var labsDirectory: String

    /// `--labs`, else `$HANDSON_LABS`, else `./labs`.
    init(labsOption: String?) {
        let env = ProcessInfo.processInfo.environment["HANDSON_LABS"].flatMap { $0.isEmpty ? nil : $0 }
        labsDirectory = labsOption ?? env ?? "labs"
    }

    func catalog() throws -> LabCatalog {
        do {
            return try LabCatalog(directory: labsDirectory)
        } catch {
            throw CLIError("cannot read the labs folder '\(labsDirectory)'; pass --labs DIR or set HANDSON_LABS")
        }
    }

    /// A path to an existing `.md` file is used as is; otherwise LAB is an id in the labs folder.
    func path(for lab: String, lang: String?) throws -> String {
        if lab.hasSuffix(".md") {
            guard FileManager.default.fileExists(atPath: lab) else { throw CLIError("no such lab file: \(lab)") }
            if let lang {
                let translated = String(lab.dropLast(3)) + ".\(lang).md"
                if FileManager.default.fileExists(atPath: translated) { return translated }
            }
            return lab
        }
        let catalog = try catalog()
        guard let path = catalog.path(id: lab, lang: lang) else {
            let known = catalog.entries.map(\.id).joined(separator: ", ")
            throw CLIError("no lab '\(lab)' in \(labsDirectory)\(known.isEmpty ? "" : "; labs there: \(known)")")
        }
        return path
    }

    /// Parses a lab for reading; refuses one with errors, printing them.
    func load(_ lab: String, lang: String?) throws -> Lab {
        let path = try path(for: lab, lang: lang)
        let result = LabParser.parse(contentsOf: path)
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard let parsed = result.lab, errors.isEmpty else {
            throw CLIError((errors.map(\.description) + ["\(path) has errors; 'handson validate \(path)' lists them"]).joined(separator: "\n"))
        }
        return parsed
    }
}
