import AWSWire
import EmulatorKit
import Foundation
import JSON
import LabKit
import Testing
@testable import Emulator

@Suite("The service registry")
struct RegistryTests {
    @Test("Registry, bundled wire models and the lab format agree on the services")
    func namesAgree() throws {
        let names = ServiceRegistry.names
        #expect(Set(names).count == names.count, "a service is registered twice")
        let catalog = try ServiceCatalog.bundled(names)
        #expect(catalog.models.map(\.name) == names, "each service's name is its bundled model's file name")
        let modelFiles = try FileManager.default.contentsOfDirectory(atPath: Self.modelsDirectory.path)
            .filter { $0.hasSuffix(".json") && $0.split(separator: ".").count == 2 }
            .map { String($0.dropLast(".json".count)) }
        #expect(Set(modelFiles) == Set(names), "every bundled model belongs to a registered service")
        for name in names {
            #expect(LabMetadata.knownServices.contains(name), "labs cannot name the emulated service \(name)")
        }
    }

    @Test("Every shipped lab names only services the registry emulates")
    func labsNameRegisteredServices() throws {
        let labs = Self.repositoryRoot.appendingPathComponent("labs")
        let files = try FileManager.default.contentsOfDirectory(atPath: labs.path).filter { $0.hasSuffix(".md") }
        #expect(!files.isEmpty)
        for file in files {
            let lab = try #require(LabParser.parse(contentsOf: labs.appendingPathComponent(file).path).lab, "\(file) parses")
            for service in lab.metadata.services {
                #expect(ServiceRegistry.names.contains(service), "\(file) uses \(service), which is not emulated")
            }
        }
    }

    @Test("Services are built after the providers of what they require")
    func buildOrder() throws {
        let order = try ServiceRegistry.buildOrder().map(\.name)
        #expect(Set(order) == Set(ServiceRegistry.names))
        for descriptor in ServiceRegistry.all {
            for capability in descriptor.requires {
                let provider = try #require(ServiceRegistry.all.first { $0.provides.contains(capability) },
                                            "someone provides \(capability)")
                #expect(order.firstIndex(of: provider.name)! < order.firstIndex(of: descriptor.name)!)
            }
        }
    }

    @Test("A requirement nobody provides, or provided twice, is reported")
    func registryDefects() {
        let lonely = ServiceDescriptor(name: "lonely", requires: ["nothing"]) { _ in fatalError("never built") }
        #expect(throws: ServiceRegistry.Defect.self) { try ServiceRegistry.buildOrder([lonely]) }
        let twice = ServiceRegistry.all + [ServiceDescriptor(name: "copy", provides: [CapabilityKey.messageQueues.name]) { _ in
            fatalError("never built")
        }]
        #expect(throws: ServiceRegistry.Defect.self) { try ServiceRegistry.buildOrder(twice) }
    }

    @Test("Migrations keep the order existing databases recorded, with unique names")
    func migrationOrder() {
        let names = ServiceRegistry.migrations.map(\.name)
        // Each service's later migrations follow its first (GRDB runs what a database lacks).
        #expect(names.filter { $0.hasPrefix("v1-") }.prefix(4) == ["v1-sqs", "v1-lambda", "v1-iam", "v1-logs"])
        #expect(Set(names).count == names.count)
    }

    @Test("A database written before the service kit opens with every resource in it")
    func existingDatabase() async throws {
        let fixture = try #require(Bundle.module.url(forResource: "main-bbd4f40", withExtension: "sqlite", subdirectory: "Fixtures"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("handson-registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("emulator.sqlite").path
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)

        let emulator = try await EmulatorFactory.make(.init(databasePath: path))
        let state = await emulator.state()
        #expect(state["sqs"]?["queues"]?[0]?["name"] == "fixture-orders")
        #expect(state["sqs"]?["queues"]?[0]?["messageBodies"]?[0]?["body"] == "order-1")
        #expect(state["iam"]?["roles"]?.arrayValue?.contains { $0["name"] == "fixture-role" } == true)
        #expect(state["logs"]?["logGroups"]?[0]?["name"] == "/fixture/app")
        #expect(state["lambda"]?["functions"]?[0]?["FunctionName"] == "fixture-fn")
        #expect(emulator.clock.offsetSeconds == 60)
        let context = RequestContext(account: "123456789012", region: "us-east-1")
        let received = try await emulator.call(service: "sqs", operation: "ReceiveMessage",
                                               input: ["QueueUrl": "http://localhost:4566/123456789012/fixture-orders"],
                                               context: context).get()
        #expect(received["Messages"]?[0]?["Body"] == "order-1")
        await emulator.shutdown()
    }

    @Test("A new service is one descriptor: its schema, its capability needs, its answers")
    func skeletonService() async throws {
        let emulator = try await EmulatorFactory.make(.init(), services: ServiceRegistry.all + [EchoService.descriptor])
        #expect(emulator.serviceNames.contains("echo"))
        let context = RequestContext(account: "123456789012", region: "us-east-1")
        let output = try await emulator.call(service: "echo", operation: "Echo", input: ["Text": "hi"], context: context).get()
        #expect(output == ["Text": "hi", "Count": 1])
        let again = try await emulator.call(service: "echo", operation: "Echo", input: ["Text": "hi"], context: context).get()
        #expect(again["Count"] == 2)
        let failure = await emulator.call(service: "echo", operation: "Echo", input: ["Text": 3], context: context)
        #expect(throws: AWSError.self) { try failure.get() }
        #expect(await emulator.state()["echo"] == ["echoed": 2])
        await emulator.shutdown()
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let modelsDirectory = repositoryRoot.appendingPathComponent("Sources/AWSWire/Models")
}
