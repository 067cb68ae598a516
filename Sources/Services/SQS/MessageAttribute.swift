import EmulatorKit
import Foundation
import JSON

/// One message attribute as sent: its data type (`String`, `Number.int`, `Binary.png`, …)
/// and its value, text for String and Number types, bytes for Binary ones.
struct MessageAttributeValue: Sendable, Equatable {
    enum Content: Sendable, Equatable {
        case string(String)
        case binary([UInt8])
    }

    var dataType: String
    var content: Content

    /// The attribute as SQS returns it: `{"DataType", "StringValue"|"BinaryValue"(base64)}`.
    var json: JSONValue {
        switch content {
        case .string(let text): ["DataType": .string(dataType), "StringValue": .string(text)]
        case .binary(let bytes): ["DataType": .string(dataType), "BinaryValue": .string(Data(bytes).base64EncodedString())]
        }
    }

    /// Bytes the attribute adds to the message size: name, type and value.
    func size(name: String) -> Int {
        let valueSize: Int
        switch content {
        case .string(let text): valueSize = text.utf8.count
        case .binary(let bytes): valueSize = bytes.count
        }
        return name.utf8.count + dataType.utf8.count + valueSize
    }
}

struct MessageAttribute: Sendable, Equatable {
    var name: String
    var value: MessageAttributeValue
}

/// Parsing and validation of `MessageAttributes` and `MessageSystemAttributes`, with the
/// service's rules: at most 10, names of [A-Za-z0-9_.-] not starting with `AWS.`/`Amazon.`,
/// data types prefixed String/Number/Binary, non-empty values, numbers that parse.
enum MessageAttributeParser {
    static let maximumCount = 10

    static func parse(_ input: [String: ServiceInput]?) throws(AWSError) -> [MessageAttribute] {
        guard let input, !input.isEmpty else { return [] }
        if input.count > maximumCount {
            throw SQSErrors.invalidParameterValue(
                "Number of message attributes [\(input.count)] exceeds the allowed maximum [\(maximumCount)].")
        }
        var result: [MessageAttribute] = []
        for name in input.keys.sorted() {
            try validateName(name)
            result.append(MessageAttribute(name: name, value: try parseValue(name: name, input[name]!, system: false)))
        }
        return result
    }

    /// Only `AWSTraceHeader` exists, and it is a String.
    static func parseSystem(_ input: [String: ServiceInput]?) throws(AWSError) -> [MessageAttribute] {
        guard let input, !input.isEmpty else { return [] }
        var result: [MessageAttribute] = []
        for name in input.keys.sorted() {
            guard name == "AWSTraceHeader" else {
                throw SQSErrors.invalidParameterValue("Message system attribute name '\(name)' is invalid.")
            }
            let value = try parseValue(name: name, input[name]!, system: true)
            guard value.dataType == "String" else {
                throw SQSErrors.invalidParameterValue("The message system attribute '\(name)' must have type 'String'.")
            }
            result.append(MessageAttribute(name: name, value: value))
        }
        return result
    }

