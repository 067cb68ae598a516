/// Number formats for explanations, independent of the machine's locale so output is stable.
enum NumberFormatting {
    /// 10324440 → "10,324,440"
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    /// 7227108 → "7.2 million"; 10324440 → "10.3 million"
    static func millions(_ value: Int) -> String {
        let tenths = (Double(value) / 100_000).rounded()
        let text = tenths.truncatingRemainder(dividingBy: 10) == 0
            ? "\(Int(tenths / 10))" : "\(Int(tenths) / 10).\(Int(tenths) % 10)"
        return text
    }

    /// 7227108 → "723万" (Japanese counts in units of ten thousand)
    static func man(_ value: Int) -> String {
        "\(Int((Double(value) / 10_000).rounded()))万"
    }

    /// 0.7 → "70%"
    static func percent(_ value: Double) -> String {
        let p = value * 100
        return p == p.rounded() ? "\(Int(p))%" : "\(p)%"
    }
}
