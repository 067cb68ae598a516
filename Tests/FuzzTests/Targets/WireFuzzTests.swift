import Foundation
import JSON
import Testing
@testable import AWSWire

/// Every wire protocol's decoder under mutated requests: each must decode to an input or
/// answer a clear AWS error (4xx/5xx, encoded in some protocol) — never trap or hang.
@Suite("Fuzz: wire decoders")
struct WireFuzzTests {
    typealias Seed = ProtocolSuiteSeeds.Seed

    static func bundled(_ requests: [WireRequest]) -> [Seed] {
        requests.map { Seed(codec: BundledWireSeeds.codec, request: $0) }
    }

    @Test func awsJSON() async { await Self.fuzz("wire.json", seeds: Self.bundled(BundledWireSeeds.sqsJSON + BundledWireSeeds.logsJSON) + Self.suite("json")) }
    @Test func awsQuery() async { await Self.fuzz("wire.query", seeds: Self.bundled(BundledWireSeeds.sqsQuery + BundledWireSeeds.iamSTSQuery) + Self.suite("query")) }
    @Test func ec2() async { await Self.fuzz("wire.ec2", seeds: Self.suite("ec2") + Self.bundled(BundledWireSeeds.iamSTSQuery)) }
    @Test func restJSON() async { await Self.fuzz("wire.restJson", seeds: Self.bundled(BundledWireSeeds.lambdaREST) + Self.suite("rest-json")) }
    @Test func restXML() async { await Self.fuzz("wire.restXml", seeds: Self.suite("rest-xml") + Self.bundled(BundledWireSeeds.lambdaREST)) }
    @Test func rpcV2CBOR() async { await Self.fuzz("wire.cbor", seeds: Self.suite("smithy-rpc-v2-cbor") + Self.bundled(BundledWireSeeds.logsJSON)) }

    static func suite(_ protocolName: String) -> [Seed] { ProtocolSuiteSeeds.byProtocol[protocolName] ?? [] }

    static func fuzz(_ target: String, seeds: [Seed], ciInputs: Int = 2_500) async {
        #expect(!seeds.isEmpty)
        guard !seeds.isEmpty else { return }
        let crossProtocol = bundled(BundledWireSeeds.sqsJSON + BundledWireSeeds.sqsQuery + BundledWireSeeds.lambdaREST)
        await FuzzLane.run { Fuzz.run(target, ciInputs: ciInputs) { rng -> Seed in
            let seed = rng.pick(seeds)
            let other = rng.oneIn(4) ? rng.pick(crossProtocol) : rng.pick(seeds)
            let request = WireRequestMutator.mutate(seed.request, other: other.request, rng: &rng)
            // Now and then the server's own catalog decodes what a protocol-test model's request became.
            return Seed(codec: rng.oneIn(5) ? BundledWireSeeds.codec : seed.codec, request: request)
        } describe: { input in
            let request = input.request
            return "\(request.method) \(request.path) query=\(request.query) headers=\(request.headers.sorted { $0.key < $1.key }) body(base64)=\(request.body.base64EncodedString())"
        } check: { input in
            try decodeAndAnswer(input.request, codec: input.codec)
        } }
    }

    /// Decodes, then writes what the server would answer: a decoded request's empty output,
    /// or the error in the protocol decoding identified.
    static func decodeAndAnswer(_ request: WireRequest, codec: WireCodec) throws -> FuzzOutcome {
        do {
            let decoded = try codec.decode(request)
            _ = decoded.input.jsonText()
            _ = codec.encode(output: .object([:]), for: decoded, requestId: "fuzz")
            return .value
        } catch {
            let response = codec.encode(error: error, for: nil, requestId: "fuzz")
            if !(400...599).contains(response.status) || response.body.isEmpty {
                Issue.record("an error answered \(response.status) with \(response.body.count) bytes: \(error)")
            }
            return .error
        }
    }
}
