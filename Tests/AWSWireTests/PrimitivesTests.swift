@testable import AWSWire
import Foundation
import JSON
import Testing

@Suite("Wire primitives")
struct PrimitivesTests {
    @Test func jsonWriterEscapesWhatRFC8259Requires() throws {
        let value: JSONValue = ["s": "quote \" backslash \\ newline \n tab \t nul \u{0} bell \u{7} é 😀 </script>", "n": 1.5, "i": -3, "b": true, "z": nil, "a": []]
        let text = String(decoding: value.jsonData(), as: UTF8.self)
        #expect(text == #"{"a":[],"b":true,"i":-3,"n":1.5,"s":"quote \" backslash \\ newline \n tab \t nul \u0000 bell \u0007 é 😀 </script>","z":null}"#)
        #expect(try JSONValue(jsonString: text) == value)
    }

    @Test func jsonWriterNumbers() {
        #expect(String(decoding: JSONValue.array([1e20, 0.1, 10324440, -0.0]).jsonData(), as: UTF8.self) == "[1e+20,0.1,10324440,0]")
    }

    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00Z"),
        (1767323045.25, "2026-01-02T03:04:05.250Z"),
        (951782400, "2000-02-29T00:00:00Z"),
        (-1, "1969-12-31T23:59:59Z"),
        (4102444799.999, "2099-12-31T23:59:59.999Z"),
    ])
    func iso8601RoundTrips(seconds: Double, text: String) {
        #expect(Timestamp.iso8601(seconds) == text)
        #expect(Timestamp.parseISO8601(text) == seconds)
    }

    @Test func iso8601Variants() {
        #expect(Timestamp.parseISO8601("2026-01-02T03:04:05+09:00") == 1767290645)
        #expect(Timestamp.parseISO8601("2026-01-02T03:04:05-0130") == 1767328445)
        #expect(Timestamp.parseISO8601("2026-01-02T03:04:05.123456Z")! - 1767323045.123456 < 1e-6)
        #expect(Timestamp.parseISO8601("2026-01-02") == 1767312000)
        #expect(Timestamp.parseISO8601("2026-01-02T03:04:05") == 1767323045)
        for bad in ["", "2026", "2026-13-01T00:00:00Z", "2026-01-02T25:00:00Z", "2026-01-02T03:04:05Zjunk", "2026-01-02T03:04:05.Z", "yesterday"] {
            #expect(Timestamp.parseISO8601(bad) == nil, "\(bad)")
        }
    }

    @Test func credentialScopes() {
        let v4 = SigV4Scope.from(headers: ["authorization": signed], parameters: [])
        #expect(v4 == SigV4Scope(accessKeyId: "AKIDEXAMPLE", region: "eu-west-1", service: "sqs"))
        let v4a = SigV4Scope.from(headers: ["authorization": "AWS4-ECDSA-P256-SHA256 Credential=AKID/20260101/sqs/aws4_request, SignedHeaders=host, Signature=x"], parameters: [])
        #expect(v4a == SigV4Scope(accessKeyId: "AKID", region: nil, service: "sqs"))
        #expect(SigV4Scope.from(headers: ["authorization": "Bearer token"], parameters: []) == nil)
        #expect(SigV4Scope.from(headers: ["authorization": "AWS4-HMAC-SHA256 Credential="], parameters: []) == nil)
        #expect(SigV4Scope.from(headers: ["authorization": "Credential=/x/y"], parameters: []) == nil)
        #expect(SigV4Scope.from(headers: [:], parameters: []) == nil)
    }

    @Test func formDecoding() {
        let pairs = FormDecoding.decode(Data("a=1&&b=x+y%21&c&d=%e3%81%82&e=%&f==".utf8))
        #expect(pairs.map(\.0) == ["a", "b", "c", "d", "e", "f"])
        #expect(pairs.map(\.1) == ["1", "x y!", "", "あ", "%", "="])
    }

    @Test func xmlEscaping() {
        var text = ""
        XMLWriter.escape("a & b < c > d \" e ' f \r\n g", into: &text)
        #expect(text == "a &amp; b &lt; c &gt; d &quot; e ' f &#xD;\n g")
    }

    @Test func overlayMergeKeepsOrderAndAppends() throws {
        let base = try ModelJSON(data: Data(#"{"shapes":{"A":{"type":"string"},"B":{"type":"list","member":{"shape":"A"}}}}"#.utf8))
        let patch = try ModelJSON(data: Data(#"{"_note":"x","shapes":{"B":{"member":{"locationName":"Item"},"flattened":true}}}"#.utf8))
        let merged = try base.merging(patch)
        #expect(merged["shapes"]?.members?.map(\.key) == ["A", "B"])
        #expect(merged["shapes"]?["B"]?["member"]?["locationName"]?.string == "Item")
        #expect(merged["shapes"]?["B"]?["member"]?["shape"]?.string == "A")
        #expect(merged["shapes"]?["B"]?["flattened"]?.bool == true)
        #expect(merged["_note"] == nil)
    }
}

/// Whatever arrives, decoding answers with a value or a WireError — never a crash.
@Suite("Robustness")
struct RobustnessTests {
    @Test func randomJSONBodies() {
        var generator = SplitMix(seed: 42)
        let fragments = ["{", "}", "[", "]", "\"QueueUrl\"", ":", ",", "\"MessageBody\"", "1", "-2.5e9", "null", "true",
                         "\"x\"", "\"MessageAttributes\"", "{\"n\":", "\"DataType\"", "\\u0000", "\u{FFFF}", " "]
        for _ in 0..<2000 {
            let body = (0..<Int(generator.next() % 24)).map { _ in fragments[Int(generator.next() % UInt64(fragments.count))] }.joined()
            for operation in ["SendMessage", "SendMessageBatch", "ReceiveMessage", "ListQueues"] {
                _ = try? codec.decode(jsonRequest(operation, body))
            }
        }
    }

    @Test func randomForms() {
        var generator = SplitMix(seed: 7)
        let names = ["Action", "QueueUrl", "MessageBody", "MessageAttribute", "Attribute", "Name", "Value", "entry", "member",
                     "1", "2", "0", "-1", "99999999999999999999", "", "StringValue", "DataType", "SendMessageBatchRequestEntry", "Id"]
        let values = ["SendMessage", "SendMessageBatch", "SetQueueAttributes", "", "x", "%", "%zz", "+", "1", "true"]
        for _ in 0..<3000 {
            var fields = ["Action=" + values[Int(generator.next() % 3)]]
            for _ in 0..<Int(generator.next() % 8) {
                let name = (0..<Int(1 + generator.next() % 4)).map { _ in names[Int(generator.next() % UInt64(names.count))] }.joined(separator: ".")
                fields.append(name + "=" + values[Int(generator.next() % UInt64(values.count))])
            }
            _ = try? codec.decode(queryRequest(fields.joined(separator: "&")))
        }
    }

    @Test func binaryGarbage() {
        var generator = SplitMix(seed: 1)
        for _ in 0..<500 {
            let bytes = Data((0..<Int(generator.next() % 64)).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
            var json = jsonRequest("SendMessage", "")
            json.body = bytes
            _ = try? codec.decode(json)
            var form = queryRequest("")
            form.body = Data("Action=SendMessage&QueueUrl=".utf8) + bytes
            _ = try? codec.decode(form)
        }
    }
}

/// A tiny deterministic generator, so a failing input can be reproduced.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
