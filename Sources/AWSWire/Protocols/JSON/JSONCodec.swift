import Foundation
import JSON

/// The awsJson 1.0/1.1 protocol: `X-Amz-Target: <prefix>.<Operation>` and a JSON object
/// body in the model's own member names, which is already the form services work in.
struct JSONCodec: WireProtocolCodec {
    var wireProtocol: WireProtocol { .json }

    // X-Amz-Target: AmazonSQS.SendMessage — the prefix names the service, the rest the operation.
    func route(_ request: WireRequest, in catalog: ServiceCatalog) throws(WireError) -> RoutedRequest? {
        guard let target = request.headers["x-amz-target"] else {
            if request.headers["content-type"]?.hasPrefix("application/x-amz-json") == true {
                throw WireError.unknownOperation("The request has no X-Amz-Target header naming its operation.")
            }
            return nil
        }
        guard let dot = target.lastIndex(of: "."),
              let model = catalog.model(targetPrefix: String(target[..<dot])), model.metadata.acceptsJSON
        else {
            throw WireError.unknownOperation("No service handles the operation \(target).")
        }
        let name = String(target[target.index(after: dot)...])
        guard let operation = model.operations[name] else {
            throw WireError.unknownOperation("The operation \(name) is not supported by \(model.name).").from(.json, service: model.name)
        }
        return RoutedRequest(model: model, operation: operation,
                             scope: SigV4Scope.from(headers: request.headers, parameters: request.query))
    }

    func decodeInput(_ request: WireRequest, routed: RoutedRequest, shape: ShapeID) throws(WireError) -> JSONValue {
        JSONBody(model: routed.model).decode(try Self.parseBody(request.body), shape)
    }

    func encode(output: JSONValue, for request: DecodedRequest, requestId: String) -> WireResponse {
        Self.response(output, for: request, requestId: requestId)
    }

    /// `{"__type": "com.amazonaws.sqs#QueueDoesNotExist", "message": "…"}`. For services
    /// that kept their query-era codes, `x-amzn-query-error: <code>;Sender|Receiver` too:
    /// botocore then reports that code (what the aws CLI prints) and keeps the shape name
    /// as `QueryErrorCode` to pick the modeled exception class.
    func encode(error: WireError, model: ServiceModel?, requestId: String) -> WireResponse {
        let type = model?.metadata.errorNamespace.map { "\($0)#\(error.code)" } ?? error.code
        var fields = Self.errorFields(error, model: model)
        fields["__type"] = .string(type)
        let body = JSONValue.object(fields)
        var headers = [("Content-Type", Self.contentType(model)), ("x-amzn-RequestId", requestId)]
        if model?.metadata.awsQueryCompatible == true {
            headers.append(("x-amzn-query-error", "\(error.queryCode ?? error.code);\(ErrorEncoding.fault(error))"))
        }
        return WireResponse(status: error.httpStatus, headers: headers, body: body.jsonData())
    }

    /// The error's fields and message, timestamps in JSON's form.
    static func errorFields(_ error: WireError, model: ServiceModel?) -> [String: JSONValue] {
        let fields = ErrorEncoding.fields(error, model: model)
        guard let model, let shape = model.shape(named: error.code), shape.containsTimestamp,
              let id = model.shapeIDs[error.code],
              case .object(let converted) = JSONBody(model: model).encode(.object(fields), id)
        else { return fields }
        return converted
    }

    static func contentType(_ model: ServiceModel?) -> String {
        "application/x-amz-json-" + (model?.metadata.jsonVersion ?? "1.0")
    }

    /// The body as a JSON object; an empty body is `{}` (botocore sends `{}`, curl users send nothing).
    static func parseBody(_ body: Data) throws(WireError) -> JSONValue {
        if body.isEmpty || body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .object([:])
        }
        let value: JSONValue
        do {
            value = try JSONValue(jsonData: body)
        } catch {
            let reason = (error as? JSONValueError)?.description ?? "\(error)"
            throw .serialization("The request body is not valid JSON (\(reason)).")
        }
        guard case .object = value else {
            throw .serialization("The request body must be a JSON object, not \(value.typeName == "array" ? "an array" : "a \(value.typeName)").")
        }
        return value
    }

    static func response(_ output: JSONValue, for request: DecodedRequest, requestId: String) -> WireResponse {
        var body = output
        if case .object = output, let outputID = request.operationModel.output, request.model[outputID].containsTimestamp {
            body = JSONBody(model: request.model).encode(output, outputID)
        } else if case .null = output {
            body = .object([:])
        }
        return WireResponse(
            status: 200,
            headers: [("Content-Type", contentType(request.model)), ("x-amzn-RequestId", requestId)],
            body: body.jsonData())
    }
}

