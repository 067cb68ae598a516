import JSON

/// Typed access to a request's members, named as in the Logs model. The wire layer has
/// already checked JSON types against the model, so a wrong type here is a caller bug
/// and reported the way Coral reports it.
struct LogsInput {
    let fields: [String: JSONValue]

    init(_ value: JSONValue) {
        if case .object(let fields) = value { self.fields = fields } else { self.fields = [:] }
    }

    func string(_ name: String) throws(AWSError) -> String? {
        switch fields[name] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        case let other?: throw LogsErrors.constraint(other.jsonText(), at: name, "Member must be a string")
        }
    }

    func requiredString(_ name: String) throws(AWSError) -> String {
        guard let value = try string(name) else { throw LogsErrors.constraint(nil, at: name, "Member must not be null") }
        return value
    }

    func int64(_ name: String) throws(AWSError) -> Int64? {
        switch fields[name] {
        case nil, .null?: return nil
        case .number(let value)? where value == value.rounded() && abs(value) < 9.0e18: return Int64(value)
        case let other?: throw LogsErrors.constraint(other.jsonText(), at: name, "Member must be an integer")
        }
    }

    func int(_ name: String) throws(AWSError) -> Int? {
        try int64(name).map { Int($0) }
    }

    func bool(_ name: String) throws(AWSError) -> Bool? {
        switch fields[name] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        case let other?: throw LogsErrors.constraint(other.jsonText(), at: name, "Member must be a boolean")
        }
    }

    func stringList(_ name: String) throws(AWSError) -> [String]? {
        switch fields[name] {
        case nil, .null?: return nil
        case .array(let elements)?:
            var result: [String] = []
            for element in elements {
                guard case .string(let value) = element else {
                    throw LogsErrors.constraint(element.jsonText(), at: name, "Member must be a string")
                }
                result.append(value)
            }
            return result
        case let other?: throw LogsErrors.constraint(other.jsonText(), at: name, "Member must be a list")
        }
    }

    func stringMap(_ name: String) throws(AWSError) -> [String: String]? {
        switch fields[name] {
        case nil, .null?: return nil
        case .object(let members)?:
            var result: [String: String] = [:]
            for (key, value) in members {
                guard case .string(let text) = value else {
                    throw LogsErrors.constraint(value.jsonText(), at: "\(name).\(key)", "Member must be a string")
                }
                result[key] = text
            }
            return result
        case let other?: throw LogsErrors.constraint(other.jsonText(), at: name, "Member must be a map")
        }
    }

    func objectList(_ name: String) throws(AWSError) -> [LogsInput]? {
        switch fields[name] {
        case nil, .null?: return nil
        case .array(let elements)?:
            var result: [LogsInput] = []
            for element in elements {
                guard case .object = element else {
                    throw LogsErrors.constraint(element.jsonText(), at: name, "Member must be a structure")
                }
                result.append(LogsInput(element))
            }
            return result
        case let other?: throw LogsErrors.constraint(other.jsonText(), at: name, "Member must be a list")
        }
    }
}
