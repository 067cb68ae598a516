import Emulator
import Foundation
import Hummingbird
import JMESPath
import JSON

/// The emulator's own endpoints under `/_handson/` (and moto's reset alias): health, the state
/// document lab checks query, reset, and the virtual clock.
struct AdminRoutes: Sendable {
    let emulator: Emulator
    let version: String

    /// Nil when the path is not an admin path (then it is an AWS request).
    func respond(to request: Request, body: Data) async -> Response? {
        let path = request.uri.path
        switch (request.method, path) {
        case (.get, "/_handson/health"):
            return json(.object([
                "status": "running",
                "version": .string(version),
                "services": .array(emulator.serviceNames.map(JSONValue.string)),
                "account": .string(emulator.configuration.account),
                "region": .string(emulator.configuration.region),
                "persistent": .bool(emulator.configuration.databasePath != nil),
            ]))
        case (.get, "/_handson/state"):
            let state = await emulator.state()
            // `?query=EXPR` evaluates JMESPath here, so a check fetches only what it needs.
            if let query = Self.formParameter("query", in: request.uri.query) {
                do {
                    let expression = try JMESPathExpression(query)
                    return json(try expression.search(state))
                } catch {
                    return json(.object(["error": "InvalidQuery", "message": .string(error.description)]), status: .badRequest)
                }
            }
            return json(state)
        case (.post, "/_handson/reset"), (.post, "/moto-api/reset"):
            do {
                try await emulator.reset()
                return json(.object(["status": "reset"]))
            } catch {
                return json(.object(["error": "ResetFailed", "message": .string("\(error)")]), status: .internalServerError)
            }
        case (.get, "/_handson/clock"):
            return json(clockDocument())
        case (.post, "/_handson/clock"):
            return advanceClock(body: body)
        case (.get, "/_handson/snapshots"):
            return json(.object(["snapshots": .array((emulator.snapshots?.names() ?? []).map(JSONValue.string))]))
        case (.post, _) where path.hasPrefix("/_handson/snapshots/"):
            return await snapshot(path: path.dropFirst("/_handson/snapshots/".count))
        default:
            if path.hasPrefix("/_handson/") {
                return json(.object(["error": "NotFound", "message": .string("no emulator endpoint \(request.method.rawValue) \(path); see docs/state.md")]), status: .notFound)
            }
            return nil
        }
    }

    /// `POST /_handson/snapshots/NAME` saves the state as NAME; `…/NAME/restore` puts it back.
    private func snapshot(path: Substring) async -> Response {
        let restore = path.hasSuffix("/restore")
        let name = String(restore ? path.dropLast("/restore".count) : path)
        guard SnapshotStore.isValid(name: name) else {
            return json(.object(["error": "InvalidRequest", "message": .string(SnapshotStore.InvalidName(name: name).description)]), status: .badRequest)
        }
        do {
            if restore {
                try await emulator.restoreSnapshot(name: name)
                return json(.object(["status": "restored", "snapshot": .string(name)]))
            }
            try await emulator.saveSnapshot(name: name)
            return json(.object(["status": "saved", "snapshot": .string(name)]))
        } catch let error as SnapshotStore.NotFound {
            return json(.object(["error": "NotFound", "message": .string(error.description)]), status: .notFound)
        } catch {
            return json(.object(["error": "SnapshotFailed", "message": .string("\(error)")]), status: .internalServerError)
        }
    }

    /// A query-string parameter decoded as HTML forms encode it (`+` is a space), so both
    /// `curl --data-urlencode` and percent-encoding clients work.
    static func formParameter(_ name: String, in query: String?) -> String? {
        guard let query else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.first == Substring(name) else { continue }
            let raw = parts.count > 1 ? String(parts[1]) : ""
            return raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? raw
        }
        return nil
    }

    private func clockDocument() -> JSONValue {
        .object([
            "now": .string(Emulator.iso8601(emulator.clock.now)),
            "offsetSeconds": .number(emulator.clock.offsetSeconds),
        ])
    }

    /// Body `{"advance": 300}` or `{"advance": "5m"}` (units s, m, h, d).
    private func advanceClock(body: Data) -> Response {
        guard let document = try? JSONValue(jsonData: body.isEmpty ? Data("{}".utf8) : body),
              case .object(let fields) = document, let amount = fields["advance"] else {
            return json(.object(["error": "InvalidRequest", "message": "expected a JSON body such as {\"advance\": \"5m\"}"]), status: .badRequest)
        }
        let seconds: Double?
        switch amount {
        case .number(let n): seconds = n
        case .string(let s): seconds = DurationText.seconds(s)
        default: seconds = nil
        }
        guard let seconds, seconds >= 0, seconds.isFinite else {
            return json(.object(["error": "InvalidRequest", "message": "'advance' must be a non-negative number of seconds or a duration such as 90s, 5m, 2h, 1d"]), status: .badRequest)
        }
        emulator.clock.advance(by: seconds)
        return json(clockDocument())
    }

    private func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(string: value.jsonText(sortedKeys: true) + "\n")))
    }
}

/// `90s`, `5m`, `2h`, `1d`, `1h30m`, or a bare number of seconds.
public enum DurationText {
    public static func seconds(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let n = Double(t) { return n }
        var total = 0.0
        var number = ""
        var sawUnit = false
        for ch in t {
            if ch.isNumber || ch == "." {
                number.append(ch)
                continue
            }
            let factor: Double
            switch ch {
            case "s": factor = 1
            case "m": factor = 60
            case "h": factor = 3600
            case "d": factor = 86400
            default: return nil
            }
            guard let n = Double(number) else { return nil }
            total += n * factor
            number = ""
            sawUnit = true
        }
        return sawUnit && number.isEmpty ? total : nil
    }
}
