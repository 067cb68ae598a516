import Foundation

/// A JSON tree that keeps object keys in document order, used only to read service models
/// at startup. `JSONValue` objects are dictionaries, but a model's member order is the
/// order AWS writes XML elements in, so the model reader needs the order kept.
indirect enum ModelJSON: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ModelJSON])
    case object([(key: String, value: ModelJSON)])

    subscript(key: String) -> ModelJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    var string: String? { if case .string(let value) = self { value } else { nil } }
    var number: Double? { if case .number(let value) = self { value } else { nil } }
    var bool: Bool? { if case .bool(let value) = self { value } else { nil } }
    var array: [ModelJSON]? { if case .array(let value) = self { value } else { nil } }
    var members: [(key: String, value: ModelJSON)]? { if case .object(let value) = self { value } else { nil } }
}

struct ModelJSONError: Error, CustomStringConvertible {
    let description: String
}

// MARK: - Overlay merge

extension ModelJSON {
    /// Merges `overlay` into `self`: objects merge key by key, anything else replaces.
    /// Inside the name-keyed maps (`shapes`, `members`, `operations`) an overlay may only
    /// patch names the base already has, so a misspelt shape or member fails loudly
    /// instead of being silently ignored.
    func merging(_ overlay: ModelJSON, path: String = "") throws(ModelJSONError) -> ModelJSON {
        guard case .object(var base) = self, case .object(let patch) = overlay else { return overlay }
        let parentIsNameMap = ["shapes", "members", "operations"].contains(path.split(separator: "/").last.map(String.init) ?? "")
        for (key, value) in patch where !key.hasPrefix("_") {
            let childPath = path + "/" + key
            if let index = base.firstIndex(where: { $0.key == key }) {
                base[index].value = try base[index].value.merging(value, path: childPath)
            } else if parentIsNameMap {
                throw ModelJSONError(description: "overlay names \(childPath), which the model does not have")
            } else {
                base.append((key, value))
            }
        }
        return .object(base)
    }
}

// MARK: - Parsing

extension ModelJSON {
    init(data: Data) throws(ModelJSONError) {
        var reader = Reader(bytes: [UInt8](data))
        reader.skipWhitespace()
        self = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.position == reader.bytes.count else { throw reader.failure("trailing characters") }
    }

    /// Only the named members of a top-level object, the others skipped without being built:
    /// what the catalog reads of a model (its `metadata`) before a request needs the rest.
    static func topLevelMembers(_ keys: Set<String>, of data: Data) throws(ModelJSONError) -> ModelJSON {
        var reader = Reader(bytes: [UInt8](data))
        try reader.expect(UInt8(ascii: "{"))
        var members: [(key: String, value: ModelJSON)] = []
        reader.skipWhitespace()
        if reader.current == UInt8(ascii: "}") { return .object(members) }
        while true {
            reader.skipWhitespace()
            let key = try reader.string()
            try reader.expect(UInt8(ascii: ":"))
            if keys.contains(key) {
                members.append((key, try reader.value(depth: 1)))
                if members.count == keys.count { return .object(members) }
            } else {
                try reader.skipValue()
            }
            reader.skipWhitespace()
            guard let next = reader.current else { throw reader.failure("unterminated object") }
            reader.position += 1
            if next == UInt8(ascii: "}") { return .object(members) }
            guard next == UInt8(ascii: ",") else { throw reader.failure("expected ',' or '}'") }
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }

        func failure(_ message: String) -> ModelJSONError {
            ModelJSONError(description: "model JSON at byte \(position): \(message)")
        }

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
        }

        mutating func expect(_ byte: UInt8) throws(ModelJSONError) {
            skipWhitespace()
            guard current == byte else { throw failure("expected '\(Character(UnicodeScalar(byte)))'") }
            position += 1
        }

