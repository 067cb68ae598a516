import Foundation

/// The labs in a folder: originals (`ID.md`) with their translations (`ID.LANG.md`).
public struct LabCatalog: Sendable {
    public struct Entry: Sendable {
        public var id: String
        public var path: String
        /// Language code → path of the translation.
        public var translations: [String: String]
    }

    public var directory: String
    public var entries: [Entry]

    /// Lists `*.md` in `directory` (not recursive); names decide what is a translation.
    public init(directory: String) throws {
        self.directory = directory
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".md") }.sorted()
        var entries: [String: Entry] = [:]
        var translations: [(id: String, lang: String, path: String)] = []
        for name in names where name != "README.md" {
            let stem = String(name.dropLast(3))
            let parts = stem.split(separator: ".")
            let path = (directory as NSString).appendingPathComponent(name)
            if parts.count == 2 {
                translations.append((String(parts[0]), String(parts[1]), path))
            } else {
                entries[stem] = Entry(id: stem, path: path, translations: [:])
            }
        }
        for t in translations {
            entries[t.id, default: Entry(id: t.id, path: "", translations: [:])].translations[t.lang] = t.path
        }
        self.entries = entries.values.sorted { $0.id < $1.id }
    }

    public func entry(id: String) -> Entry? { entries.first { $0.id == id } }

    /// The path to show for a lab in a language, falling back to the original.
    public func path(id: String, lang: String?) -> String? {
        guard let entry = entry(id: id) else { return nil }
        if let lang, let translated = entry.translations[lang] { return translated }
        return entry.path.isEmpty ? nil : entry.path
    }
}
