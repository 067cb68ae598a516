import Foundation

/// The parts of a model's `metadata` the protocols need.
public struct ServiceMetadata: Sendable {
    /// `json`, `query`, `ec2`, `rest-json`, `rest-xml` or `smithy-rpc-v2-cbor`.
    public let protocolName: String
    public let protocols: [String]
    public let apiVersion: String
    public let endpointPrefix: String
    /// The SigV4 credential-scope service: `signingName`, else the endpoint prefix.
    public let signingName: String
    /// JSON protocol: `X-Amz-Target` is `<targetPrefix>.<Operation>`.
    public let targetPrefix: String?
    /// JSON protocol: `1.0` or `1.1`, naming the Content-Type `application/x-amz-json-<version>`.
    public let jsonVersion: String?
    public let xmlNamespace: String?
    /// A JSON service that still answers query-protocol clients and names its errors by
    /// their query-era codes in `x-amzn-query-error` (SQS).
    public let awsQueryCompatible: Bool
    /// Overlay-only: the Smithy namespace prefixed to a JSON error's `__type` (`com.amazonaws.sqs`).
    public let errorNamespace: String?
    /// Overlay-only: the member a query request addressed to a path other than `/`
    /// carries as its URL (SQS's `QueueUrl`).
    public let requestUrlMember: String?
    /// Overlay-only: the error code a service reports its input-constraint violations under,
    /// where it is not the usual `ValidationException` (CloudWatch Logs: `InvalidParameterException`).
    public let validationErrorCode: String?
    /// restXml errors as `<Error>…</Error>` without the `<ErrorResponse>` wrapper (S3);
    /// the model does not say so, its overlay does.
    public let noErrorWrapping: Bool

    /// Whether requests may arrive in the query protocol (form or query string with `Action=`).
    public var acceptsQuery: Bool { protocols.contains("query") || protocolName == "query" || awsQueryCompatible }
    /// Whether requests may arrive in the JSON protocol (`X-Amz-Target`).
    public var acceptsJSON: Bool { targetPrefix != nil && (protocols.contains("json") || protocolName == "json") }
}

/// One operation: its shapes and HTTP binding.
public struct OperationModel: Sendable {
    public let name: String
    public let input: ShapeID?
    public let output: ShapeID?
    /// Query protocol: the element wrapping the output (`<SendMessageResult>`).
    public let resultWrapper: String
    public let errors: [ShapeID]
    public let httpMethod: String
    public let requestURI: String
    /// REST protocols: the status of a successful response (Lambda's CreateFunction answers 201).
    public let responseCode: Int
    /// The `endpoint` trait's host prefix (`foo.`, `{Label}.data.`): clients put it before the
    /// endpoint's host; a server behind one address has nothing to route by in it.
    public let hostPrefix: String?
}

/// Why a model could not be loaded; a packaging bug, so the message names the file.
public struct ModelLoadError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// A botocore service model, parsed once at startup into an index-linked shape table.
///
/// Built from the trimmed model `Models/<name>.json` and, when present, the hand-written
/// overlays merged over it: `Models/<name>.query.json` (it restores the query-era names and
/// error codes a JSON-protocol model lost) and `Models/<name>.overlay.json` (wire behaviour
/// the model does not describe, e.g. `validationErrorCode`). Immutable, so shared freely.
public final class ServiceModel: Sendable {
    /// The model's file name, which is botocore's service name (`sqs`, `elbv2`).
    public let name: String
    public let metadata: ServiceMetadata
    public let operations: [String: OperationModel]
    let shapes: [Shape]
    let shapeIDs: [String: ShapeID]

    public subscript(id: ShapeID) -> Shape { shapes[id.index] }

    public func shape(named name: String) -> Shape? {
        shapeIDs[name].map { shapes[$0.index] }
    }

    /// The exception shape a service error code names, if the model defines it.
    public func errorShape(named code: String) -> Shape? {
        guard let shape = shape(named: code), shape.isException else { return nil }
        return shape
    }

    /// Loads `Models/<name>.json` (and its overlays) from this module's resources.
    public static func bundled(_ name: String) throws(ModelLoadError) -> ServiceModel {
        let files = try bundledFiles(name)
        return try ServiceModel(name: name, model: files.model, overlays: files.overlays)
    }

    public convenience init(name: String, model: Data, overlay: Data? = nil) throws(ModelLoadError) {
        try self.init(name: name, model: model, overlays: overlay.map { [$0] } ?? [])
    }

    /// Only the metadata of a model with its overlays: enough to route requests, a small part
    /// of the work of parsing the whole model.
    static func metadata(name: String, model: Data, overlays: [Data]) throws(ModelLoadError) -> ServiceMetadata {
        do throws(ModelJSONError) {
            var json = try ModelJSON.topLevelMembers(["metadata"], of: model)
            for overlay in overlays {
                json = try json.merging(try ModelJSON.topLevelMembers(["metadata"], of: overlay))
            }
            return try ModelBuilder.metadata(of: json)
        } catch {
            throw ModelLoadError(description: "model \(name): \(error.description)")
        }
    }

