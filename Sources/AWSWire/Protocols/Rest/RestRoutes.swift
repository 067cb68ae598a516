import Foundation

/// Finds a REST operation by method and path: each operation's `requestUri` template
/// (`/2015-03-31/functions/{FunctionName}/invocations`) compiled once into segments.
struct RestRoutes: Sendable {
    struct Template: Sendable {
        enum Segment: Sendable, Equatable {
            case literal(String)
            /// `{Name}` one segment; `{Name+}` the rest of the path.
            case variable(String, greedy: Bool)
        }

        let method: String
        let segments: [Segment]
        /// Query parameters the template requires (`?versioning` or `?list-type=2`).
        let requiredQuery: [(String, String?)]
        let operation: String

        init(method: String, uri: String, operation: String) {
            self.method = method
            self.operation = operation
            let parts = uri.split(separator: "?", maxSplits: 1)
            segments = (parts.first ?? "").split(separator: "/").map { piece in
                if piece.hasPrefix("{") && piece.hasSuffix("}") {
                    let name = piece.dropFirst().dropLast()
                    return name.hasSuffix("+") ? .variable(String(name.dropLast()), greedy: true) : .variable(String(name), greedy: false)
                }
                return .literal(String(piece))
            }
            requiredQuery = parts.count > 1 ? parts[1].split(separator: "&").map { pair in
                let kv = pair.split(separator: "=", maxSplits: 1)
                return (String(kv[0]), kv.count > 1 ? String(kv[1]) : nil)
            } : []
        }

        var literalCount: Int { segments.filter { if case .literal = $0 { true } else { false } }.count }

        /// The path's values for the template's variables, or nil when it does not match.
        func match(method: String, path: [String], query: [(String, String)]) -> [String: String]? {
            guard method == self.method else { return nil }
            for (name, value) in requiredQuery where !query.contains(where: { $0.0 == name && (value == nil || $0.1 == value) }) {
                return nil
            }
            var captures: [String: String] = [:]
            var index = 0
            for segment in segments {
                switch segment {
                case .literal(let text):
                    guard index < path.count, path[index] == text else { return nil }
                    index += 1
                case .variable(let name, let greedy):
                    guard index < path.count else { return nil }
                    if greedy {
                        captures[name] = path[index...].joined(separator: "/")
                        index = path.count
                    } else {
                        captures[name] = path[index]
                        index += 1
                    }
                }
            }
            return index == path.count ? captures : nil
        }
    }

    private let templates: [Template]

    init(model: ServiceModel) {
        // Most specific first: more literal segments win over variables.
        templates = model.operations.values
            .map { Template(method: $0.httpMethod, uri: $0.requestURI, operation: $0.name) }
            .sorted { ($0.literalCount, $0.requiredQuery.count, $0.operation) > ($1.literalCount, $1.requiredQuery.count, $1.operation) }
    }

    /// The operation and its path variables (percent-decoded).
    func route(method: String, path: String, query: [(String, String)]) -> (operation: String, captures: [String: String])? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map { String($0).removingPercentEncoding ?? String($0) }
        for template in templates {
            if let captures = template.match(method: method, path: segments, query: query) { return (template.operation, captures) }
        }
        return nil
    }
}

extension RestRoutes {
    /// How a REST codec routes: among the services of its protocol that the request was
    /// signed for (or all of them), the first whose templates match method and path.
    static func route(_ request: WireRequest, in catalog: ServiceCatalog, protocolName: String) -> RoutedRequest? {
        let scope = SigV4Scope.from(headers: request.headers, parameters: request.query)
        let candidates = catalog.candidates(signingName: scope?.service) { $0.protocolName == protocolName }
        for model in candidates {
            guard let routes = catalog.restRoutes(for: model),
                  let (name, captures) = routes.route(method: request.method, path: request.path, query: request.query),
                  let operation = model.operations[name] else { continue }
            return RoutedRequest(model: model, operation: operation, scope: scope, pathCaptures: captures)
        }
        return nil
    }
}
