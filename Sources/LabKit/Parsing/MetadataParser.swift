import Foundation
import Yams

/// Front matter YAML → LabMetadata, reporting every problem at its line.
struct MetadataParser {
    var source: YAMLSource
    var diagnostics: [Diagnostic] = []

    static let keys = ["id", "title", "services", "level", "minutes", "lang", "format"]

    mutating func parse(_ yaml: String, fileStart: SourceLocation) -> LabMetadata? {
        let root: Node
        switch source.compose(yaml) {
        case .failure(let d):
            diagnostics.append(d)
            return nil
        case .success(nil):
            diagnostics.append(Diagnostic(.error, fileStart, "the front matter is empty; expected \(Self.keys.joined(separator: ", "))"))
            return nil
        case .success(let node?):
            root = node
        }
        guard case .mapping(let map) = root else {
            diagnostics.append(Diagnostic(.error, source.location(of: root), "the front matter must be a mapping of keys to values, found \(root.kindName)"))
            return nil
        }
        var values: [String: Node] = [:]
        for (key, value) in map {
            let name = key.string ?? ""
            if !Self.keys.contains(name) {
                let suggestion = Self.keys.min { editDistance($0, name) < editDistance($1, name) }
                    .flatMap { editDistance($0, name) <= 2 ? " (did you mean '\($0)'?)" : nil } ?? ""
                diagnostics.append(Diagnostic(.error, source.location(of: key), "unknown front matter key '\(name)'\(suggestion); expected one of \(Self.keys.joined(separator: ", "))"))
            } else if values[name] != nil {
                diagnostics.append(Diagnostic(.error, source.location(of: key), "duplicate front matter key '\(name)'"))
            } else {
                values[name] = value
            }
        }
        for key in Self.keys where values[key] == nil {
            diagnostics.append(Diagnostic(.error, fileStart, "missing required front matter key '\(key)'"))
        }

        let id = text(values["id"], key: "id")
        if let id, !NativePatterns.isIdentifier(id) {
            error(values["id"]!, "id '\(id)' must be lowercase letters, digits and single hyphens, e.g. sqs-dlq")
        }
        let title = text(values["title"], key: "title")
        let services = serviceList(values["services"])
        let level = text(values["level"], key: "level").flatMap { raw -> LabMetadata.Level? in
            guard let level = LabMetadata.Level(rawValue: raw) else {
                error(values["level"]!, "level '\(raw)' is not one of \(LabMetadata.Level.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            return level
        }
        let minutes = positiveInt(values["minutes"], key: "minutes")
        let lang = text(values["lang"], key: "lang")
        if let lang, !NativePatterns.isLanguageCode(lang) {
            error(values["lang"]!, "lang '\(lang)' must be a two-letter language code such as en or ja")
        }
        let format = positiveInt(values["format"], key: "format")
        if let format, format != LabMetadata.currentFormat {
            error(values["format"]!, "format \(format) is not supported; this handson reads format \(LabMetadata.currentFormat)")
        }
        guard let id, let title, let services, let level, let minutes, let lang, let format else { return nil }
        return LabMetadata(id: id, title: title, services: services, level: level, minutes: minutes, lang: lang, format: format)
    }

    private mutating func error(_ node: Node, _ message: String) {
        diagnostics.append(Diagnostic(.error, source.location(of: node), message))
    }

    private mutating func text(_ node: Node?, key: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let s) = node, !s.string.trimmingCharacters(in: .whitespaces).isEmpty else {
            error(node, "'\(key)' must be a non-empty single value, found \(node.kindName)")
            return nil
        }
        return s.string.trimmingCharacters(in: .whitespaces)
    }

    private mutating func positiveInt(_ node: Node?, key: String) -> Int? {
        guard let node else { return nil }
        guard let n = node.int, n > 0, case .scalar(let s) = node, s.style == .plain else {
            error(node, "'\(key)' must be a positive whole number, found '\(node.string ?? node.kindName)'")
            return nil
        }
        return n
    }

    private mutating func serviceList(_ node: Node?) -> [String]? {
        guard let node else { return nil }
        guard case .sequence(let seq) = node else {
            error(node, "'services' must be a list such as [sqs, lambda], found \(node.kindName)")
            return nil
        }
        var services: [String] = []
        for item in seq {
            guard let name = item.string else {
                error(item, "a service must be a name such as sqs")
                continue
            }
            if !LabMetadata.knownServices.contains(name) {
                error(item, "unknown service '\(name)'; expected one of \(LabMetadata.knownServices.joined(separator: ", "))")
            }
            services.append(name)
        }
        return services
    }
}

/// Levenshtein distance, for "did you mean" suggestions on short keys.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
