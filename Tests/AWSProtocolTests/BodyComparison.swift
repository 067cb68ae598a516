import Foundation
import JSON
@testable import AWSWire

/// Compares a response body with the expected one as documents of the protocol's format.
/// Returns nil when they mean the same, else what differs.
///
/// Leaves compare as values: numbers by value (`1.0` = `1`), timestamps by instant
/// (`2019-12-16T22:48:18-01:00` = `2019-12-16T23:48:18Z`), so only meaning is checked.
typealias BodyComparator = @Sendable (_ expected: Data, _ actual: Data) -> String?

enum BodyComparison {
    /// The comparator of each protocol (metadata `protocol`).
    static let comparators: [String: BodyComparator] = [
        "json": json,
        "rest-json": json,
        "query": xml(ignoringRootNamespace: true),
        "ec2": xml(ignoringRootNamespace: true),
        "rest-xml": xml(ignoringRootNamespace: false),
        "smithy-rpc-v2-cbor": cbor,
    ]

    static func compare(_ expected: Data, _ actual: Data, protocolName: String) -> String? {
        if expected == actual { return nil }
        guard let comparator = comparators[protocolName] else {
            return "no body comparator for protocol \(protocolName)"
        }
        return comparator(expected, actual)
    }

    // MARK: JSON

    static let json: BodyComparator = { expected, actual in
        let blank = { (data: Data) in data.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } }
        if blank(expected) {
            // No body expected: an empty JSON object says as little.
            if blank(actual) || (try? JSONValue(jsonData: actual)) == .object([:]) { return nil }
            return "expected no body, got \(text(actual))"
        }
        guard let want = try? JSONValue(jsonData: expected) else {
            // Not JSON (a raw payload): bytes must match.
            return "expected body \(text(expected)), got \(text(actual))"
        }
        guard let got = try? JSONValue(jsonData: actual) else { return "body is not JSON: \(text(actual))" }
        return sameJSON(want, got) ? nil : "expected body \(want.jsonText()), got \(got.jsonText())"
    }

    static func sameJSON(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            return Set(x.keys) == Set(y.keys) && x.allSatisfy { key, value in
                if key == "__type", case .string(let p) = value, case .string(let q)? = y[key] {
                    return errorTypeName(p) == errorTypeName(q)
                }
                return sameJSON(value, y[key]!)
            }
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy(sameJSON)
        case (.string(let x), .string(let y)):
            return sameLeaf(x, y)
        case (.number(let x), .number(let y)):
            return x == y || abs(x - y) < 1e-9 * max(1, abs(x))
        default:
            return a == b
        }
    }

    /// `aws.protocoltests.json10#FooError:http://…` → `FooError`: what clients make of an error
    /// type (botocore drops the Smithy namespace and a trailing URI), so servers may write either.
    static func errorTypeName(_ type: String) -> Substring {
        var name = Substring(type)
        if let hash = name.lastIndex(of: "#") { name = name[name.index(after: hash)...] }
        if let colon = name.firstIndex(of: ":") { name = name[..<colon] }
        return name
    }

    // MARK: XML

    /// XML as a tree: whitespace between elements and attribute order ignored; siblings of
    /// different names in any order, those of one name in order (list items). Request-id
    /// elements are dropped from both sides. Query and EC2 clients ignore the root's
    /// service namespace, which these test models do not state.
    static func xml(ignoringRootNamespace: Bool) -> BodyComparator {
        return { expected, actual in
            let blank = { (data: Data) in data.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } }
            let requestIDs: Set = ["ResponseMetadata", "RequestId", "RequestID", "requestId"]
            if blank(expected) {
                // No body expected: an envelope holding no data (the response and result
                // elements AWS always writes, a request id) says as little.
                if blank(actual) { return nil }
                guard let got = XMLTree.parse(actual) else { return "expected no body, got \(text(actual))" }
                got.removingElements(named: requestIDs)
                return got.holdsData ? "expected no body, got \(text(actual))" : nil
            }
            guard let want = XMLTree.parse(expected) else { return "expected body is not XML: \(text(expected))" }
            guard let got = XMLTree.parse(actual) else { return "body is not XML: \(text(actual))" }
            want.removingElements(named: requestIDs)
            got.removingElements(named: requestIDs)
            if ignoringRootNamespace {
                want.attributes["xmlns"] = nil
                got.attributes["xmlns"] = nil
            }
            return sameXML(want, got) ? nil : "expected body \(want.rendered), got \(got.rendered)"
        }
    }

    static func sameXML(_ a: XMLTree, _ b: XMLTree) -> Bool {
        guard a.name == b.name, a.attributes == b.attributes else { return false }
        if a.children.isEmpty && b.children.isEmpty {
            return sameLeaf(a.text.trimmingCharacters(in: .whitespacesAndNewlines), b.text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let names = Set(a.children.map(\.name))
        guard names == Set(b.children.map(\.name)) else { return false }
        for name in names {
            let x = a.children.filter { $0.name == name }
            let y = b.children.filter { $0.name == name }
            guard x.count == y.count else { return false }
            if zip(x, y).allSatisfy(sameXML) { continue }
            // Not in order: map entries carry no order (services hand maps over as JSON
            // objects), so the same entries in another order are the same map.
            var unmatched = y
            for item in x {
                guard let index = unmatched.firstIndex(where: { sameXML(item, $0) }) else { return false }
                unmatched.remove(at: index)
            }
        }
        return true
    }

    // MARK: Leaves

    /// Text leaves: equal, or the same number, or the same instant.
    static func sameLeaf(_ x: String, _ y: String) -> Bool {
        if x == y { return true }
        if let p = Double(x), let q = Double(y) { return p == q || (p.isNaN && q.isNaN) }
        if let p = instant(x), let q = instant(y) { return abs(p - q) < 0.0005 }
        return false
    }

    static func instant(_ text: String) -> Double? {
        Timestamp.parseISO8601(text) ?? Timestamp.parseHTTPDate(text)
    }

    static func text(_ data: Data) -> String {
        let string = String(decoding: data.prefix(600), as: UTF8.self)
        return data.isEmpty ? "(empty)" : string.debugDescription
    }
}
