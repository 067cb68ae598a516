/// The credential scope of a SigV4-signed request: who signed it, for which region and
/// service. Read, never verified: labs use dummy keys.
struct SigV4Scope: Equatable {
    var accessKeyId: String
    var region: String?
    var service: String?

    /// From `Authorization: AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/sqs/aws4_request, ...`,
    /// a presigned URL's `X-Amz-Credential`, or SigV2's bare `AWSAccessKeyId` parameter.
    static func from(headers: [String: String], parameters: [(String, String)]) -> SigV4Scope? {
        if let authorization = headers["authorization"], let scope = scan(authorization, afterMarker: true) {
            return scope
        }
        if let credential = parameters.first(where: { $0.0 == "X-Amz-Credential" })?.1 {
            return scan(credential, afterMarker: false)
        }
        if let key = parameters.first(where: { $0.0 == "AWSAccessKeyId" })?.1 {
            return SigV4Scope(accessKeyId: key, region: nil, service: nil)
        }
        return nil
    }

    private static let marker = Array("Credential=".utf8)

    /// Scans UTF-8 bytes by hand: this runs for every request, and both Character-level
    /// splitting and the generic `firstRange(of:)` showed up in profiles.
    private static func scan(_ text: String, afterMarker: Bool) -> SigV4Scope? {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes -> SigV4Scope? in
            var start = 0
            if afterMarker {
                guard let found = find(marker, in: bytes) else { return nil }
                start = found + marker.count
            }
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: ","), bytes[end] != UInt8(ascii: " ") { end += 1 }
            return parse(bytes[start..<end])
        } ?? nil
    }

    private static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], needle.indices.allSatisfy({ haystack[index + $0] == needle[$0] }) { return index }
            index += 1
        }
        return nil
    }

    /// `AKID/date/region/service/aws4_request`; SigV4a scopes omit the region.
    private static func parse(_ credential: Slice<UnsafeBufferPointer<UInt8>>) -> SigV4Scope? {
        let parts = credential.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard let key = parts.first, !key.isEmpty else { return nil }
        func text(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> String { String(decoding: part, as: UTF8.self) }
        switch parts.count {
        case 5: return SigV4Scope(accessKeyId: text(key), region: text(parts[2]), service: text(parts[3]))
        case 4: return SigV4Scope(accessKeyId: text(key), region: nil, service: text(parts[2]))
        default: return SigV4Scope(accessKeyId: text(key), region: nil, service: nil)
        }
    }
}
