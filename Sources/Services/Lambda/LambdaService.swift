import EmulatorKit
import Foundation
import JSON

/// AWS Lambda: functions from zip packages really executed — Python by the host's python3
/// through the Runtime API and our bootstrap, `provided` runtimes by the package's own
/// `bootstrap` — with warm environments reused, timeouts, logs to CloudWatch Logs, and SQS
/// event source mappings that receive, invoke, delete, and leave failures to SQS's own
/// visibility timeout and redrive, on the virtual clock.
public actor LambdaService: EmulatorService, DurableService {
    public nonisolated let name = "lambda"
    public nonisolated let host: LambdaHost

    let store: LambdaStore
    let clock: VirtualClock
    /// The queues event source mappings poll; without them, mappings are stored but idle.
    let queues: (any MessageQueues)?
    /// Asked whether a function's role may poll its queue; without it, everything is allowed.
    let permissions: (any PermissionAuthority)?
    /// Where function output goes; without it, only `Invoke`'s log tail shows it.
    let logs: (any LogIngestion)?

    var functions: [String: LambdaFunction] = [:]
    var mappings: [String: EventSourceMapping] = [:]
    var pollers: [String: Task<Void, Never>] = [:]
    /// Warm environments waiting for work, per function key.
    var idle: [String: [ExecutionEnvironment]] = [:]
    /// Invocations and cold starts per function key (stored with the function).
    var counters: [String: LambdaStore.Counters] = [:]

    public init(database: AppDatabase, clock: VirtualClock, queues: (any MessageQueues)?,
                permissions: (any PermissionAuthority)?, logs: (any LogIngestion)?) async throws {
        store = LambdaStore(database: database)
        self.clock = clock
        self.queues = queues
        self.permissions = permissions
        self.logs = logs
        let cache = database.path.map { URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("lambda-code") }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("handson-lambda-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        host = LambdaHost(codeCache: cache, temporary: database.path == nil)
        let snapshot = try await store.load()
        apply(snapshot)
        store.recoverByReloading(self)
    }

    public nonisolated func handle(operation: String, input: JSONValue, context: RequestContext) async throws(AWSError) -> JSONValue {
        let input = ServiceInput(input, style: LambdaInputStyle())
        switch operation {
        case "CreateFunction": return try await createFunction(input, context)
        case "GetFunction": return try await getFunction(input, context)
        case "GetFunctionConfiguration": return try await function(input, context).configuration
        case "ListFunctions": return await listFunctions(input, context)
        case "DeleteFunction": return try await deleteFunction(input, context)
        case "UpdateFunctionCode": return try await updateFunctionCode(input, context)
        case "UpdateFunctionConfiguration": return try await updateFunctionConfiguration(input, context)
        case "Invoke": return try await invoke(input, context)
        case "CreateEventSourceMapping": return try await createEventSourceMapping(input, context)
        case "GetEventSourceMapping": return try await mapping(input).description()
        case "ListEventSourceMappings": return await listEventSourceMappings(input, context)
        case "UpdateEventSourceMapping": return try await updateEventSourceMapping(input, context)
        case "DeleteEventSourceMapping": return try await deleteEventSourceMapping(input)
        case "AddPermission": return try await addPermission(input, context)
        case "RemovePermission": return try await removePermission(input, context)
        case "GetPolicy": return try await getPolicy(input, context)
        case "GetAccountSettings":
            return ["AccountLimit": ["TotalCodeSize": 80_530_636_800, "CodeSizeUnzipped": 262_144_000, "CodeSizeZipped": 52_428_800,
                                     "ConcurrentExecutions": 1000, "UnreservedConcurrentExecutions": 1000],
                    "AccountUsage": ["TotalCodeSize": .number(Double(await totalCodeSize())), "FunctionCount": .number(Double(await functions.count))]]
        default:
            throw AWSError(code: "InvalidAction", message: "handson does not emulate the Lambda operation \(operation) yet.", httpStatus: 400)
        }
    }

    private func totalCodeSize() -> Int { functions.values.reduce(0) { $0 + $1.codeSize } }

    // MARK: State

    public func state() async -> JSONValue {
        let functionStates: [JSONValue] = functions.values.sorted { $0.key < $1.key }.map { function in
            guard case .object(var fields) = function.configuration else { return function.configuration }
            fields["coldStarts"] = .number(Double(counters[function.key]?.coldStarts ?? 0))
            fields["invocations"] = .number(Double(counters[function.key]?.invocations ?? 0))
            fields["warmEnvironments"] = .number(Double(idle[function.key]?.count ?? 0))
            fields["account"] = .string(function.account)
            fields["region"] = .string(function.region)
            if let statements = function.policyStatements {
                fields["policy"] = (try? JSONValue(jsonString: FunctionPolicyStatement.document(statements))) ?? .null
            }
            return .object(fields)
        }
        let mappingStates = mappings.values.sorted { $0.uuid < $1.uuid }.map { $0.description() }
        return ["functions": .array(functionStates), "eventSourceMappings": .array(mappingStates)]
    }

    public func reset() async throws {
        forgetAll()
        try await store.commitAndWait([.deleteEverything])
    }

    public func reload() async throws {
        try await store.reload { snapshot in
            forgetAll()
            apply(snapshot)
        }
    }

    /// Stops pollers and warm environments and drops functions, counters and mappings from memory.
    private func forgetAll() {
        stopEverything()
        functions.removeAll()
        counters.removeAll()
        mappings.removeAll()
    }

    private func apply(_ snapshot: LambdaStore.Snapshot) {
        for function in snapshot.functions { functions[function.key] = function }
        counters = snapshot.counters
        for mapping in snapshot.mappings {
            mappings[mapping.uuid] = mapping
            startPolling(mapping)
        }
    }

    public func shutdown() async {
        stopEverything()
        host.destroyAll()
    }

    private func stopEverything() {
        for poller in pollers.values { poller.cancel() }
        pollers.removeAll()
        for environments in idle.values { environments.forEach { retire($0) } }
        idle.removeAll()
    }

    func retire(_ environment: ExecutionEnvironment) {
        environment.destroy()
        host.unregister(environment)
    }

    // MARK: Shared helpers

    var now: Double { clock.now.timeIntervalSince1970 }

    /// A function named by name, partial ARN or ARN (a `:qualifier` is accepted and ignored).
    func function(_ input: ServiceInput, _ context: RequestContext, member: String = "FunctionName") throws(AWSError) -> LambdaFunction {
        let reference = try input.requiredString(member)
        return try function(named: reference, context)
    }

    func function(named reference: String, _ context: RequestContext) throws(AWSError) -> LambdaFunction {
        let (account, region, name) = Self.parse(reference, context)
        guard let function = functions["\(account):\(region):\(name)"] else {
            throw LambdaErrors.functionNotFound("arn:aws:lambda:\(region):\(account):function:\(name)")
        }
        return function
    }

    static func parse(_ reference: String, _ context: RequestContext) -> (account: String, region: String, name: String) {
        let parts = reference.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count >= 7, parts[0] == "arn" {  // arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]
            return (parts[4], parts[3], parts[6])
        }
        if parts.count >= 3, parts[1] == "function" {  // ACCOUNT:function:NAME
            return (parts[0], context.region, parts[2])
        }
        return (context.account, context.region, parts[0])
    }

    public nonisolated var database: AppDatabase { store.database }

    public nonisolated func storageFailure(_ message: String) -> AWSError { LambdaErrors.serviceError(message) }
}
