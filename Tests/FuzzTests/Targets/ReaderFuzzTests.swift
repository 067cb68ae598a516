import Foundation
import Testing
@testable import AWSWire

/// The CBOR and XML readers alone, under random, generated and mutated bytes.
@Suite("Fuzz: CBOR and XML readers")
struct ReaderFuzzTests {
    static let cborSeeds: [Data] = (ProtocolSuiteSeeds.byProtocol["smithy-rpc-v2-cbor"] ?? []).map(\.request.body).filter { !$0.isEmpty }
    static let cborHeads = Mutator(dictionary: ["\u{18}", "\u{1b}", "\u{1f}", "\u{5f}", "\u{7f}", "\u{9f}", "\u{bf}", "\u{ff}", "\u{c1}", "\u{f9}", "\u{fa}", "\u{fb}", "\u{1c}"])

    @Test func cbor() async {
        await FuzzLane.run { Fuzz.run("reader.cbor", ciInputs: 6_000) { rng -> Data in
            switch rng.below(4) {
            case 0: return Data((0..<rng.below(40)).map { _ in UInt8.random(in: 0...255, using: &rng) })
            case 1: return CBOREncoder.encode(RandomCBOR.value(&rng))
            default:
                let base = Self.cborSeeds.isEmpty || rng.oneIn(3) ? CBOREncoder.encode(RandomCBOR.value(&rng)) : rng.pick(Self.cborSeeds)
                return Data(Self.cborHeads.mutate(Array(base), rng: &rng))
            }
        } describe: { $0.base64EncodedString() } check: { data in
            let value = try CBORDecoder.decode(data)
            _ = CBOREncoder.encode(value)
            return .value
        } }
    }

    static let xmlSeeds: [String] = (ProtocolSuiteSeeds.byProtocol["rest-xml"] ?? []).compactMap { String(data: $0.request.body, encoding: .utf8) }.filter { !$0.isEmpty } + [
        #"<?xml version="1.0" encoding="UTF-8"?><CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>"#,
        "<a x=\"1\" y='2'><b>t&amp;&lt;&#65;&#x42;</b><!-- c --><![CDATA[<raw>]]><c/><?pi data?></a>",
        "<ns:a xmlns:ns=\"urn:x\"><ns:b ns:attr=\"v\">text</ns:b></ns:a>",
    ]
    static let xmlTokens = Mutator(dictionary: ["<", ">", "</", "/>", "<a>", "</a>", "<!--", "-->", "<![CDATA[", "]]>", "<?", "?>", "&", ";", "&amp;", "&#",
                                                "&#x", "&#1114112;", "&#xD800;", "&unknown;", "=\"", "'", "xmlns:", "<!DOCTYPE a>", "<!ENTITY", "\u{0}", "\u{FEFF}"])

    @Test func xml() async {
        await FuzzLane.run { Fuzz.run("reader.xml", ciInputs: 6_000) { rng -> [UInt8] in
            let base = rng.oneIn(3) ? Self.randomXML(&rng, depth: 0) : rng.pick(Self.xmlSeeds)
            return rng.oneIn(6) ? Array(base.utf8) : Self.xmlTokens.mutate(Array(base.utf8), rng: &rng, splice: Array(rng.pick(Self.xmlSeeds).utf8))
        } describe: { String(decoding: $0, as: UTF8.self).debugDescription } check: { bytes in
            _ = try XMLReader.parse(bytes)
            return .value
        } }
    }

    static func randomXML(_ rng: inout FuzzRNG, depth: Int) -> String {
        let name = rng.pick(["a", "b", "Member", "ns:x", "entry", "key", "value", "_", "é"])
        let attributes = (0..<rng.below(3)).map { _ in " \(rng.pick(["id", "xmlns", "xmlns:ns", "ns:a", "x"]))=\"\(rng.pick(["1", "", "urn:x", "&amp;", "&quot;"]))\"" }.joined()
        if depth > 3 || rng.oneIn(3) { return "<\(name)\(attributes)>\(rng.pick(["", "text", "&lt;", "&#233;", " ", "<![CDATA[x]]>"]))</\(name)>" }
        let children = (0..<rng.below(4)).map { _ in randomXML(&rng, depth: depth + 1) }.joined()
        return "<\(name)\(attributes)>\(children)</\(name)>"
    }
}
