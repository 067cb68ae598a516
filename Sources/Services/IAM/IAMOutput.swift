import EmulatorKit
import JSON

/// IAM's output shapes, built from the entities. Times go out as epoch seconds (the wire
/// layer writes ISO 8601); policy documents go out URL-encoded as IAM sends them (RFC 3986),
/// which the aws CLI and boto3 decode back into JSON.
enum IAMOutput {
    private static let hex = Array("0123456789ABCDEF")

    static func encodeDocument(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count * 2)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result.append("%")
                result.append(hex[Int(byte >> 4)])
                result.append(hex[Int(byte & 0x0F)])
            }
        }
        return result
    }

    static func tags(_ tags: [IAMTag]) -> JSONValue {
        .array(tags.map { ["Key": .string($0.key), "Value": .string($0.value)] })
    }

    /// `detail` adds what only GetRole returns (tags, last use).
    static func role(_ role: IAMRole, detail: Bool = false) -> JSONValue {
        var fields: [String: JSONValue] = [
            "Path": .string(role.path),
            "RoleName": .string(role.name),
            "RoleId": .string(role.id),
            "Arn": .string(role.arn),
            "CreateDate": .number(role.createdAt),
            "AssumeRolePolicyDocument": .string(encodeDocument(role.trustPolicy)),
            "MaxSessionDuration": .number(Double(role.maxSessionDuration)),
        ]
        if let description = role.roleDescription { fields["Description"] = .string(description) }
        if detail {
            if !role.tags.isEmpty { fields["Tags"] = tags(role.tags) }
            fields["RoleLastUsed"] = .object([:])
        }
        return .object(fields)
    }

    /// `detail` adds the description and tags GetPolicy returns and ListPolicies leaves out.
    static func policy(_ policy: IAMManagedPolicy, attachmentCount: Int, detail: Bool) -> JSONValue {
        var fields: [String: JSONValue] = [
            "PolicyName": .string(policy.name),
            "PolicyId": .string(policy.id),
            "Arn": .string(policy.arn),
            "Path": .string(policy.path),
            "DefaultVersionId": .string(policy.defaultVersionId),
            "AttachmentCount": .number(Double(attachmentCount)),
            "PermissionsBoundaryUsageCount": 0,
            "IsAttachable": true,
            "CreateDate": .number(policy.createdAt),
            "UpdateDate": .number(policy.updatedAt),
        ]
        if detail {
            if let description = policy.policyDescription { fields["Description"] = .string(description) }
            if !policy.tags.isEmpty { fields["Tags"] = tags(policy.tags) }
        }
        return .object(fields)
    }

    static func version(_ version: IAMPolicyVersion, defaultId: String, withDocument: Bool) -> JSONValue {
        var fields: [String: JSONValue] = [
            "VersionId": .string(version.versionId),
            "IsDefaultVersion": .bool(version.versionId == defaultId),
            "CreateDate": .number(version.createdAt),
        ]
        if withDocument { fields["Document"] = .string(encodeDocument(version.document)) }
        return .object(fields)
    }

    static func instanceProfile(_ profile: IAMInstanceProfile, roles: [IAMRole]) -> JSONValue {
        var fields: [String: JSONValue] = [
            "Path": .string(profile.path),
            "InstanceProfileName": .string(profile.name),
            "InstanceProfileId": .string(profile.id),
            "Arn": .string(profile.arn),
            "CreateDate": .number(profile.createdAt),
            "Roles": .array(roles.map { role($0) }),
        ]
        if !profile.tags.isEmpty { fields["Tags"] = tags(profile.tags) }
        return .object(fields)
    }

    static func user(_ user: IAMUser, detail: Bool = false) -> JSONValue {
        var fields: [String: JSONValue] = [
            "Path": .string(user.path),
            "UserName": .string(user.name),
            "UserId": .string(user.id),
            "Arn": .string(user.arn),
            "CreateDate": .number(user.createdAt),
        ]
        if detail, !user.tags.isEmpty { fields["Tags"] = tags(user.tags) }
        return .object(fields)
    }

    static func attached(_ arns: [String], name: (String) -> String) -> JSONValue {
        .array(arns.map { ["PolicyName": .string(name($0)), "PolicyArn": .string($0)] })
    }
}
