import JSON

/// The type of an unquoted YAML scalar, by the rules of YAML 1.1 that Yams' default resolver
/// applies (null, bool, int, float; anything else is a string), without its regular expressions.
enum PlainScalar {
    static func value(of text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL":
            return .null
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON":
            return .bool(true)
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF":
            return .bool(false)
        default:
            if let integer = integer(text) { return .number(Double(integer)) }
            if let number = float(text) { return .number(number) }
            return .string(text)
        }
    }

    /// Decimal, 0x hexadecimal, 0o or leading-0 octal and 0b binary, with `_` separators.
    static func integer(_ text: String) -> Int? {
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard let first = digits.first, first.isASCII, first.isNumber else { return nil }
        let radix: Int
        if digits.hasPrefix("0x") { radix = 16; digits = digits.dropFirst(2) }
        else if digits.hasPrefix("0o") { radix = 8; digits = digits.dropFirst(2) }
        else if digits.hasPrefix("0b") { radix = 2; digits = digits.dropFirst(2) }
        else if digits.count > 1 && first == "0" { radix = 8; digits = digits.dropFirst() }
        else { radix = 10 }
        let cleaned = digits.filter { $0 != "_" }
        guard !cleaned.isEmpty, let magnitude = Int(cleaned, radix: radix) else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// `1.5`, `-2e3`, `.5`, `.inf`, `-.inf`, `.nan`.
    static func float(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        let cleaned = text.filter { $0 != "_" }
        // Only digits, one point, an exponent and signs: Double() alone would take "nan" or "0x1p3".
        guard cleaned.contains(where: \.isNumber),
              cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || ".eE+-".contains($0)) }) else { return nil }
        return Double(cleaned)
    }
}
