/// The loaded service models and the indexes routing needs, built once at startup.
public struct ServiceCatalog: Sendable {
    public let models: [ServiceModel]
    private let byName: [String: ServiceModel]
    private let byTargetPrefix: [String: ServiceModel]
    private let bySigningName: [String: [ServiceModel]]
    private let byEndpointPrefix: [String: [ServiceModel]]
    private let restRoutesByName: [String: RestRoutes]

    public init(models: [ServiceModel]) {
        self.models = models
        byName = Dictionary(models.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        byTargetPrefix = Dictionary(
            models.compactMap { model in model.metadata.targetPrefix.map { ($0, model) } },
            uniquingKeysWith: { first, _ in first })
        bySigningName = Dictionary(grouping: models, by: \.metadata.signingName)
        byEndpointPrefix = Dictionary(grouping: models, by: \.metadata.endpointPrefix)
        restRoutesByName = Dictionary(
            models.filter { $0.metadata.protocolName.hasPrefix("rest-") }.map { ($0.name, RestRoutes(model: $0)) },
            uniquingKeysWith: { first, _ in first })
    }

    /// The method-and-path table of a REST service.
    func restRoutes(for model: ServiceModel) -> RestRoutes? { restRoutesByName[model.name] }

    /// Loads the named models (`["sqs", "sns"]`) bundled with this module.
    public static func bundled(_ names: [String]) throws(ModelLoadError) -> ServiceCatalog {
        var models: [ServiceModel] = []
        for name in names { models.append(try ServiceModel.bundled(name)) }
        return ServiceCatalog(models: models)
    }

    public func model(named name: String) -> ServiceModel? { byName[name] }

    /// The JSON-protocol service whose `X-Amz-Target` starts with `prefix` (`AmazonSQS`).
    public func model(targetPrefix prefix: String) -> ServiceModel? { byTargetPrefix[prefix] }

    /// Services signed as `name` in a SigV4 credential scope; several share one
    /// (`elasticloadbalancing` is both elb and elbv2, told apart by `Version`).
    public func models(signingName name: String) -> [ServiceModel] { bySigningName[name] ?? [] }

    public func models(endpointPrefix prefix: String) -> [ServiceModel] { byEndpointPrefix[prefix] ?? [] }
}
