import Foundation
import JSON

/// Writes an operation's JSON-form output as a query-protocol XML response, the inverse
/// of botocore's `QueryParser`:
///
///     <SendMessageResponse xmlns="…"><SendMessageResult>…</SendMessageResult>
///     <ResponseMetadata><RequestId>…</RequestId></ResponseMetadata></SendMessageResponse>
///
/// Members are written in model order under their `locationName`; flattened lists and
/// maps repeat their element in place, others wrap elements in `member` / `entry`.
/// Values that do not fit the shape are written as best they can be, never dropped
/// silently or fatally: the service produced them and the client may cope.
///
/// EC2's dialect (botocore's `EC2QueryParser`) has no result wrapper: the members sit in
/// `<OperationResponse>` itself, followed by `<requestId>`.
struct QueryXMLEncoder {
    let model: ServiceModel
    var dialect: QueryInputDecoder.Dialect = .query

    func response(_ operation: OperationModel, output: JSONValue, requestId: String) -> Data {
        var xml = XMLWriter()
        let root = operation.name + "Response"
        xml.open(root, namespace: model.metadata.xmlNamespace)
        if dialect == .ec2 {
            if let outputID = operation.output, case .object(let fields) = output {
                structure(fields, model[outputID], into: &xml)
            }
            xml.element("requestId", requestId)
            xml.close(root)
            return Data(xml.text.utf8)
        }
        if let outputID = operation.output {
            let wrapper = operation.resultWrapper
            if case .object(let fields) = output, !fields.isEmpty {
                xml.open(wrapper)
                structure(fields, model[outputID], into: &xml)
                xml.close(wrapper)
            } else {
                xml.empty(wrapper)
            }
        }
        xml.open("ResponseMetadata")
        xml.element("RequestId", requestId)
        xml.close("ResponseMetadata")
        xml.close(root)
        return Data(xml.text.utf8)
    }

    /// A structure's members as child elements of the element being written.
    func structure(_ fields: [String: JSONValue], _ shape: Shape, into xml: inout XMLWriter) {
        for member in shape.members {
            guard let value = fields[member.name], value != .null else { continue }
            self.member(member, value, into: &xml)
        }
    }

    /// A structure member: lists and maps may be flattened into their parent.
    private func member(_ member: Member, _ value: JSONValue, into xml: inout XMLWriter) {
        let target = model[member.shape]
        let name = member.locationName ?? member.name
        switch target.type {
        case .list where member.flattened:
            guard case .array(let items) = value, let element = target.member else { return }
            // botocore looks a flattened list up by its element's name when it has one.
            let elementName = element.locationName ?? name
            for item in items where item != .null { self.value(item, element, named: elementName, into: &xml) }
        case .map where member.flattened:
            guard case .object(let entries) = value, let key = target.key, let valueRef = target.value else { return }
            for entryKey in entries.keys.sorted() {
                open(name, member, into: &xml)
                mapEntry(entryKey, entries[entryKey]!, key: key, value: valueRef, into: &xml)
                xml.close(name)
            }
        default:
            self.value(value, member, named: name, into: &xml)
        }
    }

    private func mapEntry(_ key: String, _ value: JSONValue, key keyRef: Member, value valueRef: Member, into xml: inout XMLWriter) {
        let keyName = keyRef.locationName ?? "key"
        open(keyName, keyRef, into: &xml)
        xml.characters(key)
        xml.close(keyName)
        self.value(value, valueRef, named: valueRef.locationName ?? "value", into: &xml)
    }

    /// An opening tag, declaring the namespace the reference names (`xmlNamespace`).
    private func open(_ name: String, _ ref: Member, into xml: inout XMLWriter) {
        guard let namespace = ref.xmlNamespace else { return xml.open(name) }
        xml.open(name, attributes: [(namespace.prefix.map { "xmlns:" + $0 } ?? "xmlns", namespace.uri)])
    }

    /// One element named `name` holding `value` as the shape `ref` points to.
    private func value(_ value: JSONValue, _ ref: Member, named name: String, into xml: inout XMLWriter) {
        let target = model[ref.shape]
        switch (target.type, value) {
        case (.structure, .object(let fields)):
            open(name, ref, into: &xml)
            structure(fields, target, into: &xml)
            xml.close(name)
        case (.list, .array(let items)):
            open(name, ref, into: &xml)
            if let element = target.member {
                let elementName = element.locationName ?? "member"
                for item in items where item != .null { self.value(item, element, named: elementName, into: &xml) }
            }
            xml.close(name)
        case (.map, .object(let entries)):
            open(name, ref, into: &xml)
            if let key = target.key, let valueRef = target.value {
                for entryKey in entries.keys.sorted() {
                    xml.open("entry")
                    mapEntry(entryKey, entries[entryKey]!, key: key, value: valueRef, into: &xml)
                    xml.close("entry")
                }
            }
            xml.close(name)
        default:
            open(name, ref, into: &xml)
            xml.characters(scalarText(value, target, format: ref.timestampFormat))
            xml.close(name)
        }
    }

    private func scalarText(_ value: JSONValue, _ shape: Shape, format: String?) -> String {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number):
            if shape.type == .timestamp {
                switch format {
                case "unixTimestamp": return Self.formatNumber(number)
                case "rfc822": return Timestamp.httpDate(number)
                default: return Timestamp.iso8601(number)
                }
            }
            return Self.formatNumber(number)
        case .null: return ""
        case .array, .object: return value.jsonText()
        }
    }

    /// Integral values print without a fraction; others in Swift's shortest round-trip form.
    static func formatNumber(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e17 { return String(Int64(number)) }
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        return "\(number)"
    }
}
