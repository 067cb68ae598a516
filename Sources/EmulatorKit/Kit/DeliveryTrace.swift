import Foundation
import JSON

/// Why a message did (or did not) arrive: one publish, event or notification, and for each
/// subscription, rule or notification configuration whether it matched (and when not, the
/// first field that failed) and what became of each delivery. Kept in the delivery journal,
/// shown in the state document's `deliveries` and by `handson why`.
public struct DeliveryTrace: Sendable, Equatable {
    public var time: Date
    /// The service that routed it: `sns`, `events`, `s3`.
    public var service: String
    /// What it was sent to: a topic ARN, an event bus ARN, a bucket ARN.
    public var source: String
    /// The message id, event id or object key.
    public var id: String
    /// One line for a person: "Publish to orders: {\"total\": 12}".
    public var summary: String
    public var routes: [Route]

    /// One subscription, rule target or notification configuration.
    public struct Route: Sendable, Equatable {
        /// A subscription ARN, a rule ARN (with the target id), a configuration id.
        public var route: String
        /// Where it leads: a queue ARN, a function ARN, an email address, a URL.
        public var endpoint: String
        public var matched: Bool
        /// When not matched: the first field that failed and why.
        public var mismatch: String?
        /// When matched: what became of the delivery.
        public var outcome: DeliveryOutcome?

        public init(route: String, endpoint: String, matched: Bool, mismatch: String? = nil, outcome: DeliveryOutcome? = nil) {
            self.route = route
            self.endpoint = endpoint
            self.matched = matched
            self.mismatch = mismatch
            self.outcome = outcome
        }

        public var json: JSONValue {
            var fields: [String: JSONValue] = ["route": .string(route), "endpoint": .string(endpoint), "matched": .bool(matched)]
            if let mismatch { fields["mismatch"] = .string(mismatch) }
            if let outcome { fields["delivery"] = outcome.json }
            return .object(fields)
        }
    }

    public init(time: Date, service: String, source: String, id: String, summary: String, routes: [Route]) {
        self.time = time
        self.service = service
        self.source = source
        self.id = id
        self.summary = summary
        self.routes = routes
    }

    public var json: JSONValue {
        ["time": .string(ISO8601.string(time)), "service": .string(service), "source": .string(source),
         "id": .string(id), "summary": .string(summary), "routes": .array(routes.map(\.json))]
    }
}
