import Foundation
import Testing

/// The official compliance suite, one test per file and one recorded issue per failing case.
@Suite("JMESPath compliance", .enabled(if: ComplianceSuite.shouldRun))
struct ComplianceTests {
    @Test("compliance file", arguments: ComplianceSuite.fileNames)
    func complianceFile(_ fileName: String) throws {
        let cases = try ComplianceSuite.load(fileName)
        #expect(!cases.isEmpty, "\(fileName) holds no cases")
        for testCase in cases {
            if let failure = ComplianceSuite.failure(of: testCase) {
                Issue.record(Comment(rawValue: failure))
            }
        }
    }

    /// Guards against running a partial suite: every file present, none unaccounted for,
    /// and exactly the 908 cases of the pinned commit executed.
    @Test func entireSuiteRuns() throws {
        let directory = ComplianceSuite.directory
        var isDirectory: ObjCBool = false
        try #require(
            FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) && isDirectory.boolValue,
            "JMESPath compliance suite not found at \(directory.path) (expected ../shared/testdata/jmespath-compliance relative to the repository root, or set JMESPATH_COMPLIANCE_DIR)")

        let present = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
        let unknown = present.subtracting(ComplianceSuite.fileNames).subtracting(ComplianceSuite.nonSuiteFiles)
        #expect(unknown.isEmpty, "compliance files not listed in ComplianceSuite.fileNames: \(unknown.sorted())")

        var run = 0
        var passed = 0
        for fileName in ComplianceSuite.fileNames {
            for testCase in try ComplianceSuite.load(fileName) {
                run += 1
                if ComplianceSuite.failure(of: testCase) == nil { passed += 1 }
            }
        }
        #expect(run == ComplianceSuite.expectedCaseCount)
        #expect(passed == run, "\(passed)/\(run) compliance cases pass; see the per-file tests for details")
    }
}
