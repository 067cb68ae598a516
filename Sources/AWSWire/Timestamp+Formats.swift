import Foundation

/// Timestamps by `timestampFormat` (`iso8601`, `rfc822` = HTTP-date, `unixTimestamp`), and
/// read in whichever form a client chose: REST clients differ by place and by SDK.
extension Timestamp {
    private static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// HTTP-date's obsolete RFC 850 and asctime relatives (and IMF-fixdate): an optional weekday, day, month
    /// name, year (two digits mean 19xx/20xx), `HH:MM:SS[.fff]`, then `GMT`/`UTC`/`Z`/`+0000`.
    static func parseHTTPDateLeniently(_ text: String) -> Double? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" }).map(String.init)
        var day: Int?, month: Int?, year: Int?, time: [Substring]?
        for word in words {
            if let index = monthAbbreviations.firstIndex(where: { $0.caseInsensitiveCompare(word.prefix(3)) == .orderedSame }), word.count <= 9, month == nil, Int(word) == nil {
                month = index + 1
            } else if word.contains(":") {
                time = word.split(separator: ":")
            } else if let number = Int(word) {
                if day == nil, word.count <= 2, year == nil || month != nil { day = number } else { year = number }
            }
        }
        guard let day, let month, var year, let time, time.count == 3,
              let hour = Int(time[0]), let minute = Int(time[1]), let second = Double(time[2]),
              (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        if year < 100 { year += year < 70 ? 2000 : 1900 }
        let days = Timestamp.days(fromCivil: Int64(year), month, day)
        return Double(days) * 86_400 + Double(hour * 3600 + minute * 60) + second
    }

    /// Text in `format` (`iso8601`, `rfc822`, `unixTimestamp`), else the default form.
    static func format(_ epochSeconds: Double, _ format: String?, default defaultFormat: String) -> String {
        switch format ?? defaultFormat {
        case "rfc822": httpDate(epochSeconds)
        case "unixTimestamp": QueryXMLEncoder.formatNumber((epochSeconds * 1000).rounded() / 1000)
        default: iso8601(epochSeconds)
        }
    }

    /// Any of the three forms, whichever `text` is: clients differ in what they send.
    static func parseAny(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), trimmed.first?.isNumber == true || trimmed.first == "-" { return seconds }
        return parseISO8601(trimmed) ?? parseHTTPDate(trimmed) ?? parseHTTPDateLeniently(trimmed)
    }
}
