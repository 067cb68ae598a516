import JSON

/// One emulated AWS service. Input and output are JSON-shaped values named exactly as the
/// service model names them (the wire layer converts every protocol to and from this form),
/// so service logic never sees HTTP, XML or form encoding.
public protocol EmulatorService: Sendable {
    /// The name used in the state document, lab `services:` lists and the SigV4 scope (`sqs`).
    var name: String { get }

    /// Runs one operation (`SendMessage`) with its input; throws the AWS error a client should see.
    func handle(operation: String, input: JSONValue, context: RequestContext) async throws(AWSError) -> JSONValue

    /// This service's part of `/_handson/state`. Reading it must change nothing.
    func state() async -> JSONValue

    /// Forgets every resource (`/_handson/reset`).
    func reset() async throws

    /// Drops what it holds in memory and reads its state again from the database (after a
    /// snapshot was restored into it).
    func reload() async throws

    /// Stops what runs in the background (pollers, function runtimes) before the server exits.
    func shutdown() async

    /// Endpoints it serves besides the AWS API, under `/_handson/`.
    var routes: [ServiceRoute] { get }

    /// The server listens on `port` (function code reaches the emulator through it).
    func listening(on port: Int)

    /// Runs what the virtual time now makes due (schedules, state changes, retries); the
    /// emulator awaits it after `clock advance`, service by service in build order, so what
    /// one service emits (an instance's state change) reaches the next (a rule) before the
    /// advance answers. Services with timed work run a `ClockDriver` and call its `settle()`.
    func settle() async
}

extension EmulatorService {
    public func shutdown() async {}
    public var routes: [ServiceRoute] { [] }
    public func listening(on port: Int) {}
    public func settle() async {}
}
