import Foundation

/// The few shapes the lab parser recognises in text, matched by hand: each ICU regular
/// expression Foundation compiles costs more than parsing a whole lab, and `handson check`
/// parses the lab on every run.
enum NativePatterns {
    /// `^[a-z0-9]+(-[a-z0-9]+)*$`: lowercase letters, digits and single inner hyphens (`sqs-dlq`).
    static func isIdentifier(_ text: some StringProtocol) -> Bool {
        guard let first = text.first, let last = text.last, first != "-", last != "-", !text.contains("--") else { return false }
        return text.allSatisfy { $0 == "-" || isLowercaseLetterOrDigit($0) }
    }

    /// `^[a-z]{2}$`: a two-letter language code.
    static func isLanguageCode(_ text: String) -> Bool {
        text.count == 2 && text.allSatisfy { $0.isASCII && $0.isLowercase }
    }

    /// The id in a step heading's `<!-- id: sqs-dlq -->` comment, if the HTML is one.
    static func stepIdComment(_ html: String) -> String? {
        guard let open = html.range(of: "<!--"), let close = html.range(of: "-->", range: open.upperBound..<html.endIndex) else {
            return nil
        }
        let inside = html[open.upperBound..<close.lowerBound].drop(while: \.isWhitespace)
        guard inside.hasPrefix("id:") else { return nil }
        let id = inside.dropFirst(3).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !id.isEmpty, id.allSatisfy({ $0 == "-" || isLowercaseLetterOrDigit($0) }) else { return nil }
        return String(id)
    }

    /// The text with every `<…>` tag removed (`<[^>]+>`; a `<` never closed stays).
    static func removingTags(_ html: String) -> String {
        var text = ""
        var index = html.startIndex
        while index < html.endIndex {
            if html[index] == "<", let close = html[index...].firstIndex(of: ">"), html.index(after: index) < close {
                index = html.index(after: close)
            } else {
                text.append(html[index])
                index = html.index(after: index)
            }
        }
        return text
    }

    private static func isLowercaseLetterOrDigit(_ character: Character) -> Bool {
        character.isASCII && (character.isLowercase || character.isNumber)
    }
}

extension LabMetadata {
    /// Whether `id` is a valid lab id: lowercase letters, digits and single inner hyphens.
    public static func isValidId(_ id: String) -> Bool { NativePatterns.isIdentifier(id) }
}
