import Foundation

/// Works out which protocol, service and operation a raw request is for, before its
/// input is read.
struct ProtocolRouter {
    let catalog: ServiceCatalog

    enum Route {
        case json(ServiceModel, OperationModel, scope: SigV4Scope?)
        case query(ServiceModel, OperationModel, parameters: [(String, String)], scope: SigV4Scope?)
        case restJSON(ServiceModel, OperationModel, captures: [String: String], scope: SigV4Scope?)
    }

    func route(_ request: WireRequest) throws(WireError) -> Route {
        // X-Amz-Target: AmazonSQS.SendMessage — the prefix names the service, the rest the operation.
        if let target = request.headers["x-amz-target"] {
            let (model, operation) = try jsonRoute(target)
            return .json(model, operation, scope: SigV4Scope.from(headers: request.headers, parameters: request.query))
        }
        if request.headers["content-type"]?.hasPrefix("application/x-amz-json") == true {
            throw WireError.unknownOperation("The request has no X-Amz-Target header naming its operation.").from(.json, service: nil)
        }
        let parameters = queryParameters(request)
        guard let action = parameters.last(where: { $0.0 == "Action" })?.1 else {
            // No action named: a REST operation is named by its method and path.
            if let route = restRoute(request) { return route }
            throw WireError.missingAction().from(.query, service: nil)
        }
        return try queryRoute(action, parameters: parameters, request: request)
    }

    /// The REST service the request was signed for (or any REST service) whose templates match.
    private func restRoute(_ request: WireRequest) -> Route? {
        let scope = SigV4Scope.from(headers: request.headers, parameters: request.query)
        let candidates = catalog.candidates(signingName: scope?.service) { $0.protocolName == "rest-json" }
        for model in candidates {
            guard let routes = catalog.restRoutes(for: model),
                  let (name, captures) = routes.route(method: request.method, path: request.path, query: request.query),
                  let operation = model.operations[name] else { continue }
            return .restJSON(model, operation, captures: captures, scope: scope)
        }
        return nil
    }

    private func jsonRoute(_ target: String) throws(WireError) -> (ServiceModel, OperationModel) {
        guard let dot = target.lastIndex(of: "."),
              let model = catalog.model(targetPrefix: String(target[..<dot])), model.metadata.acceptsJSON
        else {
            throw WireError.unknownOperation("No service handles the operation \(target).").from(.json, service: nil)
        }
        let name = String(target[target.index(after: dot)...])
        guard let operation = model.operations[name] else {
            throw WireError.unknownOperation("The operation \(name) is not supported by \(model.name).").from(.json, service: model.name)
        }
        return (model, operation)
    }

    /// Form fields and URL query parameters together: a POST form may still carry
    /// presigning parameters in its URL.
    private func queryParameters(_ request: WireRequest) -> [(String, String)] {
        let contentType = request.headers["content-type"]?.lowercased() ?? ""
        let isForm = contentType.hasPrefix("application/x-www-form-urlencoded")
            || (contentType.isEmpty && request.method == "POST" && !request.body.isEmpty)
        guard isForm else { return request.query }
        return request.query + FormDecoding.decode(request.body)
    }

    /// The service is the one the request was signed for; unsigned requests go to the
    /// service that has the action. Where several qualify (elb and elbv2 share a signing
    /// name) the one whose API version the request names wins.
    private func queryRoute(_ action: String, parameters: [(String, String)], request: WireRequest) throws(WireError) -> Route {
        let scope = SigV4Scope.from(headers: request.headers, parameters: parameters)
        let candidates = catalog.candidates(signingName: scope?.service, accepts: \.acceptsQuery)
        let version = parameters.last { $0.0 == "Version" }?.1
        let withAction = candidates.filter { $0.operations[action] != nil }
        guard let model = withAction.first(where: { $0.metadata.apiVersion == version }) ?? withAction.first,
              let operation = model.operations[action]
        else {
            throw WireError.invalidAction(action).from(.query, service: candidates.count == 1 ? candidates[0].name : nil)
        }
        return .query(model, operation, parameters: parameters, scope: scope)
    }
}
