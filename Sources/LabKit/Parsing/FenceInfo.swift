/// A fenced code block's info string: the language first, then words, then `{attributes}`.
/// ```` ```python {file=handler.py executable} ````, ```` ```explain memory ````, ```` ```yaml {check} ````
struct FenceInfo: Sendable, Hashable {
    var language: String
    /// Words between the language and the attributes (`memory` in `explain memory`).
    var words: [String]
    /// `key=value` attributes; flags (`check`, `norun`) have an empty value.
    var attributes: [String: String]
    /// Attribute names in the order written, to report unknown ones in place.
    var attributeOrder: [String]

    enum ParseError: Error, Equatable {
        case unclosedBrace
        case unclosedQuote
        case textAfterAttributes
        case emptyAttributeName
    }

    func has(_ flag: String) -> Bool { attributes[flag] != nil }

    static func parse(_ info: String) -> Result<FenceInfo, ParseError> {
        let trimmed = info.trimmingCharacters(in: .whitespaces)
        var head = Substring(trimmed)
        var attributeText: Substring?
        if let open = trimmed.firstIndex(of: "{") {
            head = trimmed[..<open]
            guard let close = trimmed.lastIndex(of: "}") , close > open else { return .failure(.unclosedBrace) }
            attributeText = trimmed[trimmed.index(after: open)..<close]
            if !trimmed[trimmed.index(after: close)...].trimmingCharacters(in: .whitespaces).isEmpty {
                return .failure(.textAfterAttributes)
            }
        }
        let headWords = head.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        var attributes: [String: String] = [:]
        var order: [String] = []
        if let attributeText {
            switch tokenize(attributeText) {
            case .failure(let e): return .failure(e)
            case .success(let tokens):
                for token in tokens {
                    let (key, value) = token
                    guard !key.isEmpty else { return .failure(.emptyAttributeName) }
                    attributes[key] = value
                    order.append(key)
                }
            }
        }
        return .success(FenceInfo(language: headWords.first ?? "", words: Array(headWords.dropFirst()),
                                  attributes: attributes, attributeOrder: order))
    }

    /// Splits `a=1 b="two words" flag` into pairs, honouring double quotes.
    private static func tokenize(_ text: Substring) -> Result<[(String, String)], ParseError> {
        var tokens: [(String, String)] = []
        var key = ""
        var value = ""
        var inValue = false
        var quoted = false
        func flush() {
            if !key.isEmpty || inValue { tokens.append((key, value)) }
            key = ""; value = ""; inValue = false
        }
        for ch in text {
            if quoted {
                if ch == "\"" { quoted = false } else { value.append(ch) }
            } else if ch == " " || ch == "\t" {
                flush()
            } else if ch == "=" && !inValue {
                inValue = true
            } else if ch == "\"" && inValue && value.isEmpty {
                quoted = true
            } else if inValue {
                value.append(ch)
            } else {
                key.append(ch)
            }
        }
        if quoted { return .failure(.unclosedQuote) }
        flush()
        return .success(tokens)
    }
}

import Foundation
