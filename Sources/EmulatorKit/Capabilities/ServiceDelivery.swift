import JSON

/// An AWS service delivering on its own behalf (SNS to a queue, EventBridge to a function,
/// S3 to a topic). The target's resource policy decides, for this principal, with
/// `aws:SourceArn` and `aws:SourceAccount` in the context, as AWS evaluates it.
public struct ServiceCaller: Sendable, Equatable {
    /// The service principal: `sns.amazonaws.com`, `events.amazonaws.com`, `s3.amazonaws.com`.
    public var principal: String
    /// What the delivery comes from: a topic, a rule, a bucket.
    public var sourceArn: String
    public var sourceAccount: String

    public init(principal: String, sourceArn: String, sourceAccount: String) {
        self.principal = principal
        self.sourceArn = sourceArn
        self.sourceAccount = sourceAccount
    }

    /// What a resource policy sees for this caller.
    public var policyPrincipal: PolicyPrincipal { .service(principal) }

    public var policyContext: PolicyContext {
        PolicyContext(["aws:SourceArn": sourceArn, "aws:SourceAccount": sourceAccount,
                       "aws:PrincipalServiceName": principal])
    }
}

/// What became of one delivery. `refused` and `failed` carry the reason a learner needs
/// ("the queue's policy does not allow sns.amazonaws.com to call sqs:SendMessage").
public enum DeliveryOutcome: Sendable, Equatable {
    /// Delivered (or, for asynchronous targets, accepted); the detail names what was made
    /// (a message id, a request id).
    case delivered(String)
    /// A resource policy or permission said no.
    case refused(String)
    /// The target is missing or answered with an error.
    case failed(String)
    /// Not attempted yet: waiting for a confirmation, or for a retry on the virtual clock.
    case pending(String)

    public var isDelivered: Bool { if case .delivered = self { true } else { false } }

    public var status: String {
        switch self {
        case .delivered: "delivered"
        case .refused: "refused"
        case .failed: "failed"
        case .pending: "pending"
        }
    }

    public var detail: String {
        switch self {
        case .delivered(let text), .refused(let text), .failed(let text), .pending(let text): text
        }
    }

    public var json: JSONValue { ["status": .string(status), "detail": .string(detail)] }
}
