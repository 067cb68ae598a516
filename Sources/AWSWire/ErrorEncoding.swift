import Foundation
import JSON

/// AWS error bodies per protocol.
enum ErrorEncoding {
    /// The error with its query code filled in from the model's error shape, which is
    /// where the query-era codes live (`QueueDoesNotExist` → `AWS.SimpleQueueService.NonExistentQueue`).
    static func resolved(_ error: WireError, model: ServiceModel?) -> WireError {
        var error = error
        if error.queryCode == nil, let code = model?.errorShape(named: error.code)?.error?.code, code != error.code {
            error.queryCode = code
        }
        return error
    }

    /// `{"__type": "com.amazonaws.sqs#QueueDoesNotExist", "message": "…"}`. For services
    /// that kept their query-era codes, `x-amzn-query-error: <code>;Sender|Receiver` too:
    /// botocore then reports that code (what the aws CLI prints) and keeps the shape name
    /// as `QueryErrorCode` to pick the modeled exception class.
    static func json(_ error: WireError, model: ServiceModel?, requestId: String) -> WireResponse {
        let type = model?.metadata.errorNamespace.map { "\($0)#\(error.code)" } ?? error.code
        let body: JSONValue = ["__type": .string(type), "message": .string(error.message)]
        var headers = [("Content-Type", JSONProtocol.contentType(model)), ("x-amzn-RequestId", requestId)]
        if model?.metadata.awsQueryCompatible == true {
            headers.append(("x-amzn-query-error", "\(error.queryCode ?? error.code);\(fault(error))"))
        }
        return WireResponse(status: error.httpStatus, headers: headers, body: body.jsonData())
    }

    /// restJson1: the code in `x-amzn-ErrorType`, `{"Type": "User", "message": "…"}` in the body
    /// (botocore reads the header first; Lambda's own bodies say `Type` and `Message`).
    static func restJSON(_ error: WireError, model: ServiceModel?, requestId: String) -> WireResponse {
        let body: JSONValue = ["Type": .string(error.senderFault ? "User" : "Service"), "Message": .string(error.message),
                               "message": .string(error.message)]
        return WireResponse(status: error.httpStatus,
                            headers: [("Content-Type", "application/json"), ("x-amzn-RequestId", requestId),
                                      ("x-amzn-ErrorType", error.code)],
                            body: body.jsonData())
    }

    /// `<ErrorResponse><Error><Type>Sender</Type><Code>…</Code><Message>…</Message><Detail/></Error><RequestId>…</RequestId></ErrorResponse>`
    static func query(_ error: WireError, model: ServiceModel?, requestId: String) -> WireResponse {
        var xml = XMLWriter(capacity: 256)
        xml.open("ErrorResponse", namespace: model?.metadata.xmlNamespace)
        xml.open("Error")
        xml.element("Type", fault(error))
        xml.element("Code", error.queryCode ?? error.code)
        xml.element("Message", error.message)
        xml.empty("Detail")
        xml.close("Error")
        xml.element("RequestId", requestId)
        xml.close("ErrorResponse")
        return WireResponse(status: error.httpStatus, headers: [("Content-Type", "text/xml"), ("x-amzn-RequestId", requestId)],
                            body: Data(xml.text.utf8))
    }

    private static func fault(_ error: WireError) -> String { error.senderFault ? "Sender" : "Receiver" }
}
