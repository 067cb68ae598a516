import Synchronization

/// The capabilities services offer each other, each a small protocol (`PermissionAuthority`,
/// `MessageQueues`, `LogIngestion`, `SessionAuthority`): a service asks for "a queue it can
/// poll", never for `SQSService`. The registry builds providers before the services that
/// require them, so a capability is there when its user is built.
public final class Capabilities: Sendable {
    private let provided = Mutex<[ObjectIdentifier: any Sendable]>([:])

    public init() {}

    public func provide<Capability: Sendable>(_ capability: Capability, as key: CapabilityKey<Capability>) {
        provided.withLock { $0[key.id] = capability }
    }

    public func resolve<Capability>(_ key: CapabilityKey<Capability>) -> Capability? {
        provided.withLock { $0[key.id] } as? Capability
    }
}

/// Names a capability protocol, so descriptors can say what they provide and require.
public struct CapabilityKey<Capability>: Sendable {
    let id: ObjectIdentifier
    public let name: String

    public init(_ name: String) {
        id = ObjectIdentifier(Capability.self)
        self.name = name
    }
}

extension CapabilityKey where Capability == any PermissionAuthority {
    public static var permissions: Self { .init("permissions") }
}

extension CapabilityKey where Capability == any MessageQueues {
    public static var messageQueues: Self { .init("message queues") }
}

extension CapabilityKey where Capability == any LogIngestion {
    public static var logIngestion: Self { .init("log ingestion") }
}

extension CapabilityKey where Capability == any SessionAuthority {
    public static var sessions: Self { .init("sessions") }
}

extension CapabilityKey where Capability == any FunctionInvoker {
    public static var functionInvoker: Self { .init("function invoker") }
}

extension CapabilityKey where Capability == any TopicPublisher {
    public static var topicPublisher: Self { .init("topic publisher") }
}

extension CapabilityKey where Capability == any EventBus {
    public static var eventBus: Self { .init("event bus") }
}
