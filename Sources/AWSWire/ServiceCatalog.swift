import Foundation
import Synchronization

/// The services the wire layer knows, found by name, `X-Amz-Target` prefix, signing name or
/// endpoint prefix. Bundled models are known by their metadata at first and parsed in full
/// the first time a request needs one: parsing them all made up half of the server's start-up.
public struct ServiceCatalog: Sendable {
    private let entries: [CatalogEntry]
    private let byName: [String: CatalogEntry]
    private let byTargetPrefix: [String: CatalogEntry]
    private let bySigningName: [String: [CatalogEntry]]
    private let byEndpointPrefix: [String: [CatalogEntry]]

    /// A catalog of models already parsed.
    public init(models: [ServiceModel]) {
        self.init(entries: models.map(CatalogEntry.init(loaded:)))
    }

    private init(entries: [CatalogEntry]) {
        self.entries = entries
        byName = Dictionary(entries.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        byTargetPrefix = Dictionary(
            entries.compactMap { entry in entry.metadata.targetPrefix.map { ($0, entry) } },
            uniquingKeysWith: { first, _ in first })
        bySigningName = Dictionary(grouping: entries, by: \.metadata.signingName)
        byEndpointPrefix = Dictionary(grouping: entries, by: \.metadata.endpointPrefix)
    }

    /// The named models (`["sqs", "sns"]`) bundled with this module; each is read for its
    /// metadata now and parsed in full when first used.
    public static func bundled(_ names: [String]) throws(ModelLoadError) -> ServiceCatalog {
        var entries: [CatalogEntry] = []
        for name in names {
            let files = try ServiceModel.bundledFiles(name)
            let metadata = try ServiceModel.metadata(name: name, model: files.model, overlays: files.overlays)
            entries.append(CatalogEntry(name: name, metadata: metadata) {
                // The same files already gave their metadata: failing now is a packaging bug.
                do throws(ModelLoadError) {
                    return try ServiceModel(name: name, model: files.model, overlays: files.overlays)
                } catch {
                    fatalError("\(error)")
                }
            })
        }
        return ServiceCatalog(entries: entries)
    }

    /// Every model (parsing any not parsed yet).
    public var models: [ServiceModel] { entries.map(\.model) }

    public func model(named name: String) -> ServiceModel? { byName[name]?.model }

    /// The JSON-protocol service whose `X-Amz-Target` starts with `prefix` (`AmazonSQS`).
    public func model(targetPrefix prefix: String) -> ServiceModel? { byTargetPrefix[prefix]?.model }

    /// Services signed as `name` in a SigV4 credential scope; several share one
    /// (`elasticloadbalancing` is both elb and elbv2, told apart by `Version`).
    public func models(signingName name: String) -> [ServiceModel] { bySigningName[name]?.map(\.model) ?? [] }

    public func models(endpointPrefix prefix: String) -> [ServiceModel] { byEndpointPrefix[prefix]?.map(\.model) ?? [] }

    /// The services a request may be for: those signed as `signingName` when it names any,
    /// else all; only those whose metadata passes `accepts` are parsed.
    func candidates(signingName: String?, accepts: (ServiceMetadata) -> Bool) -> [ServiceModel] {
        var chosen = signingName.flatMap { bySigningName[$0] } ?? []
        if chosen.isEmpty { chosen = entries }
        return chosen.filter { accepts($0.metadata) }.map(\.model)
    }

    /// The method-and-path table of a REST service.
    func restRoutes(for model: ServiceModel) -> RestRoutes? { byName[model.name]?.restRoutes }
}

/// One service of the catalog: its metadata, and its model once parsed.
private final class CatalogEntry: Sendable {
    let name: String
    let metadata: ServiceMetadata
    private let parse: @Sendable () -> ServiceModel
    private let parsed: Mutex<(model: ServiceModel, restRoutes: RestRoutes?)?>

    init(name: String, metadata: ServiceMetadata, parse: @escaping @Sendable () -> ServiceModel) {
        self.name = name
        self.metadata = metadata
        self.parse = parse
        parsed = Mutex(nil)
    }

    init(loaded model: ServiceModel) {
        name = model.name
        metadata = model.metadata
        parse = { model }
        parsed = Mutex((model, Self.routes(of: model)))
    }

    var model: ServiceModel { loaded.model }
    var restRoutes: RestRoutes? { loaded.restRoutes }

    private var loaded: (model: ServiceModel, restRoutes: RestRoutes?) {
        // Parsed under the lock: two first requests at once parse the model once.
        parsed.withLock { parsed in
            if let parsed { return parsed }
            let model = parse()
            let entry = (model: model, restRoutes: Self.routes(of: model))
            parsed = entry
            return entry
        }
    }

    private static func routes(of model: ServiceModel) -> RestRoutes? {
        model.metadata.protocolName.hasPrefix("rest-") ? RestRoutes(model: model) : nil
    }
}
