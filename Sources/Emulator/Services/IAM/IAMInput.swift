import JSON

/// Typed access to a request's members, named as in the IAM and STS models. The query
/// protocol carries everything as text, so numbers and booleans are accepted as text too.
struct IAMInput {
    let fields: [String: JSONValue]

    init(_ value: JSONValue) {
        if case .object(let fields) = value { self.fields = fields } else { self.fields = [:] }
    }

    func string(_ name: String) -> String? {
        switch fields[name] {
        case .string(let value)?: value
        case .number(let value)?: JSONValue.formatNumber(value)
        case .bool(let value)?: value ? "true" : "false"
        default: nil
        }
    }

    /// A required member; the wire layer already refuses requests without one, so this only
    /// guards direct calls.
    func requiredString(_ name: String) throws(AWSError) -> String {
        guard let value = string(name) else {
            throw IAMErrors.validation(value: "null", member: Self.memberName(name), constraint: "Member must not be null")
        }
        return value
    }

    func int(_ name: String) throws(AWSError) -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text) else {
            throw IAMErrors.validation(value: text, member: Self.memberName(name), constraint: "Member must be an integer")
        }
        return value
    }

    func bool(_ name: String) -> Bool? {
        string(name).map { $0.lowercased() == "true" }
    }

    func stringList(_ name: String) -> [String]? {
        switch fields[name] {
        case .array(let items)?: items.compactMap { if case .string(let s) = $0 { s } else { nil } }
        case .string(let value)?: [value]
        default: nil
        }
    }

    func objectList(_ name: String) -> [IAMInput]? {
        guard case .array(let items)? = fields[name] else { return nil }
        return items.map(IAMInput.init)
    }

    /// `roleName` for `RoleName`: how Coral names members in validation messages.
    static func memberName(_ name: String) -> String {
        name.prefix(1).lowercased() + name.dropFirst()
    }
}
