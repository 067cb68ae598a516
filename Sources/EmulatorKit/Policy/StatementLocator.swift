/// Finds where each statement object of a policy starts and ends in its text, so the
/// policy simulator can report `MatchedStatements` positions as IAM does. Runs only on
/// text that already parsed as JSON; anything unexpected yields no positions.
enum StatementLocator {
    struct Span: Equatable {
        var start: PolicyPosition
        var end: PolicyPosition
    }

    static func locate(in text: String) -> [Span] {
        var scanner = Scanner(bytes: Array(text.utf8))
        return scanner.statements() ?? []
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var column = 1

        var position: PolicyPosition { PolicyPosition(line: line, column: column) }
        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func advance() {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1  // count characters, not UTF-8 continuation bytes
            }
        }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { advance() }
        }

        /// The top-level `Statement` value's objects.
        mutating func statements() -> [Span]? {
            skipWhitespace()
            guard current == UInt8(ascii: "{") else { return nil }
            advance()
            var spans: [Span] = []
            while true {
                skipWhitespace()
                if current == UInt8(ascii: "}") { return spans }
                guard let key = string() else { return nil }
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { return nil }
                advance()
                skipWhitespace()
                if key == "Statement" {
                    if current == UInt8(ascii: "[") {
                        advance()
                        while true {
                            skipWhitespace()
                            if current == UInt8(ascii: "]") { advance(); break }
                            let start = position
                            let isObject = current == UInt8(ascii: "{")
                            guard skipValue() else { return nil }
                            if isObject { spans.append(Span(start: start, end: position)) }
                            skipWhitespace()
                            if current == UInt8(ascii: ",") { advance() }
                        }
                    } else {
                        let start = position
                        guard skipValue() else { return nil }
                        spans.append(Span(start: start, end: position))
                    }
                } else {
                    guard skipValue() else { return nil }
                }
                skipWhitespace()
                if current == UInt8(ascii: ",") { advance() }
            }
        }

        mutating func string() -> String? {
            guard current == UInt8(ascii: "\"") else { return nil }
            advance()
            var utf8: [UInt8] = []
            while let byte = current {
                advance()
                if byte == UInt8(ascii: "\"") { return String(decoding: utf8, as: UTF8.self) }
                if byte == UInt8(ascii: "\\") {
                    guard current != nil else { return nil }
                    utf8.append(bytes[index])
                    advance()
                } else {
                    utf8.append(byte)
                }
            }
            return nil
        }

        mutating func skipValue() -> Bool {
            skipWhitespace()
            guard let byte = current else { return false }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                advance()
                while true {
                    skipWhitespace()
                    guard let next = current else { return false }
                    if next == close { advance(); return true }
                    if next == UInt8(ascii: ",") || next == UInt8(ascii: ":") { advance(); continue }
                    guard skipValue() else { return false }
                }
            case UInt8(ascii: "\""):
                return string() != nil
            default:
                while let next = current, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09].contains(next) {
                    advance()
                }
                return true
            }
        }
    }
}
