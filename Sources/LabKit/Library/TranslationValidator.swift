/// A translation (`ID.LANG.md`) must keep the original's structure; only words change.
public enum TranslationValidator {
    public static func compare(original: Lab, translation: Lab) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let file = translation.file
        func error(_ location: SourceLocation, _ message: String) {
            out.append(Diagnostic(.error, location, message))
        }
        let top = SourceLocation(file: file, line: 1, column: 1)
        if translation.id != original.id {
            error(top, "a translation keeps the original's id '\(original.id)', found '\(translation.id)'")
        }
        if translation.metadata.lang == original.metadata.lang {
            error(top, "a translation must have a different lang from the original (\(original.metadata.lang))")
        }
        for (field, a, b) in [("services", original.metadata.services.joined(separator: ","), translation.metadata.services.joined(separator: ",")),
                              ("level", original.metadata.level.rawValue, translation.metadata.level.rawValue),
                              ("minutes", "\(original.metadata.minutes)", "\(translation.metadata.minutes)")] where a != b {
            error(top, "front matter '\(field)' differs from the original (\(original.file)): '\(b)' here, '\(a)' there")
        }
        if translation.steps.count != original.steps.count {
            error(top, "the translation has \(translation.steps.count) steps but the original \(original.file) has \(original.steps.count)")
        }
        for (theirs, ours) in zip(original.steps, translation.steps) {
            let at = ours.location
            let label = "step \(ours.number)"
            let origin = "\(original.file):\(theirs.location.line)"
            if ours.checks.count != theirs.checks.count {
                error(at, "\(label) has \(ours.checks.count) assertions, the original (\(origin)) has \(theirs.checks.count)")
            }
            for (a, b) in zip(theirs.checks, ours.checks) where a.structure != b.structure {
                error(b.location, "this assertion differs from the original's (\(a.location)): expected '\(a.structure)', found '\(b.structure)'")
            }
            let theirFiles = theirs.files.map { "\($0.path) \($0.inSolution)" }
            let ourFiles = ours.files.map { "\($0.path) \($0.inSolution)" }
            if theirFiles != ourFiles {
                error(at, "\(label) writes files [\(ours.files.map(\.path).joined(separator: ", "))], the original (\(origin)) [\(theirs.files.map(\.path).joined(separator: ", "))]")
            }
            for (a, b) in zip(theirs.files, ours.files) where a.path == b.path && a.contents != b.contents {
                error(b.location, "the contents of \(b.path) differ from the original's (\(a.location)); translate comments in prose, not in files")
            }
            if ours.commands.map(\.source) != theirs.commands.map(\.source) {
                error(at, "\(label)'s commands differ from the original's (\(origin)); commands are the solution and must be identical")
            }
            if ours.explanations.map(\.kind) != theirs.explanations.map(\.kind) {
                error(at, "\(label)'s explain blocks differ from the original's (\(origin))")
            }
            let theirAttempts = theirs.attempts.map { "\($0.kind.rawValue) \($0.commands.map(\.source)) \($0.files.map(\.path))" }
            if ours.attempts.map({ "\($0.kind.rawValue) \($0.commands.map(\.source)) \($0.files.map(\.path))" }) != theirAttempts {
                error(at, "\(label)'s Common mistake and Another way blocks differ from the original's (\(origin)): same kinds, order, commands and files")
            }
            let theirCatchers = theirs.mistakes.map { name in theirs.checks.firstIndex { $0.name == name.caughtBy } }
            if ours.mistakes.map({ name in ours.checks.firstIndex { $0.name == name.caughtBy } }) != theirCatchers {
                error(at, "\(label)'s mistakes are caught by other assertions than the original's (\(origin))")
            }
            if ours.hints.count != theirs.hints.count {
                out.append(Diagnostic(.warning, at, "\(label) has \(ours.hints.count) hints, the original (\(origin)) has \(theirs.hints.count)"))
            }
        }
        return out
    }
}
