import Foundation
import JSON

/// Reads an XML element into the JSON form of a shape, the inverse of botocore's
/// `RestXMLSerializer`: members by their `locationName` (matched without namespace
/// prefixes), `xmlAttribute` members from attributes, lists wrapped in `member` elements
/// or flattened into repeated elements, maps as `entry`/`key`/`value` (or flattened),
/// blobs as base64 text (the form services see), timestamps in any of AWS's text forms.
struct XMLShapeDecoder {
    let model: ServiceModel

    /// The fields of a structure held by `node`; members with an HTTP `location` are not
    /// in the body and are skipped.
    func structure(_ node: XMLNode, _ shape: Shape) throws(WireError) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        for member in shape.members where member.location == nil {
            let name = member.locationName ?? member.name
            if member.xmlAttribute {
                if let text = node.attribute(name) { fields[member.name] = try scalar(text, member) }
                continue
            }
            let target = model[member.shape]
            switch target.type {
            case .list where member.flattened:
                guard let element = target.member else { continue }
                // botocore writes the member's name; its parser reads the element's own name if it has one.
                var nodes = node.children(named: name)
                if nodes.isEmpty, let elementName = element.locationName { nodes = node.children(named: elementName) }
                if !nodes.isEmpty { fields[member.name] = .array(try nodes.map { child throws(WireError) in try value(child, element) }) }
            case .map where member.flattened:
                let nodes = node.children(named: name)
                if !nodes.isEmpty { fields[member.name] = try map(nodes, target) }
            default:
                if let child = node.child(named: name) { fields[member.name] = try value(child, member) }
            }
        }
        return fields
    }

    /// One element as the shape `ref` points to.
    func value(_ node: XMLNode, _ ref: Member) throws(WireError) -> JSONValue {
        let shape = model[ref.shape]
        switch shape.type {
        case .structure:
            return .object(try structure(node, shape))
        case .list:
            guard let element = shape.member else { return .array([]) }
            let elementName = element.locationName ?? "member"
            return .array(try node.children(named: elementName).map { child throws(WireError) in try value(child, element) })
        case .map:
            return try map(node.children(named: "entry"), shape)
        default:
            return try scalar(node.text, ref)
        }
    }

    /// Map entries, each an element holding a key and a value element.
    private func map(_ entries: [XMLNode], _ shape: Shape) throws(WireError) -> JSONValue {
        guard let keyRef = shape.key, let valueRef = shape.value else { return .object([:]) }
        var result: [String: JSONValue] = [:]
        for entry in entries {
            guard let key = entry.child(named: keyRef.locationName ?? "key") else { continue }
            if let valueNode = entry.child(named: valueRef.locationName ?? "value") {
                result[key.text] = try value(valueNode, valueRef)
            }
        }
        return .object(result)
    }

    /// Element or attribute text as a scalar; strings keep their whitespace.
    private func scalar(_ text: String, _ ref: Member) throws(WireError) -> JSONValue {
        let shape = model[ref.shape]
        switch shape.type {
        case .string: return .string(text)
        case .blob: return .string(text.filter { !$0.isWhitespace })
        default: return try HTTPBindings.scalar(text, ref, model: model, location: "body")
        }
    }
}
