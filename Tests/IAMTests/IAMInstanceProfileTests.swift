import Foundation
import JSON
import Testing
import EmulatorKit
@testable import IAM

@Suite("IAM instance profiles and users")
struct IAMInstanceProfileTests {
    @Test("Instance profiles hold one role; Get, List, ListForRole, Remove, Delete")
    func instanceProfiles() async throws {
        let iam = try await IAMHarness.make()
        try await iam.createRole("web")
        try await iam.createRole("batch")
        let created = try await iam.call("CreateInstanceProfile", ["InstanceProfileName": "web-profile", "Path": "/ec2/"])
        #expect(created["InstanceProfile"]?["Arn"] == "arn:aws:iam::123456789012:instance-profile/ec2/web-profile")
        #expect(created["InstanceProfile"]?["InstanceProfileId"]?.stringValue?.hasPrefix("AIPA") == true)
        #expect(created["InstanceProfile"]?["Roles"] == [])
        #expect(await iam.error("CreateInstanceProfile", ["InstanceProfileName": "web-profile"])?.queryCode == "EntityAlreadyExists")
        try await iam.call("AddRoleToInstanceProfile", ["InstanceProfileName": "web-profile", "RoleName": "web"])
        let second = await iam.error("AddRoleToInstanceProfile", ["InstanceProfileName": "web-profile", "RoleName": "batch"])
        #expect(second?.queryCode == "LimitExceeded")
        #expect(second?.message == "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1")
        let fetched = try await iam.call("GetInstanceProfile", ["InstanceProfileName": "web-profile"])
        #expect(fetched["InstanceProfile"]?["Roles"]?.arrayValue?.first?["RoleName"] == "web")
        let forRole = try await iam.call("ListInstanceProfilesForRole", ["RoleName": "web"])
        #expect(forRole["InstanceProfiles"]?.arrayValue?.compactMap { $0["InstanceProfileName"]?.stringValue } == ["web-profile"])
        #expect(try await iam.call("ListInstanceProfilesForRole", ["RoleName": "batch"])["InstanceProfiles"] == [])
        try await iam.call("CreateInstanceProfile", ["InstanceProfileName": "other"])
        let all = try await iam.call("ListInstanceProfiles")
        #expect(all["InstanceProfiles"]?.arrayValue?.compactMap { $0["InstanceProfileName"]?.stringValue } == ["other", "web-profile"])
        let busy = await iam.error("DeleteInstanceProfile", ["InstanceProfileName": "web-profile"])
        #expect(busy?.message == "Cannot delete entity, must remove roles from instance profile first.")
        try await iam.call("RemoveRoleFromInstanceProfile", ["InstanceProfileName": "web-profile", "RoleName": "web"])
        try await iam.call("DeleteInstanceProfile", ["InstanceProfileName": "web-profile"])
        let missing = await iam.error("GetInstanceProfile", ["InstanceProfileName": "web-profile"])
        #expect(missing?.message == "Instance Profile web-profile cannot be found.")
    }

    @Test("Users: create, get, list, attach policies, delete refused until detached")
    func users() async throws {
        let iam = try await IAMHarness.make()
        let created = try await iam.call("CreateUser", ["UserName": "alice", "Tags": [["Key": "team", "Value": "ops"]]])
        #expect(created["User"]?["Arn"] == "arn:aws:iam::123456789012:user/alice")
        #expect(created["User"]?["UserId"]?.stringValue?.hasPrefix("AIDA") == true)
        try await iam.call("CreateUser", ["UserName": "bob", "Path": "/dev/"])
        #expect(await iam.error("CreateUser", ["UserName": "Alice"])?.message == "User with name Alice already exists.")
        #expect(try await iam.call("GetUser", ["UserName": "bob"])["User"]?["Path"] == "/dev/")
        #expect(await iam.error("GetUser", ["UserName": "carol"])?.message == "The user with name carol cannot be found.")
        let listed = try await iam.call("ListUsers")
        #expect(listed["Users"]?.arrayValue?.compactMap { $0["UserName"]?.stringValue } == ["alice", "bob"])
        try await iam.call("AttachUserPolicy", ["UserName": "alice", "PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"])
        let attached = try await iam.call("ListAttachedUserPolicies", ["UserName": "alice"])
        #expect(attached["AttachedPolicies"] == [["PolicyName": "ReadOnlyAccess", "PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"]])
        #expect(await iam.error("DeleteUser", ["UserName": "alice"])?.queryCode == "DeleteConflict")
        try await iam.call("DetachUserPolicy", ["UserName": "alice", "PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"])
        try await iam.call("DeleteUser", ["UserName": "alice"])
        let me = try await iam.call("GetUser")
        #expect(me["User"]?["Arn"] == "arn:aws:iam::123456789012:root")
    }
}
