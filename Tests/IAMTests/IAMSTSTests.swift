import Foundation
import JSON
import Testing
import EmulatorKit
@testable import IAM

@Suite("STS")
struct IAMSTSTests {
    @Test("GetCallerIdentity: dummy keys are the account's root user")
    func rootCaller() async throws {
        let iam = try await IAMHarness.make()
        let identity = try await iam.callSTS("GetCallerIdentity")
        #expect(identity == ["UserId": "123456789012", "Account": "123456789012", "Arn": "arn:aws:iam::123456789012:root"])
    }

    @Test("AssumeRole is refused unless the trust policy lets the caller in")
    func refusedByTrust() async throws {
        let iam = try await IAMHarness.make()
        let role = try await iam.createRole("ec2-only")
        let arn = try #require(role["Arn"])
        let denied = await iam.error("AssumeRole", ["RoleArn": arn, "RoleSessionName": "me"], sts: true)
        #expect(denied?.queryCode == "AccessDenied")
        #expect(denied?.httpStatus == 403)
        #expect(denied?.message == "User: arn:aws:iam::123456789012:root is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/ec2-only")
        let ghost = await iam.error("AssumeRole", ["RoleArn": "arn:aws:iam::123456789012:role/ghost", "RoleSessionName": "me"], sts: true)
        #expect(ghost?.queryCode == "AccessDenied")
    }

    @Test("AssumeRole with an account trust: ASIA credentials that later requests act as")
    func assumeAndActAs() async throws {
        let iam = try await IAMHarness.make()
        let role = try await iam.createRole("admin", trust: IAMFixtures.accountTrust)
        let before = iam.clock.now.timeIntervalSince1970.rounded(.down)
        let assumed = try await iam.callSTS("AssumeRole", ["RoleArn": try #require(role["Arn"]), "RoleSessionName": "alice"])
        let after = iam.clock.now.timeIntervalSince1970
        let key = try #require(assumed["Credentials"]?["AccessKeyId"]?.stringValue)
        #expect(key.hasPrefix("ASIA") && key.count == 20)
        #expect(assumed["Credentials"]?["SecretAccessKey"]?.stringValue?.count == 40)
        #expect(assumed["AssumedRoleUser"]?["Arn"] == "arn:aws:sts::123456789012:assumed-role/admin/alice")
        let roleId = try #require(role["RoleId"]?.stringValue)
        #expect(assumed["AssumedRoleUser"]?["AssumedRoleId"]?.stringValue == "\(roleId):alice")
        let expiration = try #require(assumed["Credentials"]?["Expiration"]).numberValue
        #expect(expiration >= before + 3600 && expiration <= after + 3600)

        let session = iam.signed(with: key)
        let identity = try await session.callSTS("GetCallerIdentity")
        #expect(identity["Arn"] == "arn:aws:sts::123456789012:assumed-role/admin/alice")
        #expect(identity["UserId"]?.stringValue == "\(roleId):alice")
        #expect(await iam.iam.callerArn(accessKeyId: key, account: "123456789012") == "arn:aws:sts::123456789012:assumed-role/admin/alice")
        #expect(await session.error("GetUser")?.queryCode == "ValidationError")

        // The session ends on the virtual clock.
        try iam.clock.advance(by: 3601)
        let expired = await session.error("GetCallerIdentity", sts: true)
        #expect(expired?.queryCode == "ExpiredToken")
        #expect(expired?.message == "The security token included in the request is expired")
    }

    @Test("Durations: at most the role's MaxSessionDuration, one hour when chaining")
    func durations() async throws {
        let iam = try await IAMHarness.make()
        let role = try await iam.createRole("r", trust: IAMFixtures.accountTrust)
        let arn = try #require(role["Arn"])
        let tooLong = await iam.error("AssumeRole", ["RoleArn": arn, "RoleSessionName": "sess", "DurationSeconds": 7200], sts: true)
        #expect(tooLong?.message == "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")
        let tooShort = await iam.error("AssumeRole", ["RoleArn": arn, "RoleSessionName": "sess", "DurationSeconds": 60], sts: true)
        #expect(tooShort?.queryCode == "ValidationError")
        let badName = await iam.error("AssumeRole", ["RoleArn": arn, "RoleSessionName": "a b"], sts: true)
        #expect(badName?.queryCode == "ValidationError")
    }

    @Test("Role chaining: a trust naming the role is enough; an account trust also needs the caller's sts:AssumeRole")
    func chaining() async throws {
        let iam = try await IAMHarness.make()
        let first = try await iam.createRole("first", trust: IAMFixtures.accountTrust)
        let firstArn = try #require(first["Arn"]?.stringValue)
        let creds = try await iam.callSTS("AssumeRole", ["RoleArn": .string(firstArn), "RoleSessionName": "hop"])
        let session = iam.signed(with: try #require(creds["Credentials"]?["AccessKeyId"]?.stringValue))

        let namesFirst = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"\#(firstArn)"},"Action":"sts:AssumeRole"}]}"#
        let second = try await iam.createRole("second", trust: namesFirst)
        let assumed = try await session.callSTS("AssumeRole", ["RoleArn": try #require(second["Arn"]), "RoleSessionName": "hop2"])
        #expect(assumed["AssumedRoleUser"]?["Arn"] == "arn:aws:sts::123456789012:assumed-role/second/hop2")

        let third = try await iam.createRole("third", trust: IAMFixtures.accountTrust)
        let thirdArn = try #require(third["Arn"])
        let denied = await session.error("AssumeRole", ["RoleArn": thirdArn, "RoleSessionName": "hop3"], sts: true)
        #expect(denied?.message == "User: arn:aws:sts::123456789012:assumed-role/first/hop is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/third")
        try await iam.putInline("first", "may-assume", #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"#)
        try await session.callSTS("AssumeRole", ["RoleArn": thirdArn, "RoleSessionName": "hop3"])
        let long = await session.error("AssumeRole", ["RoleArn": thirdArn, "RoleSessionName": "hop4", "DurationSeconds": 3700], sts: true)
        #expect(long?.queryCode == "ValidationError")
    }

    @Test("A trust policy's explicit deny wins over an allow for everyone")
    func trustDeny() async throws {
        let iam = try await IAMHarness.make()
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"},{"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}"#
        let role = try await iam.createRole("locked", trust: trust)
        let denied = await iam.error("AssumeRole", ["RoleArn": try #require(role["Arn"]), "RoleSessionName": "me"], sts: true)
        #expect(denied?.queryCode == "AccessDenied")
    }
}
