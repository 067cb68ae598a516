import EmulatorKit
import Foundation
import JSON

/// Invocations: a warm environment when one is idle, else a cold start; START/END/REPORT
/// and the function's output to `/aws/lambda/NAME`, one stream per environment.
extension LambdaService {
    struct InvokeResult: Sendable {
        var payload: Data
        /// `Unhandled` when the function (or its runtime) failed.
        var functionError: String?
        var logTail: String
    }

    nonisolated func invoke(_ input: ServiceInput, _ context: RequestContext) async throws(AWSError) -> JSONValue {
        let function = try await function(input, context)
        let type = try input.string("InvocationType") ?? "RequestResponse"
        var payload = Data("{}".utf8)
        if let base64 = try input.string("Payload") { payload = Data(base64Encoded: base64) ?? Data() }
        guard (try? JSONSerialization.jsonObject(with: payload, options: [.fragmentsAllowed])) != nil else {
            throw LambdaErrors.invalidRequestContent("Could not parse request body into json: Could not parse payload into json: Unexpected character: was expecting a JSON value")
        }
        switch type {
        case "DryRun":
            return ["StatusCode": 204]
        case "Event":
            // Asynchronous: accepted now, run in the background.
            Task { _ = await self.run(function, payload: payload) }
            return ["StatusCode": 202]
        case "RequestResponse":
            let result = await run(function, payload: payload)
            var output: [String: JSONValue] = ["StatusCode": 200, "ExecutedVersion": "$LATEST",
                                               "Payload": .string(result.payload.base64EncodedString())]
            if let error = result.functionError { output["FunctionError"] = .string(error) }
            if try input.string("LogType") == "Tail" {
                output["LogResult"] = .string(Data(result.logTail.utf8.suffix(4096)).base64EncodedString())
            }
            return .object(output)
        default:
            throw LambdaErrors.invalidParameter("1 validation error detected: Value '\(type)' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]")
        }
    }

    /// Runs one invocation to its end (response, error, timeout or crash) and logs it.
    nonisolated func run(_ function: LambdaFunction, payload: Data) async -> InvokeResult {
        let requestId = UUID.random().lowercasedString
        let environment: ExecutionEnvironment
        do {
            environment = try await acquireEnvironment(for: function)
        } catch {
            let document = ExecutionEnvironment.errorDocument("\(error)", type: "Runtime.Unavailable")
            return InvokeResult(payload: document, functionError: "Unhandled", logTail: "")
        }
        let started = Date()
        let invocation = RuntimeInvocation(requestId: requestId, event: payload,
                                           deadlineMs: Int64((started.timeIntervalSince1970 + Double(function.timeout)) * 1000),
                                           functionArn: function.arn)
        let outcome = await environment.run(invocation, timeout: Double(function.timeout))
        let duration = Date().timeIntervalSince(started) * 1000
        if function.isPython { await environment.awaitOutput(of: requestId, upTo: 1) }
        let initDuration = environment.takeInitDuration()
        await release(environment, of: function)

        var lines = ["START RequestId: \(requestId) Version: $LATEST"]
        lines += environment.drainLog().map(\.1)
        lines.append("END RequestId: \(requestId)")
        var report = "REPORT RequestId: \(requestId)\tDuration: \(String(format: "%.2f", duration)) ms\tBilled Duration: \(Int(duration.rounded(.up))) ms\tMemory Size: \(function.memorySize) MB"
        // The runtime process's peak resident memory so far, as the kernel measured it.
        if let peak = environment.peakMemoryMB() { report += "\tMax Memory Used: \(peak) MB" }
        if let initDuration { report += "\tInit Duration: \(String(format: "%.2f", initDuration * 1000)) ms" }
        lines.append(report)
        if let logs {
            let base = Int64(clock.now.timeIntervalSince1970 * 1000)
            await logs.ingest(group: function.logGroup, stream: environment.logStream,
                              events: lines.map { LogLine(timestamp: base, message: $0) },
                              account: function.account, region: function.region)
        }
        let tail = lines.joined(separator: "\n") + "\n"
        switch outcome {
        case .response(let body):
            return InvokeResult(payload: body.isEmpty ? Data("null".utf8) : body, functionError: nil, logTail: tail)
        case .error(let document, _):
            return InvokeResult(payload: document, functionError: "Unhandled", logTail: tail)
        }
    }

