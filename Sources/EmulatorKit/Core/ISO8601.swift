import Foundation

/// `2026-11-29T21:41:45.123Z`, the form of every time the emulator writes as text (state
/// document, call log, IAM's `aws:CurrentTime`, log lines). swift-foundation's style: an
/// ISO8601DateFormatter is an ICU formatter, costly to make, and this runs per call.
public enum ISO8601 {
    public static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
