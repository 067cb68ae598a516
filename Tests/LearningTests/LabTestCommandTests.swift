import Foundation
import Testing

/// `handson test` run as instructors and CI run it: the real binary, the real aws CLI.
@Suite struct LabTestCommandTests {
    @Test func aWorkingLabPassesAndWritesJUnit() async throws {
        let home = try Handson.scratch("test-ok")
        defer { try? FileManager.default.removeItem(at: home) }
        let junit = home.appendingPathComponent("report.xml")
        let lab = Handson.fixtures.appendingPathComponent("queue-steps.md").path
        let outcome = try await Handson.run("test '\(lab)' --junit '\(junit.path)'", home: home)
        #expect(outcome.status == 0, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("TAP version 14\n1..3\n"))
        #expect(outcome.stdout.contains("ok 1 - queue-steps step 1 create"))
        #expect(outcome.stdout.contains("ok 3 - queue-steps step 3 quiz"))
        #expect(!outcome.stdout.contains("not ok"))
        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(xml.contains("<testsuite name=\"queue-steps\" tests=\"3\" failures=\"0\""))
    }

    @Test func aCheckThatCannotFailIsAFailure() async throws {
        let home = try Handson.scratch("test-fail")
        defer { try? FileManager.default.removeItem(at: home) }
        let lab = Handson.fixtures.appendingPathComponent("cannot-fail.md").path
        let outcome = try await Handson.run("test '\(lab)'", home: home)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("not ok 1 - cannot-fail step 1 create"))
        #expect(outcome.stdout.contains("passes before its solution ran, so it cannot fail"))
    }

    @Test func aBrokenLabIsReportedWithItsPosition() async throws {
        let home = try Handson.scratch("test-broken")
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appendingPathComponent("broken.md")
        try Data("---\nid: broken\ntitle: x\n---\n\n## A step\n".utf8).write(to: file)
        let outcome = try await Handson.run("test '\(file.path)'", home: home)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("not ok 1 - \(file.path): the lab has errors"))
        #expect(outcome.stdout.contains("broken.md:"))
    }
}
