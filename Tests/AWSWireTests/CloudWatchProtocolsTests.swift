@testable import AWSWire
import Foundation
import JSON
import Testing

/// A model with CloudWatch's metadata (RPC v2 CBOR first, then awsJson 1.0 and awsQuery;
/// query-compatible) answers all three protocols: the aws CLI and boto3 here send JSON with
/// `x-amzn-query-mode`, older clients query, the Java and Go SDKs CBOR.
@Suite("CloudWatch's three protocols")
struct CloudWatchProtocolsTests {
    static let model: ServiceModel = {
        let text = #"""
        {"metadata": {"apiVersion": "2010-08-01", "awsQueryCompatible": {}, "endpointPrefix": "monitoring",
                      "jsonVersion": "1.0", "protocol": "smithy-rpc-v2-cbor", "protocols": ["smithy-rpc-v2-cbor", "json", "query"],
                      "targetPrefix": "GraniteServiceVersion20100801", "xmlNamespace": "http://monitoring.amazonaws.com/doc/2010-08-01/"},
         "operations": {
           "ListMetrics": {"name": "ListMetrics", "http": {"method": "POST", "requestUri": "/"},
                           "input": {"shape": "ListMetricsInput"},
                           "output": {"shape": "ListMetricsOutput", "resultWrapper": "ListMetricsResult"},
                           "errors": [{"shape": "InvalidParameterValueException"}]},
           "PutMetricData": {"name": "PutMetricData", "http": {"method": "POST", "requestUri": "/"},
                             "input": {"shape": "PutMetricDataInput"}}
         },
         "shapes": {
           "ListMetricsInput": {"type": "structure", "members": {"Namespace": {"shape": "Namespace"}, "NextToken": {"shape": "NextToken"}}},
           "ListMetricsOutput": {"type": "structure", "members": {"Metrics": {"shape": "Metrics"}, "NextToken": {"shape": "NextToken"}}},
           "Metrics": {"type": "list", "member": {"shape": "Metric"}},
           "Metric": {"type": "structure", "members": {"Namespace": {"shape": "Namespace"}, "MetricName": {"shape": "MetricName"}}},
           "PutMetricDataInput": {"type": "structure", "required": ["Namespace"],
                                  "members": {"Namespace": {"shape": "Namespace"}, "MetricData": {"shape": "MetricData"}}},
           "MetricData": {"type": "list", "member": {"shape": "MetricDatum"}},
           "MetricDatum": {"type": "structure", "required": ["MetricName"],
                           "members": {"MetricName": {"shape": "MetricName"}, "Timestamp": {"shape": "Timestamp"},
                                       "Value": {"shape": "DatapointValue"}, "Unit": {"shape": "StandardUnit"}}},
           "InvalidParameterValueException": {"type": "structure", "members": {"message": {"shape": "ErrorMessage"}},
                                              "error": {"code": "InvalidParameterValue", "httpStatusCode": 400, "senderFault": true},
                                              "exception": true},
           "Namespace": {"type": "string"}, "NextToken": {"type": "string"}, "MetricName": {"type": "string"},
           "Timestamp": {"type": "timestamp"}, "DatapointValue": {"type": "double"}, "StandardUnit": {"type": "string"},
           "ErrorMessage": {"type": "string"}
         }}
        """#
        do { return try ServiceModel(name: "cloudwatch", model: Data(text.utf8)) } catch { fatalError("\(error)") }
    }()

    static let codec = WireCodec(catalog: ServiceCatalog(models: [model]))

    static func cborRequest(_ operation: String, _ body: CBORValue?) -> WireRequest {
        WireRequest(method: "POST", path: "/service/GraniteServiceVersion20100801/operation/\(operation)", headers: [
            "smithy-protocol": "rpc-v2-cbor", "content-type": "application/cbor", "accept": "application/cbor",
        ], body: body.map(CBOREncoder.encode) ?? Data())
    }

    @Test func theSameCallArrivesInEachProtocol() throws {
        let cbor = try Self.codec.decode(Self.cborRequest("ListMetrics", .map([CBORMapEntry(.text("Namespace"), .text("AWS/EC2"))])))
        let json = try Self.codec.decode(WireRequest(method: "POST", headers: [
            "x-amz-target": "GraniteServiceVersion20100801.ListMetrics", "content-type": "application/x-amz-json-1.0",
            "x-amzn-query-mode": "true",
        ], body: Data(#"{"Namespace":"AWS/EC2"}"#.utf8)))
        let query = try Self.codec.decode(WireRequest(method: "POST", headers: ["content-type": "application/x-www-form-urlencoded"],
                                                      body: Data("Action=ListMetrics&Version=2010-08-01&Namespace=AWS%2FEC2".utf8)))
        #expect(cbor.wireProtocol == .rpcV2CBOR)
        #expect(json.wireProtocol == .json)
        #expect(query.wireProtocol == .query)
        for decoded in [cbor, json, query] {
            #expect(decoded.operation == "ListMetrics")
            #expect(decoded.input == ["Namespace": "AWS/EC2"])
        }
    }

    @Test func cborInputsCarryTimestampsAndDoublesAsThemselves() throws {
        let datum = CBORValue.map([
            CBORMapEntry(.text("MetricName"), .text("Latency")),
            CBORMapEntry(.text("Timestamp"), .tagged(1, .double(1_767_225_600.5))),
            CBORMapEntry(.text("Value"), .float(.infinity)),
        ])
        let decoded = try Self.codec.decode(Self.cborRequest("PutMetricData", .map([
            CBORMapEntry(.text("Namespace"), .text("App")), CBORMapEntry(.text("MetricData"), .array([datum])),
            CBORMapEntry(.text("Unknown"), .null),
        ])))
        #expect(decoded.input == ["Namespace": "App", "MetricData": [["MetricName": "Latency", "Timestamp": 1_767_225_600.5, "Value": "Infinity"]]])
    }

    @Test func cborOutputsAndErrorsSayTheirProtocol() throws {
        let request = try Self.codec.decode(Self.cborRequest("ListMetrics", nil))
        let response = Self.codec.encode(output: ["Metrics": [["Namespace": "AWS/EC2", "MetricName": "CPUUtilization"]]],
                                         for: request, requestId: "r-1")
        #expect(response.status == 200)
        #expect(response.header("smithy-protocol") == "rpc-v2-cbor")
        #expect(response.header("Content-Type") == "application/cbor")
        let body = try CBORDecoder.decode(response.body)
        #expect(body["Metrics"] == .array([.map([CBORMapEntry(.text("Namespace"), .text("AWS/EC2")),
                                                 CBORMapEntry(.text("MetricName"), .text("CPUUtilization"))])]))

        let error = WireError.modeled("InvalidParameterValueException", message: "bad", in: Self.model)
        let failure = Self.codec.encode(error: error, for: request, requestId: "r-2")
        #expect(failure.status == 400)
        #expect(failure.header("x-amzn-query-error") == "InvalidParameterValue;Sender")
        let errorBody = try CBORDecoder.decode(failure.body)
        #expect(errorBody["__type"] == .text("InvalidParameterValueException"))
        #expect(errorBody["message"] == .text("bad"))
    }

    @Test func cborRequestsThatNameNothingKnownAreAnsweredInCBOR() {
        for request in [Self.cborRequest("DeleteEverything", nil),
                        WireRequest(method: "POST", path: "/service/Nope/operation/ListMetrics", headers: ["smithy-protocol": "rpc-v2-cbor"])] {
            do {
                _ = try Self.codec.decode(request)
                Issue.record("decoded \(request.path)")
            } catch {
                #expect(error.code == "UnknownOperationException")
                let response = Self.codec.encode(error: error, for: nil, requestId: "r")
                #expect(response.header("smithy-protocol") == "rpc-v2-cbor")
            }
        }
        var garbage = Self.cborRequest("ListMetrics", nil)
        garbage.body = Data([0xBF, 0x61])
        #expect(throws: WireError.self) { try Self.codec.decode(garbage) }
    }
}
