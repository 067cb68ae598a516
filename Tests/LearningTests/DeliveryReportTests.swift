import JSON
import Testing
@testable import Learning

/// `handson why`: each route says matched or the first failing field, and each delivery
/// what became of it.
@Suite("Delivery report")
struct DeliveryReportTests {
    static let trace: JSONValue = [
        "time": "2026-12-06T08:00:00.000Z", "service": "sns", "source": "arn:aws:sns:us-east-1:123456789012:orders",
        "id": "m-1", "summary": "Publish to orders",
        "routes": [
            ["route": "sub-1", "endpoint": "arn:aws:sqs:us-east-1:123456789012:paid", "matched": true,
             "delivery": ["status": "delivered", "detail": "message 42"]],
            ["route": "sub-2", "endpoint": "arn:aws:sqs:us-east-1:123456789012:refunds", "matched": false,
             "mismatch": "MessageAttributes.kind: \"paid\" is not one of [\"refund\"]"],
            ["route": "sub-3", "endpoint": "arn:aws:sqs:us-east-1:123456789012:audit", "matched": true,
             "delivery": ["status": "refused", "detail": "the queue has no access policy"]],
            ["route": "sub-4", "endpoint": "me@example.com", "matched": true,
             "delivery": ["status": "pending", "detail": "the subscription is pending confirmation"]],
        ],
    ]

    @Test("Every route's fate is on its own line, with the reason")
    func routes() {
        let text = DeliveryReport.markdown([Self.trace], last: 5)
        #expect(text.contains("**Publish to orders**"))
        #expect(text.contains("✓ `sub-1` → `arn:aws:sqs:us-east-1:123456789012:paid`: delivered: message 42"))
        #expect(text.contains("✗ `sub-2` → `arn:aws:sqs:us-east-1:123456789012:refunds`: not matched: MessageAttributes.kind: \"paid\" is not one of [\"refund\"]"))
        #expect(text.contains("✗ `sub-3` → `arn:aws:sqs:us-east-1:123456789012:audit`: refused: the queue has no access policy"))
        #expect(text.contains("… `sub-4` → `me@example.com`: pending: the subscription is pending confirmation"))
    }

    @Test("Only the last N are shown, newest last; a service filter and an empty journal say so")
    func selection() {
        var second = Self.trace
        if case .object(var fields) = second { fields["summary"] = "Second"; fields["service"] = "events"; second = .object(fields) }
        let both: JSONValue = [Self.trace, second]
        let last = DeliveryReport.markdown(both, last: 1)
        #expect(last.contains("The last 1 of 2") && last.contains("**Second**") && !last.contains("Publish to orders"))
        #expect(DeliveryReport.markdown(both, last: 5, service: "sns").contains("Publish to orders"))
        #expect(!DeliveryReport.markdown(both, last: 5, service: "sns").contains("Second"))
        #expect(DeliveryReport.markdown([], last: 5).hasPrefix("No messages or events"))
        #expect(DeliveryReport.markdown(both, last: 5, service: "s3") == "No s3 messages or events have been routed yet.")
    }
}
