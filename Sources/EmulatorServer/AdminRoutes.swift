import Emulator
import EmulatorKit
import Foundation
import HandsonAPI
import Hummingbird
import JMESPath
import JSON

/// The emulator's own endpoints under `/_handson/` (and moto's reset alias): health, the state
/// document lab checks query, reset, the virtual clock and snapshots. Paths from `HandsonAPI`.
struct AdminRoutes: Sendable {
    let emulator: Emulator
    let version: String
    let maxBodyBytes: Int

    func register(on router: Router<BasicRequestContext>) {
        router.get(RouterPath(HandsonAPI.health)) { _, _ in health() }
        router.get(RouterPath(HandsonAPI.state)) { request, _ in await state(query: request.uri.query) }
        router.post(RouterPath(HandsonAPI.reset)) { _, _ in await reset() }
        router.post(RouterPath(HandsonAPI.motoReset)) { _, _ in await reset() }
        router.get(RouterPath(HandsonAPI.clock)) { _, _ in json(clockDocument()) }
        router.post(RouterPath(HandsonAPI.clock)) { request, _ in
            var request = request
            guard let body = try? await request.collectBody(upTo: maxBodyBytes) else { return Response(status: .contentTooLarge) }
            return await advanceClock(body: Data(buffer: body))
        }
        router.get(RouterPath(HandsonAPI.snapshots)) { _, _ in
            json(.object(["snapshots": .array((emulator.snapshots?.names() ?? []).map(JSONValue.string))]))
        }
        router.post(RouterPath(HandsonAPI.snapshot("{name}"))) { _, context in
            await snapshot(name: context.parameters.get("name") ?? "", restore: false)
        }
        router.post(RouterPath(HandsonAPI.restoreSnapshot("{name}"))) { _, context in
            await snapshot(name: context.parameters.get("name") ?? "", restore: true)
        }
    }

    /// Any other path under `/_handson/`.
    func notFound(_ request: Request) -> Response {
        json(.object(["error": "NotFound", "message": .string("no emulator endpoint \(request.method.rawValue) \(request.uri.path); see docs/state.md")]),
             status: .notFound)
    }

    private func health() -> Response {
        json(.object([
            "status": "running",
            "version": .string(version),
            "services": .array(emulator.serviceNames.map(JSONValue.string)),
            "account": .string(emulator.configuration.account),
            "region": .string(emulator.configuration.region),
            "persistent": .bool(emulator.configuration.databasePath != nil),
        ]))
    }

    private func state(query: String?) async -> Response {
        let state = await emulator.state()
        // `?query=EXPR` evaluates JMESPath here, so a check fetches only what it needs.
        if let query = Self.formParameter("query", in: query) {
            do {
                let expression = try JMESPathExpression(query)
                return json(try expression.search(state))
            } catch {
                return json(.object(["error": "InvalidQuery", "message": .string(error.description)]), status: .badRequest)
            }
        }
        return json(state)
    }

    private func reset() async -> Response {
        do {
            try await emulator.reset()
            return json(.object(["status": "reset"]))
        } catch {
            return json(.object(["error": "ResetFailed", "message": .string("\(error)")]), status: .internalServerError)
        }
    }

    /// `POST /_handson/snapshots/NAME` saves the state as NAME; `…/NAME/restore` puts it back.
    private func snapshot(name: String, restore: Bool) async -> Response {
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
            "now": .string(ISO8601.string(emulator.clock.now)),
            "offsetSeconds": .number(emulator.clock.offsetSeconds),
        ])
    }

    /// Body `{"advance": 300}` or `{"advance": "5m"}` (units s, m, h, d).
    private func advanceClock(body: Data) async -> Response {
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
        do {
            try await emulator.advanceClock(by: seconds)
        } catch {
            return json(.object(["error": "InvalidRequest", "message": .string(error.description)]), status: .badRequest)
        }
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
