import JSON

/// Turns query-protocol parameters into the JSON form of the input shape, the inverse of
/// botocore's `QuerySerializer`:
///
///     MessageAttribute.1.Name=n&MessageAttribute.1.Value.DataType=String
///         → {"MessageAttributes": {"n": {"DataType": "String"}}}
///
/// - a structure member is found under its `locationName`, else its name (`A.B` nests);
/// - a list is `Name.member.N` (`member` or the element's `locationName`), or when
///   flattened `Name.N`, where a named element replaces `Name` (`AttributeName.N`);
///   `Name=` alone is an empty list and, for scalar lists, `Name=v` a one-element list;
/// - a map is `Name.entry.N.key` / `.value`, or when flattened `Name.N.key` / `.value`,
///   `key`/`value` being replaced by their `locationName`s (`Attribute.1.Name` / `.Value`);
/// - scalars are typed by their shape: integers and booleans become JSON numbers and
///   booleans, timestamps epoch seconds, blobs stay base64 text.
///
/// Parameters the shape does not know (`Action`, `Version`, signatures) are ignored.
///
/// EC2's dialect (botocore's `EC2Serializer`) names a member by its `queryName`, else its
/// `locationName` capitalised, else its name, and always sends lists flat as `Name.N`.
struct QueryInputDecoder {
    enum Dialect { case query, ec2 }

    let model: ServiceModel
    var dialect: Dialect = .query

    func decode(_ parameters: [(String, String)], shape: ShapeID) throws(WireError) -> JSONValue {
        let root = ParameterNode()
        for (name, value) in parameters {
            var node = root
            for component in name.split(separator: ".", omittingEmptySubsequences: false) {
                node = node.child(String(component))
            }
            node.value = value
        }
        return try structure(root, model[shape], path: "")
    }

    private func structure(_ node: ParameterNode, _ shape: Shape, path: String) throws(WireError) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for member in shape.members {
            // botocore sends an empty flattened list under the member's own name: `AttributeNames=`.
            let plain = dialect == .ec2 ? serializedName(member) : member.locationName ?? member.name
            var name = serializedName(member)
            if node.children[name] == nil, node.children[plain] != nil { name = plain }
            guard let child = node.children[name] else { continue }
            if let value = try decode(child, member, path: path.isEmpty ? name : path + "." + name) {
                object[member.name] = value
            }
        }
        return .object(object)
    }

    /// botocore's rule: a flattened list whose element has a name is sent under that name.
    private func serializedName(_ member: Member) -> String {
        if dialect == .ec2 {
            if let queryName = member.queryName { return queryName }
            if let name = member.locationName, let first = name.first { return first.uppercased() + name.dropFirst() }
            return member.name
        }
        let target = model[member.shape]
        if target.type == .list, member.flattened, let elementName = target.member?.locationName {
            return elementName
        }
        return member.locationName ?? member.name
    }

    private func decode(_ node: ParameterNode, _ ref: Member, path: String) throws(WireError) -> JSONValue? {
        let shape = model[ref.shape]
        switch shape.type {
        case .structure:
            guard !node.children.isEmpty else { return nil }
            return try structure(node, shape, path: path)
        case .list:
            guard let element = shape.member else { return nil }
            let container = ref.flattened || dialect == .ec2 ? node : node.children[element.locationName ?? "member"]
            let items = container?.indexed() ?? []
            if items.isEmpty {
                // `Name=` is how botocore sends an empty list; `Name=v` how older clients sent one item.
                guard let value = node.value else { return nil }
                if value.isEmpty { return .array([]) }
                return try decode(ParameterNode(value: value), element, path: path).map { .array([$0]) }
            }
            var array: [JSONValue] = []
            for (index, item) in items {
                if let value = try decode(item, element, path: path + "." + String(index)) { array.append(value) }
            }
            return .array(array)
        case .map:
            guard let keyRef = shape.key, let valueRef = shape.value else { return nil }
            let container = ref.flattened ? node : node.children["entry"]
            let keyName = keyRef.locationName ?? "key"
            let valueName = valueRef.locationName ?? "value"
            var object: [String: JSONValue] = [:]
            for (_, entry) in container?.indexed() ?? [] {
                guard let key = entry.children[keyName]?.value else { throw .missingParameter(path + "." + keyName) }
                guard let valueNode = entry.children[valueName] else { throw .missingParameter(path + "." + valueName) }
                if let value = try decode(valueNode, valueRef, path: path + "." + valueName) { object[key] = value }
            }
            // `MapArg=` is how botocore sends an empty map.
            if object.isEmpty, node.value == nil || node.value?.isEmpty == false, container == nil { return nil }
            return .object(object)
        default:
            guard let text = node.value else { return nil }
            return try scalar(text, shape, path: path)
        }
    }

    private func scalar(_ text: String, _ shape: Shape, path: String) throws(WireError) -> JSONValue {
        switch shape.type {
        case .integer, .long:
            guard let number = Int64(text.trimmingSpaces) else { throw invalid(text, path, "an integer") }
            return .number(Double(number))
        case .float, .double:
            guard let number = Double(text.trimmingSpaces) else { throw invalid(text, path, "a number") }
            return .number(number)
        case .boolean:
            switch text.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: throw invalid(text, path, "true or false")
            }
        case .timestamp:
            guard let seconds = Timestamp.parseISO8601(text) ?? Double(text) else { throw invalid(text, path, "an ISO 8601 timestamp") }
            return .number(seconds)
        default:
            return .string(text)
        }
    }

    private func invalid(_ text: String, _ path: String, _ expected: String) -> WireError {
        .invalidParameterValue("Value (\(text)) for parameter \(path) is invalid. Expected \(expected).")
    }
}

/// Parameters split at their dots into a tree: `A.1.B=x` is `A` → `1` → `B` = x.
private final class ParameterNode {
    var value: String?
    var children: [String: ParameterNode] = [:]

    init(value: String? = nil) {
        self.value = value
    }

    func child(_ name: String) -> ParameterNode {
        if let existing = children[name] { return existing }
        let node = ParameterNode()
        children[name] = node
        return node
    }

    /// The children named by positive integers, in numeric order (`.1`, `.2`, `.10`).
    func indexed() -> [(Int, ParameterNode)] {
        children.compactMap { key, node in Int(key).flatMap { $0 > 0 ? ($0, node) : nil } }
            .sorted { $0.0 < $1.0 }
    }
}

private extension String {
    var trimmingSpaces: Substring {
        let start = firstIndex { $0 != " " } ?? endIndex
        let end = lastIndex { $0 != " " }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
