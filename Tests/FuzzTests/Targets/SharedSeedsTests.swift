import Foundation
import Testing

/// The fuzz targets take seeds from `../shared/testdata` (AWS's protocol tests, the JMESPath
/// compliance suite) besides their own. A clone without `../shared` still fuzzes, on the bundled
/// seeds alone, and says so here in one line; under `CI=true` the missing corpora are a failure.
@Suite("Fuzz: shared seeds")
struct SharedSeedsTests {
    static var present: Bool { !ProtocolSuiteSeeds.byProtocol.isEmpty && !JMESPathFuzzTests.suiteExpressions.isEmpty }

    static var runs: Bool {
        if present || ProcessInfo.processInfo.environment["CI"] == "true" { return true }
        print("fuzz seeds from ../shared/testdata not found: fuzzing on bundled seeds only (CI=true makes this a failure)")
        return false
    }

    @Test(.enabled(if: runs)) func theSharedCorporaAreThere() {
        for name in ["json", "query", "ec2", "rest-json", "rest-xml", "smithy-rpc-v2-cbor"] {
            #expect(ProtocolSuiteSeeds.byProtocol[name]?.isEmpty == false, "no \(name) seeds in \(ProtocolSuiteSeeds.directory.path)")
        }
        #expect(!JMESPathFuzzTests.suiteExpressions.isEmpty, "no JMESPath compliance expressions under ../shared/testdata")
    }
}
