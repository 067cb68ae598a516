import Foundation

/// The request context a policy's conditions read: keys such as `aws:SourceAccount` or
/// `sqs:QueueName`, each with one or more values. Keys are case-insensitive, as in IAM.
public struct PolicyContext: Sendable, Equatable {
    private var entries: [String: [String]] = [:]

    public init() {}

    public init(_ values: [String: String]) {
        for (key, value) in values { self[key] = [value] }
    }

    public init(multi values: [String: [String]]) {
        for (key, list) in values { self[key] = list }
    }

    public subscript(key: String) -> [String]? {
        get { entries[key.lowercased()] }
        set { entries[key.lowercased()] = newValue }
    }

    /// Adds a key only when the caller did not give one (global keys filled in by the emulator).
    public mutating func setDefault(_ key: String, _ value: String) {
        if self[key] == nil { self[key] = [value] }
    }

    /// Replaces `${key}` policy variables with the context's (first) value; `${*}`, `${?}`
    /// and `${$}` stand for the literal characters. Nil when a variable has no value: IAM
    /// then treats the element as not matching.
    func substitute(_ text: String) -> String? {
        guard text.contains("${") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                result += rest[open.lowerBound...]
                return result
            }
            let name = String(rest[open.upperBound..<close])
            switch name {
            case "*", "?", "$": result += name
            default:
                guard let value = self[name]?.first else { return nil }
                result += value
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
