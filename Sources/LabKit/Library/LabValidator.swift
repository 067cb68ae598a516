import Foundation

/// `handson validate`: every lab file under the given paths, with translations compared to
/// their originals. Diagnostics for all files, in file order.
public enum LabValidator {
    public struct Report: Sendable {
        public var files: [String]
        public var diagnostics: [Diagnostic]
        public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    }

    public static func validate(paths: [String]) -> Report {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(.error, SourceLocation(file: path, line: 1, column: 1), "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
                    .map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        var parsed: [String: Lab] = [:]
        for file in files {
            let result = LabParser.parse(contentsOf: file)
            diagnostics += result.diagnostics
            parsed[file] = result.lab
            if let lab = result.lab, originalPath(of: file) == nil { diagnostics += attemptWarnings(lab) }
        }
        for file in files {
            guard let translation = parsed[file], let originalPath = originalPath(of: file) else { continue }
            if let original = parsed[originalPath] ?? LabParser.parse(contentsOf: originalPath).lab {
                diagnostics += TranslationValidator.compare(original: original, translation: translation)
            } else if !FileManager.default.fileExists(atPath: originalPath) {
                diagnostics.append(Diagnostic(.error, SourceLocation(file: file, line: 1, column: 1),
                                              "a translation needs its original \(originalPath), which does not exist"))
            }
        }
        return Report(files: files, diagnostics: diagnostics)
    }

    /// A step that does something should show `handson test` a plausible mistake its check
    /// catches and, where one exists, another right way it accepts (translations follow).
    static func attemptWarnings(_ lab: Lab) -> [Diagnostic] {
        lab.steps.filter { !$0.isQuiz && !$0.checks.isEmpty }.compactMap { step in
            let missing = [step.mistakes.isEmpty ? "a '<summary>Common mistake: …' block (a wrong attempt its check must catch)" : nil,
                           step.alternatives.isEmpty ? "an '<summary>Another way: …' block (another right way its check must accept)" : nil]
                .compactMap { $0 }
            guard missing.count == 2 else { return nil }
            return Diagnostic(.warning, step.location, "step \(step.number) '\(step.title)' has neither \(missing.joined(separator: " nor "))")
        }
    }

    /// `labs/x.ja.md` → `labs/x.md`; nil for an original.
    static func originalPath(of file: String) -> String? {
        let name = (file as NSString).lastPathComponent
        let parts = name.split(separator: ".")
        guard parts.count == 3, parts[2] == "md" else { return nil }
        return ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent("\(parts[0]).md")
    }
}
