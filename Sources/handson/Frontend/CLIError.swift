import ArgumentParser

/// A user-facing failure: printed as `handson: error: …`, exit status 1, no stack trace.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}
