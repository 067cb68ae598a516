extension JSONValue {
    /// An object's member, nil for anything else: `state["sqs"]?["queues"]?[0]`.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// An array's element, nil when out of range or not an array.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let elements) = self, elements.indices.contains(index) { return elements[index] }
        return nil
    }

    public var stringValue: String? { if case .string(let value) = self { value } else { nil } }
    public var arrayValue: [JSONValue]? { if case .array(let value) = self { value } else { nil } }
    /// A number that is a whole number within Int's range, as Int.
    public var intValue: Int? {
        if case .number(let value) = self, value == value.rounded(), abs(value) < 9.0e18 { Int(value) } else { nil }
    }
}