    static func validateName(_ name: String) throws(AWSError) {
        if name.isEmpty {
            throw SQSErrors.invalidParameterValue("The request must contain non-empty message (user) attribute names.")
        }
        if name.utf8.count > 256 {
            throw SQSErrors.invalidParameterValue("Message (user) attribute names must be shorter than 256 Bytes")
        }
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-.".unicodeScalars.contains(scalar))
        }
        if !allowed {
            throw SQSErrors.invalidParameterValue(
                "Message (user) attributes name can only contain upper and lower score characters, digits, periods, hyphens and underscores. ")
        }
        let lower = name.lowercased()
        if lower.hasPrefix("aws.") || lower.hasPrefix("amazon.") || name.hasPrefix(".") || name.hasSuffix(".") || name.contains("..") {
            throw SQSErrors.invalidParameterValue(
                "You can't use message attribute names beginning with 'AWS.' or 'Amazon.'. These strings are reserved for internal use. Additionally, they cannot start or end with '.'.")
        }
    }

    private static func parseValue(name: String, _ input: ServiceInput, system: Bool) throws(AWSError) -> MessageAttributeValue {
        let kind = system ? "system" : "user"
        guard let dataType = try input.string("DataType"), !dataType.isEmpty else {
            throw SQSErrors.invalidParameterValue("The message attribute '\(name)' must contain a non-empty message attribute type.")
        }
        guard let base = baseType(of: dataType), dataType.utf8.count <= 256 else {
            throw SQSErrors.invalidParameterValue(
                "The type of message (\(kind)) attribute '\(name)' is invalid. You must use only the following supported type prefixes: Binary, Number, String.")
        }
        if input.has("StringListValues") || input.has("BinaryListValues") {
            throw SQSErrors.invalidParameterValue("Message (\(kind)) attribute '\(name)': list values are not supported.")
        }
        switch base {
        case "Binary":
            guard input.has("BinaryValue") else {
                throw SQSErrors.invalidParameterValue("The message attribute '\(name)' with type 'Binary' must use field 'Binary'.")
            }
            let encoded = try input.string("BinaryValue") ?? ""
            guard let bytes = Data(base64Encoded: encoded) else {
                throw SQSErrors.invalidParameterValue("Value \(encoded) for parameter MessageAttributes.\(name).BinaryValue is invalid.")
            }
            guard !bytes.isEmpty else {
                throw SQSErrors.invalidParameterValue("Message (\(kind)) attribute '\(name)' must contain a non-empty value of type 'Binary'.")
            }
            return MessageAttributeValue(dataType: dataType, content: .binary(Array(bytes)))
        default:
            guard input.has("StringValue") else {
                throw SQSErrors.invalidParameterValue("The message attribute '\(name)' with type '\(base)' must use field 'String'.")
            }
            let text = try input.string("StringValue") ?? ""
            guard !text.isEmpty else {
                throw SQSErrors.invalidParameterValue("Message (\(kind)) attribute '\(name)' must contain a non-empty value of type '\(base)'.")
            }
            if base == "Number", !isValidNumber(text) {
                throw SQSErrors.invalidParameterValue("Can't cast the value of message (\(kind)) attribute '\(name)' to a number.")
            }
            if !MessageBody.hasOnlyValidCharacters(text) {
                throw SQSErrors.invalidParameterValue(SQSErrors.invalidCharactersMessage)
            }
            return MessageAttributeValue(dataType: dataType, content: .string(text))
        }
    }

    /// `String`, `Number` or `Binary`, optionally followed by `.custom`.
    static func baseType(of dataType: String) -> String? {
        for base in ["String", "Number", "Binary"] where dataType.hasPrefix(base) {
            let rest = dataType.dropFirst(base.count)
            if rest.isEmpty { return base }
            if rest.hasPrefix("."), rest.count > 1 { return base }
        }
        return nil
    }

    /// SQS numbers: up to 38 significant digits, magnitude between 10^-128 and 10^126.
    static func isValidNumber(_ text: String) -> Bool {
        guard let value = Double(text), value.isFinite, Decimal(string: text) != nil else { return false }
        let digits = text.filter(\.isNumber).drop(while: { $0 == "0" })
        if digits.count > 38 { return false }
        return value == 0 || (abs(value) < 1e126 && abs(value) >= 1e-128)
    }

    /// The attributes as SQS returns them (a map by name).
    static func json(_ attributes: [MessageAttribute]) -> JSONValue {
        .object(Dictionary(attributes.map { ($0.name, $0.value.json) }, uniquingKeysWith: { _, last in last }))
    }

    /// Restores attributes from their persisted JSON form.
    static func fromJSON(_ value: JSONValue) -> [MessageAttribute] {
        guard case .object(let members) = value else { return [] }
        var result: [MessageAttribute] = []
        for (name, attribute) in members {
            guard case .object(let fields) = attribute, case .string(let dataType)? = fields["DataType"] else { continue }
            if case .string(let encoded)? = fields["BinaryValue"], let bytes = Data(base64Encoded: encoded) {
                result.append(MessageAttribute(name: name, value: MessageAttributeValue(dataType: dataType, content: .binary(Array(bytes)))))
            } else if case .string(let text)? = fields["StringValue"] {
                result.append(MessageAttribute(name: name, value: MessageAttributeValue(dataType: dataType, content: .string(text))))
            }
        }
        return result.sorted { $0.name < $1.name }
    }
}

enum MessageBody {
    /// The characters XML 1.0 allows: #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | #x10000-#x10FFFF.
    /// (Swift strings cannot hold surrogates, so #xD800-#xDFFF never occur.)
    static func hasOnlyValidCharacters(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x20 {
                if v == 0xFFFE || v == 0xFFFF { return false }
                continue
            }
            if v != 0x9 && v != 0xA && v != 0xD { return false }
        }
        return true
    }
}
