import Foundation
import JMESPath
import JSON
import Testing
import EmulatorKit
@testable import IAM

@Suite("IAM persistence and state")
struct IAMPersistenceTests {
    /// Roles, policies, versions, profiles, users, sessions: everything a lab builds.
    func populate(_ iam: IAMHarness) async throws -> String {
        try await iam.createRole("app", trust: IAMFixtures.accountTrust)
        try await iam.attach("app", IAMFixtures.ssmCore)
        try await iam.putInline("app", "deny", IAMFixtures.denyDelete)
        try await iam.call("TagRole", ["RoleName": "app", "Tags": [["Key": "team", "Value": "web"]]])
        let created = try await iam.call("CreatePolicy", ["PolicyName": "reader", "PolicyDocument": .string(IAMFixtures.readQueues)])
        let arn = try #require(created["Policy"]?["Arn"])
        try await iam.call("CreatePolicyVersion", ["PolicyArn": arn, "PolicyDocument": .string(IAMFixtures.denyDelete), "SetAsDefault": true])
        try await iam.attach("app", try #require(arn.stringValue))
        try await iam.call("CreateInstanceProfile", ["InstanceProfileName": "app-profile"])
        try await iam.call("AddRoleToInstanceProfile", ["InstanceProfileName": "app-profile", "RoleName": "app"])
        try await iam.call("CreateUser", ["UserName": "dev"])
        try await iam.call("AttachUserPolicy", ["UserName": "dev", "PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"])
        let assumed = try await iam.callSTS("AssumeRole", ["RoleArn": "arn:aws:iam::123456789012:role/app", "RoleSessionName": "sess"])
        return try #require(assumed["Credentials"]?["AccessKeyId"]?.stringValue)
    }

    @Test("A new service on the same file resumes exactly, sessions included")
    func reopen() async throws {
        let path = temporaryDatabasePath()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let clock = VirtualClock()
        let first = try await IAMHarness.make(path: path, clock: clock)
        let key = try await populate(first)
        let before = await first.iam.state()
        let stsBefore = await first.sts.state()
        try await first.database.close()

        let second = try await IAMHarness.make(path: path, clock: clock)
        #expect(await second.iam.state() == before)
        #expect(await second.sts.state() == stsBefore)
        let identity = try await second.signed(with: key).callSTS("GetCallerIdentity")
        #expect(identity["Arn"] == "arn:aws:sts::123456789012:assumed-role/app/sess")
        #expect(try await second.call("GetPolicyVersion", ["PolicyArn": "arn:aws:iam::123456789012:policy/reader", "VersionId": "v2"])["PolicyVersion"]?["IsDefaultVersion"] == true)
        try await second.database.close()
    }

    @Test("reset forgets everything but the AWS managed policies; reload reads the database again")
    func resetAndReload() async throws {
        let iam = try await IAMHarness.make()
        _ = try await populate(iam)
        let snapshot = SnapshotStore(database: iam.database)
        try await snapshot.save(name: "populated")
        let populated = await iam.iam.state()
        try await iam.iam.reset()
        #expect(await iam.iam.state() == ["roles": [], "policies": [], "instanceProfiles": [], "users": []])
        #expect(await iam.sts.state() == ["sessions": []])
        #expect(try await iam.call("ListPolicies", ["Scope": "AWS"])["Policies"]?.arrayValue?.count == AWSManagedPolicies.all.count)
        try await snapshot.restore(name: "populated")
        try await iam.iam.reload()
        #expect(await iam.iam.state() == populated)
    }

    @Test("The state document: decoded trust policy, attached and inline policies, tags, profiles, sessions")
    func stateDocument() async throws {
        let iam = try await IAMHarness.make()
        _ = try await populate(iam)
        let state = await iam.iam.state()
        func query(_ expression: String, _ document: JSONValue? = nil) throws -> JSONValue {
            try JMESPathExpression(expression).search(document ?? state)
        }
        #expect(try query("roles[?name=='app'].trustPolicy.Statement[0].Principal.AWS | [0]") == "arn:aws:iam::123456789012:root")
        #expect(try query("roles[0].attachedPolicies[].name") == ["AmazonSSMManagedInstanceCore", "reader"])
        #expect(try query("contains(roles[0].attachedPolicies[].arn, 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore')") == true)
        #expect(try query("roles[0].inlinePolicies.deny.Statement.Effect") == "Deny")
        #expect(try query("roles[0].tags.team") == "web")
        #expect(try query("roles[0].instanceProfiles") == ["app-profile"])
        #expect(try query("policies[0].[name, defaultVersionId, document.Statement.Sid, attachmentCount]") == ["reader", "v2", "NoDeletes", 1])
        #expect(try query("instanceProfiles[0].roles") == ["app"])
        #expect(try query("users[0].attachedPolicies[0].name") == "ReadOnlyAccess")
        let sts = await iam.sts.state()
        #expect(try query("sessions[0].[arn, roleName, sessionName, expired]", sts) == ["arn:aws:sts::123456789012:assumed-role/app/sess", "app", "sess", false])
    }
}
