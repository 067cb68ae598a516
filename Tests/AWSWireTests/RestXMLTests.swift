@testable import AWSWire
import Foundation
import JSON
import Testing

/// restXml against a model in S3's image: operations told apart by method, path and
/// required query literals (`?list-type=2`, `?versioning`), greedy keys, blob payloads,
/// prefix-header metadata, flattened lists, and S3's unwrapped `<Error>`.
@Suite("restXml")
struct RestXMLTests {
    static let model: ServiceModel = {
        let text = #"""
        {"metadata": {"apiVersion": "2006-03-01", "endpointPrefix": "s3", "protocol": "rest-xml", "protocols": ["rest-xml"],
                      "xmlNamespace": "http://s3.amazonaws.com/doc/2006-03-01/", "noErrorWrapping": true},
         "operations": {
           "ListObjects": {"name": "ListObjects", "http": {"method": "GET", "requestUri": "/{Bucket}"},
                           "input": {"shape": "ListObjectsRequest"}, "errors": [{"shape": "NoSuchBucket"}]},
           "ListObjectsV2": {"name": "ListObjectsV2", "http": {"method": "GET", "requestUri": "/{Bucket}?list-type=2"},
                             "input": {"shape": "ListObjectsV2Request"}, "output": {"shape": "ListObjectsV2Output"}},
           "GetBucketVersioning": {"name": "GetBucketVersioning", "http": {"method": "GET", "requestUri": "/{Bucket}?versioning"},
                                   "input": {"shape": "BucketRequest"}},
           "CreateBucket": {"name": "CreateBucket", "http": {"method": "PUT", "requestUri": "/{Bucket}"},
                            "input": {"shape": "CreateBucketRequest"}},
           "PutObject": {"name": "PutObject", "http": {"method": "PUT", "requestUri": "/{Bucket}/{Key+}"},
                         "input": {"shape": "PutObjectRequest"}, "output": {"shape": "PutObjectOutput"}}
         },
         "shapes": {
           "BucketRequest": {"type": "structure", "required": ["Bucket"],
                             "members": {"Bucket": {"shape": "BucketName", "location": "uri", "locationName": "Bucket"}}},
           "ListObjectsRequest": {"type": "structure", "required": ["Bucket"],
                                  "members": {"Bucket": {"shape": "BucketName", "location": "uri", "locationName": "Bucket"}}},
           "ListObjectsV2Request": {"type": "structure", "required": ["Bucket"], "members": {
             "Bucket": {"shape": "BucketName", "location": "uri", "locationName": "Bucket"},
             "Prefix": {"shape": "Prefix", "location": "querystring", "locationName": "prefix"},
             "MaxKeys": {"shape": "MaxKeys", "location": "querystring", "locationName": "max-keys"}}},
           "ListObjectsV2Output": {"type": "structure", "members": {
             "IsTruncated": {"shape": "IsTruncated"}, "Contents": {"shape": "ObjectList"}, "Name": {"shape": "BucketName"},
             "KeyCount": {"shape": "KeyCount"}}, "locationName": "ListBucketResult"},
           "ObjectList": {"type": "list", "member": {"shape": "Object"}, "flattened": true},
           "Object": {"type": "structure", "members": {"Key": {"shape": "ObjectKey"}, "LastModified": {"shape": "LastModified"},
                                                      "Size": {"shape": "Size"}}},
           "CreateBucketRequest": {"type": "structure", "required": ["Bucket"], "members": {
             "Bucket": {"shape": "BucketName", "location": "uri", "locationName": "Bucket"},
             "CreateBucketConfiguration": {"shape": "CreateBucketConfiguration", "locationName": "CreateBucketConfiguration",
                                           "xmlNamespace": {"uri": "http://s3.amazonaws.com/doc/2006-03-01/"}}},
             "payload": "CreateBucketConfiguration"},
           "CreateBucketConfiguration": {"type": "structure", "members": {"LocationConstraint": {"shape": "BucketLocationConstraint"}}},
           "PutObjectRequest": {"type": "structure", "required": ["Bucket", "Key"], "members": {
             "Body": {"shape": "Body", "streaming": true},
             "Bucket": {"shape": "BucketName", "location": "uri", "locationName": "Bucket"},
             "Key": {"shape": "ObjectKey", "location": "uri", "locationName": "Key"},
             "ContentType": {"shape": "ContentType", "location": "header", "locationName": "Content-Type"},
             "Expires": {"shape": "Expires", "location": "header", "locationName": "Expires"},
             "Metadata": {"shape": "Metadata", "location": "headers", "locationName": "x-amz-meta-"}},
             "payload": "Body"},
           "PutObjectOutput": {"type": "structure", "members": {"ETag": {"shape": "ETag", "location": "header", "locationName": "ETag"}}},
           "NoSuchBucket": {"type": "structure", "members": {}, "error": {"httpStatusCode": 404}, "exception": true},
           "BucketName": {"type": "string"}, "Prefix": {"type": "string"}, "MaxKeys": {"type": "integer"},
           "IsTruncated": {"type": "boolean"}, "KeyCount": {"type": "integer"}, "ObjectKey": {"type": "string"},
           "LastModified": {"type": "timestamp"}, "Size": {"type": "long"}, "BucketLocationConstraint": {"type": "string"},
           "Body": {"type": "blob"}, "ContentType": {"type": "string"}, "Expires": {"type": "timestamp"}, "ETag": {"type": "string"},
           "Metadata": {"type": "map", "key": {"shape": "MetadataKey"}, "value": {"shape": "MetadataValue"}},
           "MetadataKey": {"type": "string"}, "MetadataValue": {"type": "string"}
         }}
        """#
        do { return try ServiceModel(name: "s3", model: Data(text.utf8)) } catch { fatalError("\(error)") }
    }()

    static let codec = WireCodec(catalog: ServiceCatalog(models: [model]))

    @Test func queryLiteralsAndPathsChooseTheOperation() throws {
        let cases: [(String, String, [(String, String)], String)] = [
            ("GET", "/photos", [("list-type", "2"), ("prefix", "2026/")], "ListObjectsV2"),
            ("GET", "/photos", [("versioning", "")], "GetBucketVersioning"),
            ("GET", "/photos", [], "ListObjects"),
            ("PUT", "/photos", [], "CreateBucket"),
            ("PUT", "/photos/2026/a%20b.jpg", [], "PutObject"),
        ]
        for (method, path, query, operation) in cases {
            let decoded = try Self.codec.decode(WireRequest(method: method, path: path, query: query))
            #expect(decoded.wireProtocol == .restXML)
            #expect(decoded.operation == operation, "\(method) \(path)")
        }
        let list = try Self.codec.decode(WireRequest(method: "GET", path: "/photos", query: [("list-type", "2"), ("prefix", "2026/"), ("max-keys", "10")]))
        #expect(list.input == ["Bucket": "photos", "Prefix": "2026/", "MaxKeys": 10])
    }

    @Test func putObjectTakesItsKeyHeadersMetadataAndRawBody() throws {
        let decoded = try Self.codec.decode(WireRequest(method: "PUT", path: "/photos/2026/a%20b.jpg", headers: [
            "content-type": "image/jpeg", "expires": "Thu, 01 Jan 2026 00:00:00 GMT", "x-amz-meta-camera": "x100",
        ], body: Data([0xFF, 0xD8, 0x00])))
        #expect(decoded.input == ["Bucket": "photos", "Key": "2026/a b.jpg", "ContentType": "image/jpeg", "Expires": 1_767_225_600,
                                  "Metadata": ["camera": "x100"], "Body": .string(Data([0xFF, 0xD8, 0x00]).base64EncodedString())])
        let response = Self.codec.encode(output: ["ETag": "\"abc\""], for: decoded, requestId: "r")
        #expect(response.status == 200)
        #expect(response.header("ETag") == "\"abc\"")
        #expect(response.body.isEmpty)
    }

    @Test func createBucketReadsItsXMLPayload() throws {
        let body = #"<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>"#
        let decoded = try Self.codec.decode(WireRequest(method: "PUT", path: "/photos", body: Data(body.utf8)))
        #expect(decoded.input == ["Bucket": "photos", "CreateBucketConfiguration": ["LocationConstraint": "eu-west-1"]])
        #expect(try Self.codec.decode(WireRequest(method: "PUT", path: "/photos")).input == ["Bucket": "photos"])
        let malformed = WireRequest(method: "PUT", path: "/photos", body: Data("<CreateBucketConfiguration>".utf8))
        #expect(throws: WireError.self) { try Self.codec.decode(malformed) }
    }

    @Test func listResultsAreNamedNamespacedAndFlattened() throws {
        let request = try Self.codec.decode(WireRequest(method: "GET", path: "/photos", query: [("list-type", "2")]))
        let response = Self.codec.encode(output: [
            "Name": "photos", "KeyCount": 2, "IsTruncated": false,
            "Contents": [["Key": "a.jpg", "LastModified": 1_767_225_600, "Size": 3], ["Key": "b.jpg", "Size": 0]],
        ], for: request, requestId: "r")
        #expect(response.header("Content-Type") == "application/xml")
        #expect(response.text == #"<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><IsTruncated>false</IsTruncated>"#
            + "<Contents><Key>a.jpg</Key><LastModified>2026-01-01T00:00:00Z</LastModified><Size>3</Size></Contents>"
            + "<Contents><Key>b.jpg</Key><Size>0</Size></Contents><Name>photos</Name><KeyCount>2</KeyCount></ListBucketResult>")
    }

    @Test func errorsAreUnwrappedWhereTheModelSaysSo() throws {
        let request = try Self.codec.decode(WireRequest(method: "GET", path: "/nope"))
        let response = Self.codec.encode(error: WireError.modeled("NoSuchBucket", message: "The specified bucket does not exist", in: Self.model),
                                         for: request, requestId: "r-1")
        #expect(response.status == 404)
        #expect(response.text == "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><RequestId>r-1</RequestId></Error>")
    }
}
