import EmulatorKit
import Foundation
import JSON
import Testing
import ZIPFoundation
@testable import Emulator
@testable import Lambda

@Suite("Lambda's folders")
struct LambdaFoldersTests {
    static let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#

    static func zip(name: String, contents: String) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let data = Data(contents.utf8)
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count)) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
        return try #require(archive.data)
    }

    @Test("An in-memory emulator removes its unpacked code and the environments' folders when it stops")
    func temporaryFoldersGoAtShutdown() async throws {
        let emulator = try await EmulatorFactory.make(.init())
        let context = RequestContext(account: "123456789012", region: "us-east-1")
        _ = try await emulator.call(service: "iam", operation: "CreateRole",
                                    input: ["RoleName": "r", "AssumeRolePolicyDocument": .string(Self.trust)], context: context).get()
        let code = try Self.zip(name: "app.py", contents: "import os\ndef handler(e, c):\n    return os.environ['HOME']\n")
        _ = try await emulator.call(service: "lambda", operation: "CreateFunction", input: [
            "FunctionName": "f", "Runtime": "python3.12", "Handler": "app.handler",
            "Role": "arn:aws:iam::123456789012:role/r", "Code": ["ZipFile": .string(code.base64EncodedString())],
        ], context: context).get()
        let lambda = try #require(emulator.service(named: "lambda") as? LambdaService)
        let cache = lambda.host.codeCache
        #expect(lambda.host.temporary)
        // No server listens on port 1: the runtime starts, cannot reach its API and exits. The
        // package was unpacked for it all the same.
        emulator.listening(on: 1)
        let output = try await emulator.call(service: "lambda", operation: "Invoke", input: ["FunctionName": "f"], context: context).get()
        #expect(output["FunctionError"] != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).contains { $0.count == 64 }, "the unpacked package")
        await emulator.shutdown()
        #expect(!FileManager.default.fileExists(atPath: cache.path))
    }
}
