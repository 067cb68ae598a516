import EmulatorKit
import Foundation

/// The environment a function's runtime process starts with: the variables AWS documents, the
/// function's own, and nothing inherited from the emulator (its `HOME`, tokens, shell setup).
/// `PATH` is the emulator's choice; a function may set its own for its process, but the
/// interpreter is found before, with the emulator's.
enum FunctionEnvironment {
    /// Keys Lambda reserves: a function may not set them (AWS answers the same error).
    static let reservedKeys: Set<String> = [
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    ]
    /// Loader variables that would inject code into the interpreter the emulator starts on the
    /// learner's machine: refused here, though AWS accepts them in its own sandbox.
    static let loaderKeys: Set<String> = ["LD_PRELOAD", "LD_AUDIT"]
    /// AWS's limit on all of a function's variables together (keys and values).
    static let maximumBytes = 4096

    /// Checks a function's variables as `CreateFunction` and `UpdateFunctionConfiguration` do.
    static func validate(_ variables: [String: String]) throws(AWSError) {
        let reserved = variables.keys.filter(reservedKeys.contains).sorted()
        if !reserved.isEmpty {
            throw LambdaErrors.invalidParameter(
                "Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: \(reserved.joined(separator: ", "))")
        }
        let loader = variables.keys.filter(loaderKeys.contains).sorted()
        if !loader.isEmpty {
            throw LambdaErrors.invalidParameter(
                "handson runs functions on your own machine and does not accept \(loader.joined(separator: ", ")), which would load code into the runtime it starts.")
        }
        for key in variables.keys where !isValidKey(key) {
            throw LambdaErrors.invalidParameter(
                "1 validation error detected: Value at 'environment.variables' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+]")
        }
        let size = variables.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
        if size > maximumBytes {
            throw LambdaErrors.invalidParameter(
                "Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: \(size)")
        }
    }

    /// A letter, then at least one letter, digit or underscore.
    static func isValidKey(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        guard bytes.count >= 2, bytes[0].isASCIILetter else { return false }
        return bytes.dropFirst().allSatisfy { $0.isASCIILetter || (0x30...0x39).contains($0) || $0 == 0x5F }
    }

    /// The directories on the runtime's `PATH`: the interpreter's, then the system's.
    static func path(interpreter: String?) -> String {
        var directories = ["/usr/local/bin", "/usr/bin", "/bin"]
        if let interpreter {
            let folder = (interpreter as NSString).deletingLastPathComponent
            directories.removeAll { $0 == folder }
            directories.insert(folder, at: 0)
        }
        return directories.joined(separator: ":")
    }
}

private extension UInt8 {
    var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
}
