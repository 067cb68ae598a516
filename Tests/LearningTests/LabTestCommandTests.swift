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

    /// What `scripts/test` relies on: every shipped lab, every translation, every step.
    @Test func everyShippedLabPasses() async throws {
        let home = try Handson.scratch("test-labs")
        defer { try? FileManager.default.removeItem(at: home) }
        let labs = Handson.packageRoot.appendingPathComponent("labs").path
        let outcome = try await Handson.run("test '\(labs)'", home: home, timeout: 1500)
        #expect(outcome.status == 0, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("ok 1 - "))
        for lastStep in ["sqs-basics step 8", "iam-roles step 6", "sqs-lambda-trigger step 7", "sqs-dlq step 8"] {
            #expect(outcome.stdout.contains(lastStep), "\(lastStep) did not run")
        }
        #expect(!outcome.stdout.contains("not ok"))
    }

    @Test func theScaffoldOfANewLabValidatesAndPasses() async throws {
        let home = try Handson.scratch("test-new")
        defer { try? FileManager.default.removeItem(at: home) }
        let labs = home.appendingPathComponent("labs").path
        let created = try await Handson.run("new queue-demo --labs '\(labs)'", home: home)
        #expect(created.status == 0, "\(created.stderr)")
        let validated = try await Handson.run("validate '\(labs)'", home: home)
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        let tested = try await Handson.run("test '\(labs)'", home: home)
        #expect(tested.status == 0, "\(tested.stdout)\(tested.stderr)")
        #expect(tested.stdout.contains("ok 1 - queue-demo step 1 create-queue"))
        #expect(tested.stdout.contains("wrong attempts caught 1/1, other ways accepted 1/1"), "\(tested.stdout)")
        let again = try await Handson.run("new queue-demo --labs '\(labs)'", home: home)
        #expect(again.status != 0 && again.stderr.contains("already exists"))
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

    @Test func wrongAttemptsAreCaughtAndOtherWaysAcceptedFromTheStepsStart() async throws {
        let home = try Handson.scratch("test-attempts")
        defer { try? FileManager.default.removeItem(at: home) }
        let junit = home.appendingPathComponent("report.xml")
        let lab = Handson.fixtures.appendingPathComponent("attempts.md").path
        let outcome = try await Handson.run("test '\(lab)' --junit '\(junit.path)'", home: home)
        #expect(outcome.status == 0, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("# mistake 'a queue without the delay' caught by 'slow delays every message by 30 seconds'"))
        #expect(outcome.stdout.contains("# mistake 'the wrong name' caught by 'The queue slow exists', 'slow delays every message by 30 seconds'"))
        #expect(outcome.stdout.contains("# another way 'with boto3' accepted"))
        #expect(outcome.stdout.contains("# attempts: 1 steps, 1 with a wrong attempt, 1 with another way; wrong attempts caught 2/2, other ways accepted 1/1"))
        #expect(outcome.stdout.contains("# all labs: 1 steps"))
        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(xml.contains(#"<property name="wrongAttempts.caught" value="2"/>"#))
        #expect(xml.contains(#"<property name="anotherWays.accepted" value="1"/>"#))
    }

    @Test func aMistakeTheCheckLetsThroughAndARefusedOtherWayAreFailures() async throws {
        let home = try Handson.scratch("test-attempt-fail")
        defer { try? FileManager.default.removeItem(at: home) }
        let lab = Handson.fixtures.appendingPathComponent("attempt-not-caught.md").path
        let outcome = try await Handson.run("test '\(lab)'", home: home)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("not ok 1 - attempt-not-caught step 1 delay"))
        #expect(outcome.stdout.contains("the Common mistake 'a queue without the delay'"))
        #expect(outcome.stdout.contains("passes the step's check: the check cannot tell this mistake from the solution"))
        #expect(outcome.stdout.contains("Another way 'a queue named otherwise'"))
        #expect(outcome.stdout.contains("is refused by 'The queue slow exists'"))
    }
}
