import Foundation
import JSON
import Testing
import EmulatorKit
@testable import IAM

@Suite("IAM roles")
struct IAMRoleTests {
    @Test("CreateRole returns the role with ARN, AROA id, ISO date and the trust policy URL-encoded as written")
    func create() async throws {
        let iam = try await IAMHarness.make()
        let role = try await iam.createRole("web", path: "/app/")
        #expect(role["RoleName"]?.stringValue == "web")
        #expect(role["Path"]?.stringValue == "/app/")
        #expect(role["Arn"]?.stringValue == "arn:aws:iam::123456789012:role/app/web")
        let id = try #require(role["RoleId"]?.stringValue)
        #expect(id.hasPrefix("AROA") && id.count == 21)
        let encoded = try #require(role["AssumeRolePolicyDocument"]?.stringValue)
        #expect(encoded.hasPrefix("%7B%0A%20%20%22Version%22%3A%20%222012-10-17%22%2C"))
        #expect(encoded.removingPercentEncoding == IAMFixtures.ec2Trust)
        #expect(role["MaxSessionDuration"]?.intValue == 3600)
        let created = try #require(role["CreateDate"]).numberValue
        #expect(created == created.rounded(.down))
    }

    @Test("GetRole, then NoSuchEntity with IAM's message; names are case-insensitive")
    func getAndMissing() async throws {
        let iam = try await IAMHarness.make()
        try await iam.createRole("Web")
        let role = try await iam.call("GetRole", ["RoleName": "web"])
        #expect(role["Role"]?["RoleName"]?.stringValue == "Web")
        #expect(role["Role"]?["RoleLastUsed"] == .object([:]))
        let missing = await iam.error("GetRole", ["RoleName": "nope"])
        #expect(missing?.queryCode == "NoSuchEntity")
        #expect(missing?.message == "The role with name nope cannot be found.")
        #expect(missing?.httpStatus == 404)
        let duplicate = await iam.error("CreateRole", ["RoleName": "WEB", "AssumeRolePolicyDocument": .string(IAMFixtures.ec2Trust)])
        #expect(duplicate?.queryCode == "EntityAlreadyExists")
        #expect(duplicate?.message == "Role with name WEB already exists.")
    }

