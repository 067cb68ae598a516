/// The credential scope of a SigV4-signed request: who signed it, for which region and
/// service. Read, never verified: labs use dummy keys.
struct SigV4Scope: Equatable {
    var accessKeyId: String
    var region: String?
    var service: String?

    /// From `Authorization: AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/sqs/aws4_request, ...`,
    /// a presigned URL's `X-Amz-Credential`, or SigV2's bare `AWSAccessKeyId` parameter.
    static func from(headers: [String: String], parameters: [(String, String)]) -> SigV4Scope? {
        if let authorization = headers["authorization"], let range = authorization.range(of: "Credential=") {
            let credential = authorization[range.upperBound...].prefix { $0 != "," && $0 != " " }
            return parse(credential)
        }
        if let credential = parameters.first(where: { $0.0 == "X-Amz-Credential" })?.1 {
            return parse(Substring(credential))
        }
        if let key = parameters.first(where: { $0.0 == "AWSAccessKeyId" })?.1 {
            return SigV4Scope(accessKeyId: key, region: nil, service: nil)
        }
        return nil
    }

    /// `AKID/date/region/service/aws4_request`; SigV4a scopes omit the region.
    static func parse(_ credential: Substring) -> SigV4Scope? {
        let parts = credential.split(separator: "/", omittingEmptySubsequences: false)
        guard let key = parts.first, !key.isEmpty else { return nil }
        switch parts.count {
        case 5: return SigV4Scope(accessKeyId: String(key), region: String(parts[2]), service: String(parts[3]))
        case 4: return SigV4Scope(accessKeyId: String(key), region: nil, service: String(parts[2]))
        default: return SigV4Scope(accessKeyId: String(key), region: nil, service: nil)
        }
    }
}
