import JSON

/// Checks a decoded input against its shape and brings it into the one form services
/// see: JSON types matching the shape, `null`s and unknown members dropped, timestamps
/// as epoch seconds. Enum values, lengths and patterns are left to the services, whose
/// messages for them are service-specific.
///
/// The common case, a valid input, is returned without being copied: each level reports
/// "unchanged" (nil) and only a level that actually changed rebuilds its container.
struct InputValidator {
    let model: ServiceModel
    let style: MissingMemberStyle

    init(model: ServiceModel, wireProtocol: WireProtocol) {
        self.model = model
        style = MissingMemberStyle(model: model, wireProtocol: wireProtocol)
    }

    func validate(_ input: JSONValue, shape: ShapeID) throws(WireError) -> JSONValue {
        do {
            return try normalize(input, shape) ?? input
        } catch {
            switch error.kind {
            case .missing: throw style.missing(error.path)
            case .mismatch(let expected, let found):
                let at = error.path.isEmpty ? "the request body" : error.path.joined(separator: ".")
                throw .serialization("Expected \(expected) for \(at), found \(found).")
            }
        }
    }

    /// A problem found deep in the input; the path is filled in while unwinding, so the
    /// valid case never builds one.
    private struct Failure: Error {
        enum Kind { case missing, mismatch(expected: String, found: String) }
        var path: [String]
        let kind: Kind
    }

    private func inside(_ component: String, _ body: () throws(Failure) -> JSONValue?) throws(Failure) -> JSONValue? {
        do {
            return try body()
        } catch {
            var failure = error
            failure.path.insert(component, at: 0)
            throw failure
        }
    }

    private func normalize(_ value: JSONValue, _ id: ShapeID) throws(Failure) -> JSONValue? {
        let shape = model[id]
        switch shape.type {
        case .structure:
            if shape.isDocument { return nil }
            guard case .object(let fields) = value else { throw mismatch(value, "a structure") }
            var rebuilt: [String: JSONValue]?
            for (key, field) in fields {
                guard let member = shape.member(named: key), field != .null else {
                    rebuilt = rebuilt ?? fields
                    rebuilt![key] = nil
                    continue
                }
                if let changed = try inside(key, { () throws(Failure) in try normalize(field, member.shape) }) {
                    rebuilt = rebuilt ?? fields
                    rebuilt![key] = changed
                }
            }
            for name in shape.required where (rebuilt ?? fields)[name] == nil {
                throw Failure(path: [name], kind: .missing)
            }
            return rebuilt.map { .object($0) }
        case .list:
            guard case .array(var elements) = value else { throw mismatch(value, "a list") }
            guard let element = shape.member else { return nil }
            var changed = false
            for index in elements.indices where elements[index] != .null {
                if let new = try inside(String(index + 1), { () throws(Failure) in try normalize(elements[index], element.shape) }) {
                    elements[index] = new
                    changed = true
                }
            }
            return changed ? .array(elements) : nil
        case .map:
            guard case .object(var entries) = value else { throw mismatch(value, "a map") }
            guard let valueRef = shape.value else { return nil }
            var changed = false
            for (key, entry) in entries where entry != .null {
                if let new = try inside(key, { () throws(Failure) in try normalize(entry, valueRef.shape) }) {
                    entries[key] = new
                    changed = true
                }
            }
            return changed ? .object(entries) : nil
        case .string, .blob:
            guard case .string = value else { throw mismatch(value, shape.type == .blob ? "base64 text" : "a string") }
            return nil
        case .integer, .long:
            guard case .number(let number) = value, number == number.rounded() else {
                throw mismatch(value, "an integer")
            }
            return nil
        case .float, .double:
            switch value {
            case .number: return nil
            case .string("NaN"), .string("Infinity"), .string("-Infinity"): return nil
            default: throw mismatch(value, "a number")
            }
        case .boolean:
            guard case .bool = value else { throw mismatch(value, "a boolean") }
            return nil
        case .timestamp:
            switch value {
            case .number: return nil
            case .string(let text):
                guard let seconds = Timestamp.parseISO8601(text) ?? Double(text) else {
                    throw mismatch(value, "a timestamp")
                }
                return .number(seconds)
            default: throw mismatch(value, "a timestamp")
            }
        }
    }

    private func mismatch(_ value: JSONValue, _ expected: String) -> Failure {
        let found = switch value {
        case .object: "an object"
        case .array: "a list"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
        return Failure(path: [], kind: .mismatch(expected: expected, found: found))
    }
}

/// How a service reports a missing required member; AWS services differ.
enum MissingMemberStyle {
    /// `MissingParameter: The request must contain the parameter QueueUrl.` (SQS, EC2).
    case missingParameter
    /// Coral validation: `1 validation error detected: Value null at 'roleArn' failed to
    /// satisfy constraint: Member must not be null` under `ValidationException` (JSON
    /// services), `ValidationError` (query services such as IAM and STS), or the code the
    /// model's overlay names (CloudWatch Logs: `InvalidParameterException`).
    case validation(code: String)

    init(model: ServiceModel, wireProtocol: WireProtocol) {
        let metadata = model.metadata
        if metadata.awsQueryCompatible || metadata.protocolName == "ec2" {
            self = .missingParameter
        } else if let code = metadata.validationErrorCode {
            self = .validation(code: code)
        } else if wireProtocol == .query {
            self = .validation(code: "ValidationError")
        } else {
            self = .validation(code: "ValidationException")
        }
    }

    func missing(_ path: [String]) -> WireError {
        switch self {
        case .missingParameter:
            return .missingParameter(path.joined(separator: "."))
        case .validation(let code):
            let camel = path.map { $0.prefix(1).lowercased() + $0.dropFirst() }.joined(separator: ".")
            return WireError(code: code, message: "1 validation error detected: Value null at '\(camel)' failed to satisfy constraint: Member must not be null")
        }
    }
}
