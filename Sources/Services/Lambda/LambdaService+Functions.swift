import EmulatorKit
import Foundation
import JSON

/// Creating, reading, updating and deleting functions.
extension LambdaService {
    func createFunction(_ input: ServiceInput, _ context: RequestContext) async throws(AWSError) -> JSONValue {
        let name = try input.requiredString("FunctionName")
        guard name.range(of: "^[a-zA-Z0-9_-]{1,64}$", options: .regularExpression) != nil else {
            throw LambdaErrors.invalidParameter("1 validation error detected: Value '\(name)' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+")
        }
        let key = "\(context.account):\(context.region):\(name)"
        guard functions[key] == nil else { throw LambdaErrors.functionExists(name) }
        let runtime = try input.string("Runtime") ?? ""
        guard LambdaFunction.supportedRuntimes.contains(runtime) else { throw LambdaErrors.unsupportedRuntime(runtime) }
        let role = try input.requiredString("Role")
        try await checkRole(role)
        let handler = try input.string("Handler") ?? ""
        if runtime.hasPrefix("python"), handler.isEmpty {
            throw LambdaErrors.invalidParameter("The Handler parameter is required for the python runtimes (module.function, e.g. lambda_function.lambda_handler).")
        }
        let archive = try Self.archive(from: try input.object("Code"))
        try archive.validate()
        let timeout = try input.int("Timeout") ?? 3
        let memory = try input.int("MemorySize") ?? 128
        try Self.validateLimits(timeout: timeout, memory: memory)
        let variables = try input.object("Environment")?.stringMap("Variables") ?? [:]
        try FunctionEnvironment.validate(variables)
        let function = LambdaFunction(
            name: name, account: context.account, region: context.region, runtime: runtime, handler: handler, role: role,
            description: try input.string("Description") ?? "", timeout: timeout, memorySize: memory,
            environment: variables,
            codeSha256: archive.sha256, codeSize: archive.zip.count, lastModified: now,
            revisionId: UUID().uuidString.lowercased(), tags: try input.stringMap("Tags") ?? [:], policyStatements: nil)
        functions[key] = function
        try await durable(store.commit([LambdaStore.save(function, code: archive.zip)]))
        return function.configuration
    }

    func getFunction(_ input: ServiceInput, _ context: RequestContext) throws(AWSError) -> JSONValue {
        let function = try function(input, context)
        var result: [String: JSONValue] = [
            "Configuration": function.configuration,
            "Code": ["RepositoryType": "S3", "Location": .string(context.endpoint + LambdaRoutes.codeLocation(function, signer: host.codeSigner))],
        ]
        if !function.tags.isEmpty { result["Tags"] = .object(function.tags.mapValues(JSONValue.string)) }
        return .object(result)
    }

    func listFunctions(_ input: ServiceInput, _ context: RequestContext) -> JSONValue {
        let all = functions.values.filter { $0.account == context.account && $0.region == context.region }.sorted { $0.name < $1.name }
        let limit = min(max((try? input.int("MaxItems")) ?? 50, 1), 10_000)
        let start = ((try? input.string("Marker")) ?? nil).flatMap { marker in all.firstIndex { $0.name > marker } } ?? 0
        let page = Array(all.dropFirst(start).prefix(limit))
        var result: [String: JSONValue] = ["Functions": .array(page.map(\.configuration))]
        if start + page.count < all.count, let last = page.last { result["NextMarker"] = .string(last.name) }
        return .object(result)
    }

    func deleteFunction(_ input: ServiceInput, _ context: RequestContext) async throws(AWSError) -> JSONValue {
        let function = try function(input, context)
        functions.removeValue(forKey: function.key)
        counters.removeValue(forKey: function.key)
        idle.removeValue(forKey: function.key)?.forEach { retire($0) }
        for mapping in mappings.values where mapping.functionKey == function.key {
            pollers.removeValue(forKey: mapping.uuid)?.cancel()
            mappings.removeValue(forKey: mapping.uuid)
            _ = store.commit([.deleteMapping(uuid: mapping.uuid)])
        }
        try await durable(store.commit([.deleteFunction(key: function.key)]))
        return .null
    }

