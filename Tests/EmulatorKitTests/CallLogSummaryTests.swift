import EmulatorKit
import Foundation
import JSON
import Testing

@Suite("Call log bounds")
struct CallLogSummaryTests {
    static func entry(_ parameters: JSONValue) -> CallLog.Entry {
        CallLog.Entry(time: Date(), service: "lambda", operation: "CreateFunction", parameters: parameters,
                      outcome: "ok", requestId: "r", region: "us-east-1")
    }

    @Test func longValuesAreKeptAsTheirStartSizeAndHash() throws {
        let log = CallLog()
        let zip = String(repeating: "UEsDBA", count: 10_000)
        log.record(Self.entry(["FunctionName": "f", "Code": ["ZipFile": .string(zip)], "Tags": [.string(zip)]]))
        let kept = try #require(log.entries().first?.parameters)
        #expect(kept["FunctionName"] == "f")
        let summary = try #require(kept["Code"]?["ZipFile"]?.stringValue)
        #expect(summary.hasPrefix(String(zip.prefix(256))))
        #expect(summary.contains("of 60000 bytes, sha256 "))
        #expect(summary.utf8.count < 512)
        #expect(kept["Tags"]?[0] == .string(summary))
    }

    @Test func valuesUpToTheLimitAreKeptWhole() {
        let log = CallLog()
        let body: JSONValue = ["MessageBody": .string(String(repeating: "x", count: CallLog.maximumValueBytes))]
        log.record(Self.entry(body))
        #expect(log.entries().first?.parameters == body)
    }
}
