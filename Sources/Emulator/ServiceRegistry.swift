import EmulatorKit
import Foundation
import IAM
import Lambda
import Logs
import SQS
import STS

/// The one list of services. Adding a service is one line here (after `scripts/gen-models
/// NAME` and its module under `Sources/Services/`). The list's order is the migration order,
/// which never changes for services already shipped (existing databases recorded it);
/// services are built in dependency order, each after those providing what it requires.
public enum ServiceRegistry {
    public static let all: [ServiceDescriptor] = [
        SQSService.descriptor,
        LambdaService.descriptor,
        IAMService.descriptor,
        LogsService.descriptor,
        STSService.descriptor,
    ]

    /// Every service's migrations, in the registry's order.
    public static var migrations: [SchemaMigration] { all.flatMap(\.migrations) }

    public static var names: [String] { all.map(\.name) }

    /// A registry defect: two services provide one capability, or a requirement cannot be met.
    public struct Defect: Error, CustomStringConvertible {
        public let description: String
    }

    /// The descriptors in an order where each comes after the providers of what it requires
    /// (stable: otherwise the registry's order). A requirement nobody provides is a defect.
    public static func buildOrder(_ descriptors: [ServiceDescriptor] = all) throws(Defect) -> [ServiceDescriptor] {
        var providers: [String: String] = [:]
        for descriptor in descriptors {
            for capability in descriptor.provides {
                if let other = providers[capability] {
                    throw Defect(description: "\(capability) is provided by both \(other) and \(descriptor.name)")
                }
                providers[capability] = descriptor.name
            }
        }
        var built: Set<String> = []
        var ordered: [ServiceDescriptor] = []
        var remaining = descriptors
        func isMet(_ capability: String) -> Bool { providers[capability].map(built.contains) ?? false }
        while !remaining.isEmpty {
            guard let next = remaining.firstIndex(where: { $0.requires.allSatisfy(isMet) }) else {
                let stuck = remaining.map { descriptor in
                    "\(descriptor.name) requires \(descriptor.requires.filter { !isMet($0) }.joined(separator: ", "))"
                }
                throw Defect(description: "unmet or circular requirements: " + stuck.joined(separator: "; "))
            }
            let descriptor = remaining.remove(at: next)
            ordered.append(descriptor)
            built.insert(descriptor.name)
        }
        return ordered
    }
}
