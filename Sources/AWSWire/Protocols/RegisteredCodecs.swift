/// The protocols the emulator speaks. Order matters only for recognition: a request goes
/// to the first codec whose `route` claims it. Header-named protocols come first (RPC v2
/// CBOR's `smithy-protocol`, JSON's `X-Amz-Target`), then `Action=` protocols (EC2 before query: it claims only actions of
/// EC2-protocol models, query answers the rest), then the REST protocols, matched by
/// method and path templates.
///
/// Adding a protocol: write its codec under `Protocols/` and add one line here.
enum RegisteredCodecs {
    static let all: [any WireProtocolCodec] = [
        RPCv2CBORCodec(),
        JSONCodec(),
        EC2Codec(),
        QueryCodec(),
        RestJSONCodec(),
        RestXMLCodec(),
    ]
}
