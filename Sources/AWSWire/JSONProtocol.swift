import Foundation
import JSON

/// The awsJson 1.0/1.1 protocol: `X-Amz-Target: <prefix>.<Operation>` and a JSON object
/// body in the model's own member names, which is already the form services work in.
enum JSONProtocol {
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
            body = OutputTimestamps(model: request.model).convert(output, outputID)
        } else if case .null = output {
            body = .object([:])
        }
        return WireResponse(
            status: 200,
            headers: [("Content-Type", contentType(request.model)), ("x-amzn-RequestId", requestId)],
            body: body.jsonData())
    }
}

/// JSON carries timestamps as epoch seconds unless the member says `iso8601`; services
/// may hand either form over, so outputs containing timestamps are brought into line.
private struct OutputTimestamps {
    let model: ServiceModel

    func convert(_ value: JSONValue, _ id: ShapeID, format: String? = nil) -> JSONValue {
        let shape = model[id]
        guard shape.containsTimestamp else { return value }
        switch (shape.type, value) {
        case (.structure, .object(var fields)):
            for member in shape.members where model[member.shape].containsTimestamp {
                if let field = fields[member.name] { fields[member.name] = convert(field, member.shape, format: member.timestampFormat) }
            }
            return .object(fields)
        case (.list, .array(let items)):
            guard let element = shape.member else { return value }
            return .array(items.map { convert($0, element.shape, format: element.timestampFormat) })
        case (.map, .object(let entries)):
            guard let valueRef = shape.value else { return value }
            return .object(entries.mapValues { convert($0, valueRef.shape, format: valueRef.timestampFormat) })
        case (.timestamp, .string(let text)) where format != "iso8601":
            return Timestamp.parseISO8601(text).map(JSONValue.number) ?? value
        case (.timestamp, .number(let seconds)) where format == "iso8601":
            return .string(Timestamp.iso8601(seconds))
        default:
            return value
        }
    }
}
