@testable import AWSWire
import Foundation
import Testing

@Suite("Service models")
struct ServiceModelTests {
    @Test func sqsMetadata() {
        let metadata = sqsModel.metadata
        #expect(metadata.protocolName == "json")
        #expect(metadata.jsonVersion == "1.0")
        #expect(metadata.targetPrefix == "AmazonSQS")
        #expect(metadata.signingName == "sqs")
        #expect(metadata.apiVersion == "2012-11-05")
        #expect(metadata.awsQueryCompatible)
        #expect(metadata.xmlNamespace == sqsNamespace)  // from the overlay
        #expect(metadata.acceptsJSON && metadata.acceptsQuery)
        #expect(sqsModel.operations.count == 23)
    }

    @Test func membersKeepModelOrderAndResolveShapes() throws {
        let message = try #require(sqsModel.shape(named: "Message"))
        #expect(message.members.map(\.name) == [
            "MessageId", "ReceiptHandle", "MD5OfBody", "Body", "Attributes", "MD5OfMessageAttributes", "MessageAttributes",
        ])
        let attributes = try #require(message.member(named: "Attributes"))
        #expect(sqsModel[attributes.shape].name == "MessageSystemAttributeMap")
        #expect(attributes.locationName == "Attribute")
        #expect(attributes.flattened)  // inherited from the map shape
    }

    @Test func overlayRestoresQueryNamesAndErrorCodes() throws {
        let map = try #require(sqsModel.shape(named: "QueueAttributeMap"))
        #expect(map.key?.locationName == "Name")
        #expect(map.value?.locationName == "Value")
        let entries = try #require(sqsModel.shape(named: "SendMessageBatchRequestEntryList"))
        #expect(entries.member?.locationName == "SendMessageBatchRequestEntry")
        let missing = try #require(sqsModel.errorShape(named: "QueueDoesNotExist"))
        #expect(missing.error == ErrorTraits(code: "AWS.SimpleQueueService.NonExistentQueue", httpStatusCode: 400, senderFault: true))
        #expect(sqsModel.errorShape(named: "PurgeQueueInProgress")?.error?.httpStatusCode == 403)
        #expect(sqsModel.errorShape(named: "SendMessageRequest") == nil)  // not an exception
    }

    @Test func operationsKnowTheirShapes() throws {
        let send = try #require(sqsModel.operations["SendMessage"])
        #expect(send.input.map { sqsModel[$0].name } == "SendMessageRequest")
        #expect(send.output.map { sqsModel[$0].name } == "SendMessageResult")
        #expect(send.resultWrapper == "SendMessageResult")
        #expect(sqsModel.operations["DeleteQueue"]?.output == nil)
    }

    @Test func catalogLookups() {
        #expect(sqsCatalog.model(targetPrefix: "AmazonSQS")?.name == "sqs")
        #expect(sqsCatalog.models(signingName: "sqs").map(\.name) == ["sqs"])
        #expect(sqsCatalog.models(endpointPrefix: "sqs").map(\.name) == ["sqs"])
        #expect(sqsCatalog.model(targetPrefix: "AmazonSNS") == nil)
        #expect(sqsCatalog.models(signingName: "sns").isEmpty)
    }

    @Test func generatedModelHasNoDocumentation() throws {
        let models = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/AWSWire/Models/sqs.json").standardizedFileURL
        let text = try String(contentsOf: models, encoding: .utf8)
        #expect(!text.contains("\"documentation\""))
        #expect(text.hasPrefix("{\"version\":\"2.0\",\"metadata\":"))  // compact, key order kept
    }

    @Test func overlayNamingAnUnknownShapeFailsToLoad() {
        let model = #"{"metadata":{"protocol":"json","endpointPrefix":"x"},"operations":{},"shapes":{"S":{"type":"string"}}}"#
        let overlay = #"{"shapes":{"Typo":{"locationName":"T"}}}"#
        #expect(throws: ModelLoadError.self) {
            try ServiceModel(name: "x", model: Data(model.utf8), overlay: Data(overlay.utf8))
        }
        let fine = #"{"shapes":{"S":{"locationName":"T"}}}"#
        #expect(throws: Never.self) { try ServiceModel(name: "x", model: Data(model.utf8), overlay: Data(fine.utf8)) }
    }

    @Test func brokenModelsAreErrorsNotCrashes() {
        let dangling = #"{"metadata":{"protocol":"json","endpointPrefix":"x"},"operations":{},"shapes":{"L":{"type":"list","member":{"shape":"Nope"}}}}"#
        #expect(throws: ModelLoadError.self) { try ServiceModel(name: "x", model: Data(dangling.utf8)) }
        #expect(throws: ModelLoadError.self) { try ServiceModel(name: "x", model: Data("{".utf8)) }
        #expect(throws: ModelLoadError.self) { try ServiceModel.bundled("no-such-service") }
    }

    /// The catalog routes by metadata read alone (the rest skipped); it must be the metadata
    /// the full parse (with overlays) gives, and every bundled model must then parse.
    @Test func metadataReadAloneMatchesTheFullModel() throws {
        let names = ["iam", "lambda", "logs", "sqs", "sts"]
        let catalog = try ServiceCatalog.bundled(names)
        for name in names {
            let full = try ServiceModel.bundled(name)
            let files = try ServiceModel.bundledFiles(name)
            let alone = try ServiceModel.metadata(name: name, model: files.model, overlays: files.overlays)
            #expect(alone.protocolName == full.metadata.protocolName, "\(name)")
            #expect(alone.protocols == full.metadata.protocols, "\(name)")
            #expect(alone.targetPrefix == full.metadata.targetPrefix, "\(name)")
            #expect(alone.signingName == full.metadata.signingName, "\(name)")
            #expect(alone.awsQueryCompatible == full.metadata.awsQueryCompatible, "\(name)")
            #expect(alone.errorNamespace == full.metadata.errorNamespace, "\(name)")
            #expect(alone.validationErrorCode == full.metadata.validationErrorCode, "\(name)")
            #expect(catalog.model(named: name)?.operations.count == full.operations.count, "\(name)")
        }
    }

    @Test func skippedMembersMayHoldAnyJSON() throws {
        let text = #"{"a":{"s":"}]\"{[","n":[1,[2,{"x":null}]],"t":true},"metadata":{"protocol":"json","endpointPrefix":"x"},"b":"z"}"#
        let metadata = try ServiceModel.metadata(name: "x", model: Data(text.utf8), overlays: [])
        #expect(metadata.endpointPrefix == "x")
        #expect(throws: ModelLoadError.self) {
            try ServiceModel.metadata(name: "x", model: Data(#"{"a":{"s":"unterminated}"#.utf8), overlays: [])
        }
    }
}
