import Foundation
import Testing

/// AWS's protocol tests (botocore's copy) against the codecs: one test per protocol file,
/// one printed line of figures each, and one recorded issue per failing case of a required
/// protocol that `docs/protocol-conformance.md` does not list.
@Suite("AWS protocol tests", .enabled(if: ProtocolSuiteLocation.shouldRun))
struct ProtocolConformanceTests {
    @Test("protocol file", arguments: ProtocolExpectations.all)
    func protocolFile(_ name: String) throws {
        let report = try ProtocolReport.run(name)
        print(report.line)
        guard ProtocolExpectations.required.contains(name) else { return }
        for (id, failure) in report.failures {
            Issue.record(Comment(rawValue: "\(name) \(id): \(failure)"))
        }
        for id in report.listedButPassing {
            Issue.record(Comment(rawValue: "\(name) \(id) passes: remove it from docs/protocol-conformance.md"))
        }
    }

    /// The listed cases are exceptions, not a way out: at most 5% of all cases, each naming
    /// a case that exists.
    @Test func listedCasesAreFewAndReal() throws {
        let list = try ConformanceList.load()
        var total = 0
        var known: Set<String> = []
        for name in ProtocolExpectations.all {
            for direction in [ProtocolTestCase.Direction.input, .output] {
                for testCase in try ProtocolTestCase.load(name, direction) {
                    total += 1
                    known.insert("\(name) \(testCase.id)")
                }
            }
        }
        #expect(total > 0)
        #expect(Double(list.entries.count) <= Double(total) * 0.05, "\(list.entries.count) of \(total) cases listed")
        for entry in list.entries {
            #expect(known.contains("\(entry.protocolFile) \(ConformanceList.bareID(entry.caseID))"), "docs list \(entry.protocolFile) \(entry.caseID), no such case")
            #expect(!entry.reason.isEmpty, "\(entry.protocolFile) \(entry.caseID) is listed without a reason")
        }
    }
}

/// The outcome of one protocol file (its input and output cases together).
struct ProtocolReport {
    let name: String
    var passed = 0
    var failures: [(id: String, failure: String)] = []
    var skipped = 0
    var listed = 0
    var listedButPassing: [String] = []

    var line: String {
        "\(name): \(passed) passed, \(failures.count) failed, \(skipped) skipped (ignore list), \(listed) listed in docs"
    }

    static func run(_ name: String) throws -> ProtocolReport {
        let inputs = try ProtocolTestCase.load(name, .input)  // first: its error names the missing folder
        let ignore = try IgnoreList.load()
        let list = try ConformanceList.load()
        var report = ProtocolReport(name: name)
        for testCases in [inputs, try ProtocolTestCase.load(name, .output)] {
            for testCase in testCases {
                let direction = testCase.direction
                if ignore.ignores(testCase) {
                    report.skipped += 1
                    continue
                }
                let failure = CaseRunner.failure(of: testCase)
                if list.lists(testCase) {
                    report.listed += 1
                    if failure == nil { report.listedButPassing.append("\(direction.rawValue) \(testCase.id)") }
                } else if let failure {
                    report.failures.append(("\(direction.rawValue) \(testCase.id)", failure))
                } else {
                    report.passed += 1
                }
            }
        }
        return report
    }
}
