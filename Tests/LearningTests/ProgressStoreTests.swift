import Foundation
import Learning
import Testing

@Suite struct ProgressStoreTests {
    @Test func recordsStepsHintsChecksAndCompletion() throws {
        let store = try ProgressStore()
        #expect(try store.currentLab() == nil)
        try store.setCurrentLab(.init(labId: "sqs-basics", path: "/labs/sqs-basics.md", lang: "ja"))
        #expect(try store.currentLab() == .init(labId: "sqs-basics", path: "/labs/sqs-basics.md", lang: "ja"))

        try store.enter(lab: "sqs-basics", step: 1, stepId: "create", totalSteps: 2)
        #expect(try store.useHint(lab: "sqs-basics", step: 1) == 1)
        #expect(try store.useHint(lab: "sqs-basics", step: 1) == 2)
        try store.recordCheck(lab: "sqs-basics", step: 1, passed: false, failed: ["queue exists"])
        #expect(try store.step("sqs-basics", 1)?.passed == false)
        try store.recordCheck(lab: "sqs-basics", step: 1, passed: true, failed: [])
        let first = try #require(try store.step("sqs-basics", 1))
        #expect(first.passed && first.checkAttempts == 2 && first.hintsUsed == 2)
        #expect(try store.lab("sqs-basics")?.completedAt == nil, "one of two steps is not complete")

        try store.enter(lab: "sqs-basics", step: 2, stepId: "send", totalSteps: 2)
        try store.recordAnswer("30", lab: "sqs-basics", step: 2)
        try store.revealSolution(lab: "sqs-basics", step: 2)
        try store.recordCheck(lab: "sqs-basics", step: 2, passed: true, failed: [])
        let lab = try #require(try store.lab("sqs-basics"))
        #expect(lab.currentStep == 2)
        #expect(lab.completedAt != nil)
        let second = try #require(try store.step("sqs-basics", 2))
        #expect(second.answer == "30" && second.solutionRevealed)
    }

    @Test func survivesReopening() throws {
        let folder = try Handson.scratch("progress")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("progress.sqlite").path
        do {
            let store = try ProgressStore(path: path)
            try store.enter(lab: "memory-sizing", step: 3, stepId: "records", totalSteps: 8)
            _ = try store.useHint(lab: "memory-sizing", step: 3)
        }
        let reopened = try ProgressStore(path: path)
        #expect(try reopened.lab("memory-sizing")?.currentStep == 3)
        #expect(try reopened.step("memory-sizing", 3)?.hintsUsed == 1)
    }
}
