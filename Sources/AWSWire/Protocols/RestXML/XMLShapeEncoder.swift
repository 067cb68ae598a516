import Foundation
import JSON

/// Writes the JSON form of a shape as XML the way botocore's `RestXMLParser` reads it:
/// members in model order under their `locationName`, `xmlAttribute` members and
/// `xmlNamespace` declarations as attributes, lists in `member` elements (or flattened,
/// repeated under the element's own name when it has one), maps as `entry`/`key`/`value`,
/// timestamps as ISO 8601 unless the member says otherwise, blobs as base64.
struct XMLShapeEncoder {
    let model: ServiceModel

    /// Whether an output member goes in the body: header, prefix-header and status members
    /// do not; path and query members do, having no place of their own in a response.
    static func inResponseBody(_ member: Member) -> Bool {
        member.location == nil || member.location == "uri" || member.location == "querystring"
    }

    /// `fields` as the element `name` of structure `shape`; members bound to HTTP locations
    /// are left out (in a top-level `response`, only those bound to headers and the status).
    func element(_ name: String, fields: [String: JSONValue], shape: Shape, namespace: XMLNamespace?, response: Bool = false,
                 into xml: inout XMLWriter) {
        let inBody = { (member: Member) in response ? Self.inResponseBody(member) : member.location == nil }
        var attributes: [(String, String)] = namespace.map { [($0.attributeName, $0.uri)] } ?? []
        for member in shape.members where member.xmlAttribute && inBody(member) {
            guard let value = fields[member.name], value != .null else { continue }
            attributes.append((member.locationName ?? member.name, text(value, member)))
        }
        xml.open(name, attributes: attributes)
        for member in shape.members where !member.xmlAttribute && inBody(member) {
            guard let value = fields[member.name], value != .null else { continue }
            self.member(member, value, into: &xml)
        }
        xml.close(name)
    }

    private func member(_ member: Member, _ value: JSONValue, into xml: inout XMLWriter) {
        let target = model[member.shape]
        let name = member.locationName ?? member.name
        switch (target.type, value) {
        case (.list, .array(let items)) where member.flattened:
            guard let element = target.member else { return }
            let elementName = element.locationName ?? name
            for item in items where item != .null {
                write(item, element, named: elementName, namespace: element.xmlNamespace ?? member.xmlNamespace, into: &xml)
            }
        case (.map, .object(let entries)) where member.flattened:
            guard let key = target.key, let valueRef = target.value else { return }
            for entryKey in entries.keys.sorted() where entries[entryKey] != .null {
                xml.open(name, attributes: declaration(member.xmlNamespace))
                mapEntry(entryKey, entries[entryKey]!, key: key, value: valueRef, into: &xml)
                xml.close(name)
            }
        default:
            write(value, member, named: name, namespace: member.xmlNamespace, into: &xml)
        }
    }

    private func declaration(_ namespace: XMLNamespace?) -> [(String, String)] {
        namespace.map { [($0.attributeName, $0.uri)] } ?? []
    }

    private func mapEntry(_ key: String, _ value: JSONValue, key keyRef: Member, value valueRef: Member, into xml: inout XMLWriter) {
        let keyName = keyRef.locationName ?? "key"
        xml.open(keyName, attributes: declaration(keyRef.xmlNamespace))
        xml.characters(key)
        xml.close(keyName)
        write(value, valueRef, named: valueRef.locationName ?? "value", namespace: valueRef.xmlNamespace, into: &xml)
    }

    /// One element named `name` holding `value` as the shape `ref` points to.
    func write(_ value: JSONValue, _ ref: Member, named name: String, namespace: XMLNamespace?, into xml: inout XMLWriter) {
        let target = model[ref.shape]
        // A reference's namespace, else the one its target shape declares (restXml writes both).
        let namespace = namespace ?? target.xmlNamespace
        switch (target.type, value) {
        case (.structure, .object(let fields)):
            element(name, fields: fields, shape: target, namespace: namespace, into: &xml)
        case (.list, .array(let items)):
            let present = items.filter { $0 != .null }
            guard let element = target.member, !present.isEmpty else {
                xml.open(name, attributes: declaration(namespace), selfClosing: true)
                return
            }
            xml.open(name, attributes: declaration(namespace))
            let elementName = element.locationName ?? "member"
            for item in present { write(item, element, named: elementName, namespace: element.xmlNamespace, into: &xml) }
            xml.close(name)
        case (.map, .object(let entries)):
            xml.open(name, attributes: declaration(namespace))
            if let key = target.key, let valueRef = target.value {
                for entryKey in entries.keys.sorted() where entries[entryKey] != .null {
                    xml.open("entry")
                    mapEntry(entryKey, entries[entryKey]!, key: key, value: valueRef, into: &xml)
                    xml.close("entry")
                }
            }
            xml.close(name)
        default:
            xml.open(name, attributes: declaration(namespace))
            xml.characters(text(value, ref))
            xml.close(name)
        }
    }

    /// A scalar's text in an XML body: timestamps ISO 8601 unless the member says otherwise.
    private func text(_ value: JSONValue, _ ref: Member) -> String {
        if model[ref.shape].type == .timestamp, let seconds = JSONBody.seconds(value) {
            return Timestamp.format(seconds, ref.timestampFormat, default: "iso8601")
        }
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return QueryXMLEncoder.formatNumber(number)
        case .null: return ""
        case .array, .object: return value.jsonText()
        }
    }
}