    func updateFunctionCode(_ input: ServiceInput, _ context: RequestContext) async throws(AWSError) -> JSONValue {
        var function = try function(input, context)
        let archive = try Self.archive(from: input)
        try archive.validate()
        function.codeSha256 = archive.sha256
        function.codeSize = archive.zip.count
        function.lastModified = now
        function.revisionId = UUID().uuidString.lowercased()
        functions[function.key] = function
        // New code: the warm environments run the old one.
        idle.removeValue(forKey: function.key)?.forEach { retire($0) }
        try await durable(store.commit([LambdaStore.save(function, code: archive.zip)]))
        return function.configuration
    }

    func updateFunctionConfiguration(_ input: ServiceInput, _ context: RequestContext) async throws(AWSError) -> JSONValue {
        var function = try function(input, context)
        if let role = try input.string("Role") {
            try await checkRole(role)
            function.role = role
        }
        if let handler = try input.string("Handler") { function.handler = handler }
        if let runtime = try input.string("Runtime") {
            guard LambdaFunction.supportedRuntimes.contains(runtime) else { throw LambdaErrors.unsupportedRuntime(runtime) }
            function.runtime = runtime
        }
        if let description = try input.string("Description") { function.description = description }
        if let timeout = try input.int("Timeout") { function.timeout = timeout }
        if let memory = try input.int("MemorySize") { function.memorySize = memory }
        try Self.validateLimits(timeout: function.timeout, memory: function.memorySize)
        if let environment = try input.object("Environment") {
            function.environment = try environment.stringMap("Variables") ?? [:]
            try FunctionEnvironment.validate(function.environment)
        }
        function.lastModified = now
        function.revisionId = UUID().uuidString.lowercased()
        functions[function.key] = function
        idle.removeValue(forKey: function.key)?.forEach { retire($0) }
        try await durable(store.commit([LambdaStore.save(function, code: nil)]))
        return function.configuration
    }

    /// Lambda refuses a role it cannot assume (when IAM is emulated alongside).
    private func checkRole(_ role: String) async throws(AWSError) {
        guard role.range(of: "^arn:aws:iam::[0-9]{12}:role/.+", options: .regularExpression) != nil else {
            throw LambdaErrors.invalidParameter("1 validation error detected: Value '\(role)' at 'role' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+")
        }
        guard let permissions else { return }
        guard await permissions.trusts(roleArn: role, servicePrincipal: "lambda.amazonaws.com") == true else {
            throw LambdaErrors.invalidParameter("The role defined for the function cannot be assumed by Lambda.")
        }
    }

    static func validateLimits(timeout: Int, memory: Int) throws(AWSError) {
        guard (1...900).contains(timeout) else {
            throw LambdaErrors.invalidParameter("1 validation error detected: Value '\(timeout)' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900")
        }
        guard (128...10_240).contains(memory) else {
            throw LambdaErrors.invalidParameter("1 validation error detected: Value '\(memory)' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240")
        }
    }

    /// `Code.ZipFile` (or `ZipFile` of UpdateFunctionCode): base64 of the zip in our JSON form.
    static func archive(from code: ServiceInput?) throws(AWSError) -> CodeArchive {
        guard let code, let base64 = try code.string("ZipFile") else {
            throw LambdaErrors.invalidParameter("handson takes function code as a zip file (--zip-file fileb://function.zip); S3 locations and images are not emulated.")
        }
        guard let zip = Data(base64Encoded: base64), !zip.isEmpty else {
            throw LambdaErrors.invalidZip("Could not unzip uploaded file. Please check your file, then try to upload again.")
        }
        return CodeArchive(zip: zip)
    }
}