    /// The bundled files of a model: `Models/<name>.json` and its overlays.
    static func bundledFiles(_ name: String) throws(ModelLoadError) -> (model: Data, overlays: [Data]) {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Models"),
              let data = try? Data(contentsOf: url)
        else { throw ModelLoadError(description: "no bundled model Models/\(name).json") }
        let overlays = [".query", ".overlay"].compactMap { suffix in
            Bundle.module.url(forResource: name + suffix, withExtension: "json", subdirectory: "Models")
                .flatMap { try? Data(contentsOf: $0) }
        }
        return (data, overlays)
    }

    /// The model with each overlay merged over it, in order.
    public convenience init(name: String, model: Data, overlays: [Data]) throws(ModelLoadError) {
        let json: ModelJSON
        do throws(ModelJSONError) {
            var merged = try ModelJSON(data: model)
            for overlay in overlays {
                merged = try merged.merging(try ModelJSON(data: overlay))
            }
            json = merged
        } catch {
            throw ModelLoadError(description: "model \(name): \(error.description)")
        }
        try self.init(name: name, json: json)
    }

    /// A model from its JSON tree (the protocol tests assemble one per case).
    init(name: String, json: ModelJSON) throws(ModelLoadError) {
        self.name = name
        do throws(ModelJSONError) {
            let builder = try ModelBuilder(json)
            metadata = try builder.metadata()
            shapeIDs = builder.ids
            shapes = try builder.shapes()
            operations = try builder.operations()
        } catch {
            throw ModelLoadError(description: "model \(name): \(error.description)")
        }
    }
}

/// Turns the raw JSON tree into the typed model; one pass assigns shape IDs, the next
/// resolves every reference through them.
private struct ModelBuilder {
    let root: ModelJSON
    let raw: [String: ModelJSON]
    let names: [String]
    let ids: [String: ShapeID]