        mutating func value(depth: Int) throws(ModelJSONError) -> ModelJSON {
            guard depth < 256 else { throw failure("nested too deeply") }
            skipWhitespace()
            guard let byte = current else { throw failure("unexpected end") }
            switch byte {
            case UInt8(ascii: "{"):
                position += 1
                var members: [(key: String, value: ModelJSON)] = []
                skipWhitespace()
                if current == UInt8(ascii: "}") { position += 1; return .object(members) }
                while true {
                    skipWhitespace()
                    let key = try string()
                    try expect(UInt8(ascii: ":"))
                    members.append((key, try value(depth: depth + 1)))
                    skipWhitespace()
                    guard let next = current else { throw failure("unterminated object") }
                    position += 1
                    if next == UInt8(ascii: "}") { return .object(members) }
                    guard next == UInt8(ascii: ",") else { throw failure("expected ',' or '}'") }
                }
            case UInt8(ascii: "["):
                position += 1
                var elements: [ModelJSON] = []
                skipWhitespace()
                if current == UInt8(ascii: "]") { position += 1; return .array(elements) }
                while true {
                    elements.append(try value(depth: depth + 1))
                    skipWhitespace()
                    guard let next = current else { throw failure("unterminated array") }
                    position += 1
                    if next == UInt8(ascii: "]") { return .array(elements) }
                    guard next == UInt8(ascii: ",") else { throw failure("expected ',' or ']'") }
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): try keyword("true"); return .bool(true)
            case UInt8(ascii: "f"): try keyword("false"); return .bool(false)
            case UInt8(ascii: "n"): try keyword("null"); return .null
            default:
                let start = position
                while let byte = current, byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                    position += 1
                }
                guard let number = Double(String(decoding: bytes[start..<position], as: UTF8.self)) else {
                    throw failure("invalid value")
                }
                return .number(number)
            }
        }

        /// Moves past one value without building it.
        mutating func skipValue() throws(ModelJSONError) {
            skipWhitespace()
            guard let byte = current else { throw failure("unexpected end") }
            guard byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") else {
                if byte == UInt8(ascii: "\"") { try skipString() } else { _ = try value(depth: 0) }
                return
            }
            var depth = 0
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""):
                    try skipString()
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                default:
                    break
                }
                position += 1
                if depth == 0 { return }
            }
            throw failure("unterminated value")
        }

        mutating func skipString() throws(ModelJSONError) {
            position += 1  // the opening quote
            while let byte = current {
                position += byte == UInt8(ascii: "\\") ? 2 : 1
                if byte == UInt8(ascii: "\"") { return }
            }
            throw failure("unterminated string")
        }

        mutating func keyword(_ word: String) throws(ModelJSONError) {
            for byte in word.utf8 {
                guard current == byte else { throw failure("expected \(word)") }
                position += 1
            }
        }

        mutating func string() throws(ModelJSONError) -> String {
            guard current == UInt8(ascii: "\"") else { throw failure("expected a string") }
            position += 1
            var utf8: [UInt8] = []
            while true {
                guard let byte = current else { throw failure("unterminated string") }
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: utf8, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard let escaped = current else { throw failure("unterminated escape") }
                    position += 1
                    switch escaped {
                    case UInt8(ascii: "n"): utf8.append(0x0A)
                    case UInt8(ascii: "t"): utf8.append(0x09)
                    case UInt8(ascii: "r"): utf8.append(0x0D)
                    case UInt8(ascii: "b"): utf8.append(0x08)
                    case UInt8(ascii: "f"): utf8.append(0x0C)
                    case UInt8(ascii: "u"):
                        var code = try hex4()
                        if (0xD800...0xDBFF).contains(code), current == UInt8(ascii: "\\") {
                            position += 2  // \u
                            let low = try hex4()
                            code = 0x10000 + ((code - 0xD800) << 10) + (low &- 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { throw failure("invalid \\u escape") }
                        utf8.append(contentsOf: String(Character(scalar)).utf8)
                    default: utf8.append(escaped)  // \" \\ \/
                    }
                default:
                    utf8.append(byte)
                }
            }
        }

        mutating func hex4() throws(ModelJSONError) -> UInt32 {
            guard position + 4 <= bytes.count,
                  let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
            else { throw failure("invalid \\u escape") }
            position += 4
            return code
        }
    }
}
