import JSON

/// `handson why`: the state document's `deliveries` (one trace per publish, event or object
/// notification) as Markdown a learner can act on: for each route whether it matched, and
/// when not the first field that failed; for each delivery what became of it.
public enum DeliveryReport {
    public static func markdown(_ deliveries: JSONValue, last count: Int, service: String? = nil) -> String {
        var traces = deliveries.arrayValue ?? []
        if let service { traces = traces.filter { $0["service"]?.stringValue == service } }
        guard !traces.isEmpty else {
            return service.map { "No \($0) messages or events have been routed yet." }
                ?? "No messages or events have been routed yet (SNS publishes, EventBridge events, S3 notifications)."
        }
        let shown = traces.suffix(max(count, 1))
        var blocks: [String] = []
        if traces.count > shown.count { blocks.append("The last \(shown.count) of \(traces.count):") }
        for trace in shown { blocks.append(block(trace)) }
        return blocks.joined(separator: "\n\n")
    }

    static func block(_ trace: JSONValue) -> String {
        let text = { (key: String) in trace[key]?.stringValue ?? "" }
        var lines = ["**\(escaped(text("summary")))**  ", "\(text("service")) · \(text("time")) · `\(text("id"))` · from `\(text("source"))`"]
        let routes = trace["routes"]?.arrayValue ?? []
        if routes.isEmpty {
            lines.append("- nothing to route to: no subscription, rule or notification configuration matched this source")
        }
        for route in routes { lines.append("- " + line(route)) }
        return lines.joined(separator: "\n")
    }

    static func line(_ route: JSONValue) -> String {
        let target = "`\(route["route"]?.stringValue ?? "")` → `\(route["endpoint"]?.stringValue ?? "")`"
        guard route["matched"] == .bool(true) else {
            return "✗ \(target): not matched: \(escaped(route["mismatch"]?.stringValue ?? "the pattern did not match"))"
        }
        guard let delivery = route["delivery"] else { return "· \(target): matched" }
        let status = delivery["status"]?.stringValue ?? ""
        let detail = escaped(delivery["detail"]?.stringValue ?? "")
        let mark = switch status {
        case "delivered": "✓"
        case "pending": "…"
        default: "✗"
        }
        return "\(mark) \(target): \(status)\(detail.isEmpty ? "" : ": \(detail)")"
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "*", with: "\\*").replacingOccurrences(of: "_", with: "\\_")
    }
}