    init(_ root: ModelJSON) throws(ModelJSONError) {
        self.root = root
        guard let shapes = root["shapes"]?.members else { throw ModelJSONError(description: "no shapes") }
        names = shapes.map(\.key)
        raw = Dictionary(shapes.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        ids = Dictionary(names.enumerated().map { ($1, ShapeID(index: $0)) }, uniquingKeysWith: { first, _ in first })
    }

    func metadata() throws(ModelJSONError) -> ServiceMetadata { try Self.metadata(of: root) }

    /// The metadata of a model root (a whole model, or just its `metadata` member).
    static func metadata(of root: ModelJSON) throws(ModelJSONError) -> ServiceMetadata {
        guard let meta = root["metadata"], let protocolName = meta["protocol"]?.string,
              let endpointPrefix = meta["endpointPrefix"]?.string
        else { throw ModelJSONError(description: "metadata lacks protocol or endpointPrefix") }
        return ServiceMetadata(
            protocolName: protocolName,
            protocols: meta["protocols"]?.array?.compactMap(\.string) ?? [protocolName],
            apiVersion: meta["apiVersion"]?.string ?? "",
            endpointPrefix: endpointPrefix,
            signingName: meta["signingName"]?.string ?? endpointPrefix,
            targetPrefix: meta["targetPrefix"]?.string,
            jsonVersion: meta["jsonVersion"]?.string,
            xmlNamespace: meta["xmlNamespace"]?.string,
            awsQueryCompatible: meta["awsQueryCompatible"] != nil,
            errorNamespace: meta["errorNamespace"]?.string,
            requestUrlMember: meta["requestUrlMember"]?.string,
            validationErrorCode: meta["validationErrorCode"]?.string,
            noErrorWrapping: meta["noErrorWrapping"]?.bool ?? false)
    }

    func id(_ name: String?, in context: String) throws(ModelJSONError) -> ShapeID {
        guard let name, let id = ids[name] else {
            throw ModelJSONError(description: "\(context) refers to unknown shape \(name ?? "(none)")")
        }
        return id
    }

    /// A reference with botocore's trait resolution: the reference's traits win over the target's.
    func member(_ name: String, _ ref: ModelJSON, in context: String) throws(ModelJSONError) -> Member {
        let target = ref["shape"]?.string
        let shapeID = try id(target, in: context)
        let shape = raw[target!]!
        func trait(_ key: String) -> ModelJSON? { ref[key] ?? shape[key] }
        return Member(
            name: name,
            shape: shapeID,
            locationName: trait("locationName")?.string,
            flattened: trait("flattened")?.bool ?? false,
            location: ref["location"]?.string,
            queryName: trait("queryName")?.string,
            xmlAttribute: trait("xmlAttribute")?.bool ?? false,
            timestampFormat: trait("timestampFormat")?.string,
            // The reference's own: a structure's namespace declares itself only where the
            // structure is the document's root (`Shape.xmlNamespace`), as the protocol tests show.
            xmlNamespace: Self.namespace(ref["xmlNamespace"]),
            jsonValue: trait("jsonvalue")?.bool ?? false,
            hostLabel: ref["hostLabel"]?.bool ?? false,
            idempotencyToken: ref["idempotencyToken"]?.bool ?? false)
    }

    /// `"xmlNamespace": {"prefix": "baz", "uri": "http://…"}`, or a bare uri string.
    static func namespace(_ json: ModelJSON?) -> XMLNamespace? {
        if let uri = json?.string { return XMLNamespace(prefix: nil, uri: uri) }
        guard let uri = json?["uri"]?.string else { return nil }
        return XMLNamespace(prefix: json?["prefix"]?.string, uri: uri)
    }

    func shapes() throws(ModelJSONError) -> [Shape] {
        var shapes: [Shape] = []
        shapes.reserveCapacity(names.count)
        for name in names {
            let json = raw[name]!
            guard let typeName = json["type"]?.string, let type = ShapeType(rawValue: typeName) else {
                throw ModelJSONError(description: "shape \(name) has unknown type \(json["type"]?.string ?? "(none)")")
            }
            var members: [Member] = []
            for (memberName, ref) in json["members"]?.members ?? [] {
                members.append(try member(memberName, ref, in: "\(name).\(memberName)"))
            }
            // `fault: true` without an `error` trait: a server fault, 500.
            let isFault = json["fault"]?.bool ?? false
            var error = json["error"].map {
                ErrorTraits(code: $0["code"]?.string, httpStatusCode: $0["httpStatusCode"]?.number.map { Int($0) },
                            senderFault: $0["senderFault"]?.bool)
            }
            if isFault, error?.httpStatusCode == nil {
                error = ErrorTraits(code: error?.code, httpStatusCode: 500, senderFault: false)
            }
            shapes.append(Shape(
                name: name,
                type: type,
                members: members,
                memberIndex: Dictionary(members.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first }),
                required: json["required"]?.array?.compactMap(\.string) ?? [],
                member: try json["member"].map { ref throws(ModelJSONError) in try member("member", ref, in: "\(name).member") },
                key: try json["key"].map { ref throws(ModelJSONError) in try member("key", ref, in: "\(name).key") },
                value: try json["value"].map { ref throws(ModelJSONError) in try member("value", ref, in: "\(name).value") },
                enumValues: json["enum"]?.array?.compactMap(\.string),
                min: json["min"]?.number,
                max: json["max"]?.number,
                isException: json["exception"]?.bool ?? false,
                error: error,
                isDocument: json["document"]?.bool ?? false,
                payload: json["payload"]?.string,
                xmlName: json["locationName"]?.string,
                isUnion: json["union"]?.bool ?? false,
                isStreaming: json["streaming"]?.bool ?? false,
                isEventStream: json["eventstream"]?.bool ?? false,
                xmlNamespace: Self.namespace(json["xmlNamespace"]),
                containsTimestamp: false))
        }
        markTimestamps(&shapes)
        return shapes
    }

    /// Sets `containsTimestamp` by a depth-first walk; shapes on the current path count as
    /// timestamp-free, which is exact because a cycle adds no shapes of its own.
    private func markTimestamps(_ shapes: inout [Shape]) {
        var state = [UInt8](repeating: 0, count: shapes.count)  // 0 new, 1 visiting, 2 done
        func visit(_ index: Int) -> Bool {
            if state[index] != 0 { return state[index] == 2 && shapes[index].containsTimestamp }
            state[index] = 1
            let shape = shapes[index]
            var found = shape.type == .timestamp
            for child in shape.members + [shape.member, shape.key, shape.value].compactMap({ $0 }) where visit(child.shape.index) {
                found = true
            }
            shapes[index].containsTimestamp = found
            state[index] = 2
            return found
        }
        for index in shapes.indices { _ = visit(index) }
    }

    func operations() throws(ModelJSONError) -> [String: OperationModel] {
        var operations: [String: OperationModel] = [:]
        for (name, json) in root["operations"]?.members ?? [] {
            let output = json["output"]
            operations[name] = OperationModel(
                name: name,
                input: try json["input"].map { ref throws(ModelJSONError) in try id(ref["shape"]?.string, in: "\(name) input") },
                output: try output.map { ref throws(ModelJSONError) in try id(ref["shape"]?.string, in: "\(name) output") },
                resultWrapper: output?["resultWrapper"]?.string ?? name + "Result",
                errors: try (json["errors"]?.array ?? []).map { ref throws(ModelJSONError) in
                    try id(ref["shape"]?.string, in: "\(name) errors")
                },
                httpMethod: json["http"]?["method"]?.string ?? "POST",
                requestURI: json["http"]?["requestUri"]?.string ?? "/",
                responseCode: json["http"]?["responseCode"]?.number.map { Int($0) } ?? 200,
                hostPrefix: json["endpoint"]?["hostPrefix"]?.string)
        }
        return operations
    }
}
