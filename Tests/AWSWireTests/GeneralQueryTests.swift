import AWSWire
import Foundation
import JSON
import Testing

/// A small made-up query service exercising what SQS's all-flattened shapes do not:
/// `member`/`entry` wrappers, nested structures, timestamps, booleans, doubles, blobs.
/// The form below is what botocore's QuerySerializer writes for it; the XML was read
/// back with botocore's QueryParser.
@Suite("Query protocol, general shapes")
struct GeneralQueryTests {
    static let modelText = #"""
        {"version":"2.0","metadata":{"apiVersion":"2020-01-01","endpointPrefix":"lab","protocol":"query","protocols":["query"],"serviceId":"Lab","signatureVersion":"v4","xmlNamespace":"https://lab.example/doc/2020-01-01/"},
        "operations":{
         "Describe":{"name":"Describe","http":{"method":"POST","requestUri":"/"},"input":{"shape":"DescribeInput"},"output":{"shape":"DescribeOutput","resultWrapper":"DescribeResult"},"errors":[{"shape":"NotFound"}]}},
        "shapes":{
         "DescribeInput":{"type":"structure","required":["Name"],"members":{"Name":{"shape":"String"},"Names":{"shape":"StringList"},"Tags":{"shape":"TagList"},"Attributes":{"shape":"AttributeMap"},"Since":{"shape":"Stamp"},"Enabled":{"shape":"Flag"},"Count":{"shape":"Int"},"Ratio":{"shape":"Real"},"Payload":{"shape":"Bytes"},"Filter":{"shape":"Filter"}}},
         "DescribeOutput":{"type":"structure","members":{"Items":{"shape":"ItemList"},"Attributes":{"shape":"AttributeMap"},"Created":{"shape":"Stamp"},"Count":{"shape":"Int"},"Ratio":{"shape":"Real"},"Enabled":{"shape":"Flag"},"Tags":{"shape":"TagList"}}},
         "Filter":{"type":"structure","members":{"Key":{"shape":"String"},"Values":{"shape":"StringList","locationName":"Value"}}},
         "Item":{"type":"structure","members":{"Id":{"shape":"String"},"Created":{"shape":"Stamp"}}},
         "ItemList":{"type":"list","member":{"shape":"Item","locationName":"Item"}},
         "StringList":{"type":"list","member":{"shape":"String"}},
         "Tag":{"type":"structure","required":["Key"],"members":{"Key":{"shape":"String"},"Value":{"shape":"String"}}},
         "TagList":{"type":"list","member":{"shape":"Tag"}},
         "AttributeMap":{"type":"map","key":{"shape":"String"},"value":{"shape":"String"}},
         "NotFound":{"type":"structure","members":{"message":{"shape":"String"}},"error":{"code":"Lab.NotFound","httpStatusCode":404,"senderFault":true},"exception":true},
         "String":{"type":"string"},"Stamp":{"type":"timestamp"},"Flag":{"type":"boolean"},"Int":{"type":"integer"},"Real":{"type":"double"},"Bytes":{"type":"blob"}}}
        """#

    static let queryModel = try! ServiceModel(name: "lab", model: Data(modelText.utf8))
    static let jsonModel = try! ServiceModel(name: "labjson", model: Data(modelText
        .replacingOccurrences(of: #""protocol":"query","protocols":["query"]"#,
                              with: #""protocol":"json","protocols":["json"],"jsonVersion":"1.1","targetPrefix":"Lab_20200101","signingName":"labjson""#)
        .utf8))
    static let labCodec = WireCodec(catalog: ServiceCatalog(models: [queryModel, jsonModel]))

    static let form = "Action=Describe&Version=2020-01-01&Name=n&Names.member.1=a&Names.member.2=b&Tags.member.1.Key=k"
        + "&Tags.member.1.Value=v&Attributes.entry.1.key=x&Attributes.entry.1.value=1&Attributes.entry.2.key=y"
        + "&Attributes.entry.2.value=2&Since=2026-01-02T03%3A04%3A05.250000Z&Enabled=true&Count=7&Ratio=0.5"
        + "&Payload=aGk%3D&Filter.Key=f&Filter.Value.member.1=p&Filter.Value.member.2=q"

    static let input = json("""
        {"Name": "n", "Names": ["a", "b"], "Tags": [{"Key": "k", "Value": "v"}], "Attributes": {"x": "1", "y": "2"},
         "Since": 1767323045.25, "Enabled": true, "Count": 7, "Ratio": 0.5, "Payload": "aGk=",
         "Filter": {"Key": "f", "Values": ["p", "q"]}}
        """)

    static let output = json("""
        {"Items": [{"Id": "i-1", "Created": 1767323045.25}, {"Id": "i-2", "Created": "2026-01-02T03:04:05Z"}],
         "Attributes": {"x": "1"}, "Created": 1767323045, "Count": 7, "Ratio": 0.5, "Enabled": false,
         "Tags": [{"Key": "k", "Value": "v"}]}
        """)

    func decodeLab(_ request: WireRequest) throws -> DecodedRequest { try Self.labCodec.decode(request) }

    @Test func decodesWrappedListsMapsAndScalars() throws {
        let signedLab = "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/lab/aws4_request, SignedHeaders=host, Signature=x"
        let request = try decodeLab(queryRequest(Self.form, authorization: signedLab))
        #expect(request.service == "lab")
        #expect(request.input == Self.input)
    }

    @Test func encodesWrappedListsMapsAndTimestamps() throws {
        let model = Self.queryModel
        let request = DecodedRequest(model: model, operation: model.operations["Describe"]!, input: [:], wireProtocol: .query)
        let xml = Self.labCodec.encode(output: Self.output, for: request, requestId: "r").text
        #expect(xml == """
            <DescribeResponse xmlns="https://lab.example/doc/2020-01-01/"><DescribeResult>\
            <Items><Item><Id>i-1</Id><Created>2026-01-02T03:04:05.250Z</Created></Item>\
            <Item><Id>i-2</Id><Created>2026-01-02T03:04:05Z</Created></Item></Items>\
            <Attributes><entry><key>x</key><value>1</value></entry></Attributes>\
            <Created>2026-01-02T03:04:05Z</Created><Count>7</Count><Ratio>0.5</Ratio><Enabled>false</Enabled>\
            <Tags><member><Key>k</Key><Value>v</Value></member></Tags>\
            </DescribeResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeResponse>
            """)
    }

    @Test func jsonOutputTimestampsAreEpochSeconds() throws {
        let model = Self.jsonModel
        let request = DecodedRequest(model: model, operation: model.operations["Describe"]!, input: [:], wireProtocol: .json)
        let response = Self.labCodec.encode(output: Self.output, for: request, requestId: "r")
        #expect(response.header("Content-Type") == "application/x-amz-json-1.1")
        let body = try JSONValue(jsonData: response.body)
        #expect(body == json("""
            {"Items": [{"Id": "i-1", "Created": 1767323045.25}, {"Id": "i-2", "Created": 1767323045}],
             "Attributes": {"x": "1"}, "Created": 1767323045, "Count": 7, "Ratio": 0.5, "Enabled": false,
             "Tags": [{"Key": "k", "Value": "v"}]}
            """))
    }

    @Test func jsonInputTimestampsMayBeISOText() throws {
        let request = jsonRequest("", #"{"Name":"n","Since":"2026-01-02T03:04:05.250Z"}"#, target: "Lab_20200101.Describe")
        #expect(try decodeLab(request).input == ["Name": "n", "Since": 1767323045.25])
    }

    @Test func validationStyleDependsOnTheService() {
        // Coral-style services (not SQS) answer a missing member with a validation error.
        let json = try? decodeLab(jsonRequest("", #"{"Tags":[{"Value":"v"}]}"#, target: "Lab_20200101.Describe"))
        #expect(json == nil)
        let jsonError = Self.error { try decodeLab(jsonRequest("", "{}", target: "Lab_20200101.Describe")) }
        #expect(jsonError?.code == "ValidationException")
        #expect(jsonError?.message == "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null")
        let nested = Self.error { try decodeLab(jsonRequest("", #"{"Name":"n","Tags":[{"Value":"v"}]}"#, target: "Lab_20200101.Describe")) }
        #expect(nested?.message == "1 validation error detected: Value null at 'tags.1.key' failed to satisfy constraint: Member must not be null")
        let queryError = Self.error { try decodeLab(queryRequest("Action=Describe&Version=2020-01-01", authorization: nil)) }
        #expect(queryError?.code == "ValidationError")
    }

    @Test func errorsOfAServiceThatIsNotQueryCompatible() {
        let error = WireError.modeled("NotFound", message: "No such thing.", in: Self.queryModel)
        #expect(error.httpStatus == 404)
        let response = Self.labCodec.encode(error: WireError(code: "NotFound", message: "No such thing.", httpStatus: 404), for: nil,
                                            wireProtocol: .query, requestId: "r")
        #expect(response.status == 404)
        // Without a request the model is unknown, so the code stays the shape name.
        #expect(response.text.contains("<Code>NotFound</Code>"))
        // The JSON-protocol model is not awsQueryCompatible: no x-amzn-query-error, bare __type.
        let model = Self.jsonModel
        let request = DecodedRequest(model: model, operation: model.operations["Describe"]!, input: [:], wireProtocol: .json)
        let json = Self.labCodec.encode(error: WireError(code: "NotFound", message: "m", httpStatus: 404), for: request, requestId: "r")
        #expect(json.header("x-amzn-query-error") == nil)
        #expect(json.text == #"{"__type":"NotFound","message":"m"}"#)
    }

    @Test(arguments: ["Enabled=yes", "Ratio=half", "Since=yesterday", "Count=9999999999999999999999"])
    func badScalarsAreInvalidParameterValue(parameter: String) {
        let error = Self.error { try decodeLab(queryRequest("Action=Describe&Name=n&" + parameter, authorization: nil)) }
        #expect(error?.code == "InvalidParameterValue")
    }

    static func error(_ body: () throws -> DecodedRequest) -> WireError? {
        do {
            _ = try body()
            return nil
        } catch let error as WireError {
            return error
        } catch {
            return nil
        }
    }
}
