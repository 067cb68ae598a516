import Foundation
import JSON
import Testing
import EmulatorKit
@testable import IAM

/// A failed write leaves memory, disk and the client in agreement (see SQSWriteFailureTests).
@Suite("IAM failed writes")
struct IAMWriteFailureTests {
    @Test("CreateRole: a failed insert leaves no role in memory or on disk, and the retry creates it")
    func createRole() async throws {
        let h = try await IAMHarness.make()
        try await h.createRole("kept")
        let before = await h.iam.state()
        try await h.database.failWrites(.insert, on: "iamRole")
        let error = await h.error("CreateRole", ["RoleName": "lost", "AssumeRolePolicyDocument": .string(IAMFixtures.ec2Trust)])
        #expect(error?.code == "ServiceFailureException")
        #expect(await h.iam.state() == before)
        let missing = await h.error("GetRole", ["RoleName": "lost"])
        #expect(missing?.code == "NoSuchEntityException")
        let disk = try await IAMService(database: h.database, clock: h.clock).state()
        #expect(disk == before)
        try await h.database.allowWrites()
        try await h.createRole("lost")
        let roles = await h.iam.state()["roles"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(roles == ["kept", "lost"])
        #expect(try await IAMService(database: h.database, clock: h.clock).state() == h.iam.state())
    }
}