    @Test("Invalid input: names, paths, session durations, malformed trust policies")
    func validation() async throws {
        let iam = try await IAMHarness.make()
        let badName = await iam.error("CreateRole", ["RoleName": "my role", "AssumeRolePolicyDocument": .string(IAMFixtures.ec2Trust)])
        #expect(badName?.queryCode == "ValidationError")
        #expect(badName?.message == #"1 validation error detected: Value 'my role' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]+"#)
        let badPath = await iam.error("CreateRole", ["RoleName": "r", "Path": "app", "AssumeRolePolicyDocument": .string(IAMFixtures.ec2Trust)])
        #expect(badPath?.queryCode == "ValidationError")
        let longSession = await iam.error("CreateRole", ["RoleName": "r", "MaxSessionDuration": 50000, "AssumeRolePolicyDocument": .string(IAMFixtures.ec2Trust)])
        #expect(longSession?.message.hasSuffix("Member must have value less than or equal to 43200") == true)
        let noPrincipal = await iam.error("CreateRole", ["RoleName": "r", "AssumeRolePolicyDocument": #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}"#])
        #expect(noPrincipal?.queryCode == "MalformedPolicyDocument")
        #expect(noPrincipal?.message == "Missing required field Principal")
        let ghost = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/ghost"},"Action":"sts:AssumeRole"}]}"#
        let invalidPrincipal = await iam.error("CreateRole", ["RoleName": "r", "AssumeRolePolicyDocument": .string(ghost)])
        #expect(invalidPrincipal?.message == #"Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:role/ghost""#)
        try await iam.createRole("ghost")
        try await iam.createRole("r", trust: ghost)
    }

    @Test("ListRoles: sorted, PathPrefix, MaxItems with Marker")
    func list() async throws {
        let iam = try await IAMHarness.make()
        for name in ["delta", "alpha", "charlie", "bravo"] { try await iam.createRole(name) }
        try await iam.createRole("echo", path: "/service/")
        let all = try await iam.call("ListRoles")
        #expect(all["Roles"]?.arrayValue?.compactMap { $0["RoleName"]?.stringValue } == ["alpha", "bravo", "charlie", "delta", "echo"])
        #expect(all["IsTruncated"] == false)
        let service = try await iam.call("ListRoles", ["PathPrefix": "/service/"])
        #expect(service["Roles"]?.arrayValue?.compactMap { $0["RoleName"]?.stringValue } == ["echo"])
        let first = try await iam.call("ListRoles", ["MaxItems": 2])
        #expect(first["Roles"]?.arrayValue?.compactMap { $0["RoleName"]?.stringValue } == ["alpha", "bravo"])
        #expect(first["IsTruncated"] == true)
        let marker = try #require(first["Marker"]?.stringValue)
        let second = try await iam.call("ListRoles", ["MaxItems": 2, "Marker": .string(marker)])
        #expect(second["Roles"]?.arrayValue?.compactMap { $0["RoleName"]?.stringValue } == ["charlie", "delta"])
        let third = try await iam.call("ListRoles", ["MaxItems": 2, "Marker": second["Marker"] ?? .null])
        #expect(third["Roles"]?.arrayValue?.compactMap { $0["RoleName"]?.stringValue } == ["echo"])
        #expect(third["Marker"] == nil)
    }

    @Test("DeleteRole refuses while policies or instance profiles hang off it (DeleteConflict)")
    func deleteConflicts() async throws {
        let iam = try await IAMHarness.make()
        try await iam.createRole("app")
        try await iam.attach("app", IAMFixtures.ssmCore)
        #expect(await iam.error("DeleteRole", ["RoleName": "app"])?.message == "Cannot delete entity, must detach all policies first.")
        try await iam.call("DetachRolePolicy", ["RoleName": "app", "PolicyArn": .string(IAMFixtures.ssmCore)])
        try await iam.putInline("app", "inline", IAMFixtures.readQueues)
        let inline = await iam.error("DeleteRole", ["RoleName": "app"])
        #expect(inline?.queryCode == "DeleteConflict")
        #expect(inline?.message == "Cannot delete entity, must delete policies first.")
        #expect(inline?.httpStatus == 409)
        try await iam.call("DeleteRolePolicy", ["RoleName": "app", "PolicyName": "inline"])
        try await iam.call("CreateInstanceProfile", ["InstanceProfileName": "app"])
        try await iam.call("AddRoleToInstanceProfile", ["InstanceProfileName": "app", "RoleName": "app"])
        #expect(await iam.error("DeleteRole", ["RoleName": "app"])?.message == "Cannot delete entity, must remove roles from instance profile first.")
        try await iam.call("RemoveRoleFromInstanceProfile", ["InstanceProfileName": "app", "RoleName": "app"])
        try await iam.call("DeleteRole", ["RoleName": "app"])
        #expect(await iam.error("GetRole", ["RoleName": "app"])?.queryCode == "NoSuchEntity")
    }

    @Test("UpdateAssumeRolePolicy, UpdateRole, TagRole, UntagRole, ListRoleTags")
    func updatesAndTags() async throws {
        let iam = try await IAMHarness.make()
        try await iam.createRole("fn")
        try await iam.call("UpdateAssumeRolePolicy", ["RoleName": "fn", "PolicyDocument": .string(IAMFixtures.lambdaTrust)])
        let role = try await iam.call("GetRole", ["RoleName": "fn"])
        #expect(role["Role"]?["AssumeRolePolicyDocument"]?.stringValue?.removingPercentEncoding == IAMFixtures.lambdaTrust)
        try await iam.call("UpdateRole", ["RoleName": "fn", "Description": "runs the function", "MaxSessionDuration": 7200])
        try await iam.call("TagRole", ["RoleName": "fn", "Tags": [["Key": "team", "Value": "payments"], ["Key": "env", "Value": "dev"]]])
        try await iam.call("TagRole", ["RoleName": "fn", "Tags": [["Key": "env", "Value": "prod"]]])
        try await iam.call("UntagRole", ["RoleName": "fn", "TagKeys": ["team"]])
        let tags = try await iam.call("ListRoleTags", ["RoleName": "fn"])
        #expect(tags["Tags"] == [["Key": "env", "Value": "prod"]])
        let updated = try await iam.call("GetRole", ["RoleName": "fn"])
        #expect(updated["Role"]?["Description"] == "runs the function")
        #expect(updated["Role"]?["MaxSessionDuration"]?.intValue == 7200)
        #expect(updated["Role"]?["Tags"] == [["Key": "env", "Value": "prod"]])
        let duplicate = await iam.error("TagRole", ["RoleName": "fn", "Tags": [["Key": "a", "Value": "1"], ["Key": "A", "Value": "2"]]])
        #expect(duplicate?.queryCode == "InvalidInput")
    }
}

extension JSONValue {
    var numberValue: Double { if case .number(let value) = self { value } else { .nan } }
}