    /// A warm idle environment of this function's current code, or a new one (a cold start).
    func acquireEnvironment(for function: LambdaFunction) async throws -> ExecutionEnvironment {
        count(function, coldStart: false)
        while var pool = idle[function.key], let environment = pool.popLast() {
            idle[function.key] = pool
            if environment.phase == .idle { return environment }
            retire(environment)
        }
        count(function, coldStart: true)
        guard let port = host.listeningPort else {
            throw LambdaErrors.serviceError("the Lambda Runtime API is not available (the emulator is not serving HTTP)")
        }
        guard let zip = try await store.code(sha256: function.codeSha256) else {
            throw LambdaErrors.serviceError("the function's code is missing")
        }
        let archive = CodeArchive(zip: zip)
        let folder = try archive.unpack(into: host.codeCache.appendingPathComponent(archive.folderName))
        let environment = ExecutionEnvironment(functionKey: function.key, logDate: clock.now, scratchRoot: host.scratchRoot)
        host.register(environment)
        do {
            try environment.launch(try Self.launch(function, folder: folder, environment: environment, port: port))
        } catch {
            host.unregister(environment)
            throw error
        }
        return environment
    }

    /// Back to the warm pool unless it died (timeout, crash) or the function changed meanwhile.
    func release(_ environment: ExecutionEnvironment, of function: LambdaFunction) {
        guard environment.phase == .idle, let current = functions[function.key], current.revisionId == function.revisionId else {
            retire(environment)
            return
        }
        idle[function.key, default: []].append(environment)
    }

    static func launch(_ function: LambdaFunction, folder: URL, environment: ExecutionEnvironment, port: Int) throws -> ExecutionEnvironment.Launch {
        let python = function.isPython ? LambdaHost.python3 : nil
        var variables: [String: String] = [
            "PATH": FunctionEnvironment.path(interpreter: python),
            "HOME": environment.scratch.home.path, "TMPDIR": environment.scratch.tmp.path, "LANG": "C.UTF-8", "TZ": ":UTC",
            "LAMBDA_TASK_ROOT": folder.path, "LAMBDA_RUNTIME_DIR": folder.path, "_HANDLER": function.handler,
            "AWS_LAMBDA_RUNTIME_API": "127.0.0.1:\(port)\(LambdaRoutes.runtimePrefix)\(environment.runtimeKey)",
            "AWS_LAMBDA_FUNCTION_NAME": function.name, "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": String(function.memorySize),
            "AWS_LAMBDA_LOG_GROUP_NAME": function.logGroup, "AWS_LAMBDA_LOG_STREAM_NAME": environment.logStream,
            "AWS_REGION": function.region, "AWS_DEFAULT_REGION": function.region,
            "AWS_EXECUTION_ENV": "AWS_Lambda_\(function.runtime)",
            // boto3 inside the function reaches the emulator, with dummy credentials.
            "AWS_ENDPOINT_URL": "http://127.0.0.1:\(port)",
            "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_SESSION_TOKEN": "test",
            "PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1",
        ]
        for (key, value) in function.environment { variables[key] = value }
        if function.isPython {
            guard let python, let bootstrap = Bundle.module.url(forResource: "bootstrap", withExtension: "py", subdirectory: "Runtime") else {
                throw LambdaErrors.serviceError("python3 is not installed on this machine; it runs the python runtimes")
            }
            return .init(executable: python, arguments: [bootstrap.path], environment: variables, workingDirectory: folder)
        }
        let bootstrap = folder.appendingPathComponent("bootstrap")
        guard FileManager.default.isExecutableFile(atPath: bootstrap.path) else {
            throw LambdaErrors.invalidParameter("Couldn't find valid bootstrap(s): [\(bootstrap.path)]")
        }
        return .init(executable: bootstrap.path, arguments: [], environment: variables, workingDirectory: folder)
    }

    /// The first executable `program` on a `PATH`.
    static func locate(_ program: String, in path: String) -> String? {
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
