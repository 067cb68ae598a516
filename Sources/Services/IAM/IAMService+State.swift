import EmulatorKit
import Foundation
import JSON

/// IAM's and STS's parts of `/_handson/state` (documented in docs/state.md): policy
/// documents decoded into JSON so checks can query into them.
extension IAMService {
    public func state() -> JSONValue {
        let sortedRoles = roles.values.sorted { ($0.account, $0.key) < ($1.account, $1.key) }
        let roleStates: [JSONValue] = sortedRoles.map { role in
            var fields: [String: JSONValue] = [
                "name": .string(role.name),
                "arn": .string(role.arn),
                "id": .string(role.id),
                "path": .string(role.path),
                "account": .string(role.account),
                "createDate": .string(Self.date(role.createdAt)),
                "maxSessionDuration": .number(Double(role.maxSessionDuration)),
                "trustPolicy": Self.decoded(role.trustPolicy),
                "attachedPolicies": .array(role.attachedPolicies.map { arn in
                    ["name": .string(managedPolicy(arn: arn)?.name ?? IAMArn(arn)?.name ?? arn), "arn": .string(arn)]
                }),
                "inlinePolicies": .object(role.inlinePolicies.mapValues(Self.decoded)),
                "tags": Self.tagMap(role.tags),
                "instanceProfiles": .array(instanceProfiles.values
                    .filter { $0.account == role.account && $0.roles.contains { $0.lowercased() == role.key } }
                    .map(\.name).sorted().map(JSONValue.string)),
            ]
            if let description = role.roleDescription { fields["description"] = .string(description) }
            return .object(fields)
        }
        let policyStates: [JSONValue] = policies.values.sorted { ($0.account, $0.name) < ($1.account, $1.name) }.map { policy in
            var fields: [String: JSONValue] = [
                "name": .string(policy.name),
                "arn": .string(policy.arn),
                "id": .string(policy.id),
                "path": .string(policy.path),
                "defaultVersionId": .string(policy.defaultVersionId),
                "document": Self.decoded(policy.defaultDocument),
                "versions": .array(policy.versions.map { .string($0.versionId) }),
                "attachmentCount": .number(Double(attachmentCount(policy.arn))),
                "tags": Self.tagMap(policy.tags),
            ]
            if let description = policy.policyDescription { fields["description"] = .string(description) }
            return .object(fields)
        }
        let profileStates: [JSONValue] = instanceProfiles.values.sorted { ($0.account, $0.key) < ($1.account, $1.key) }.map { profile in
            [
                "name": .string(profile.name),
                "arn": .string(profile.arn),
                "path": .string(profile.path),
                "roles": .array(profile.roles.map(JSONValue.string)),
                "tags": Self.tagMap(profile.tags),
            ]
        }
        let userStates: [JSONValue] = users.values.sorted { ($0.account, $0.key) < ($1.account, $1.key) }.map { user in
            [
                "name": .string(user.name),
                "arn": .string(user.arn),
                "path": .string(user.path),
                "attachedPolicies": .array(user.attachedPolicies.map { arn in
                    ["name": .string(managedPolicy(arn: arn)?.name ?? arn), "arn": .string(arn)]
                }),
                "tags": Self.tagMap(user.tags),
            ]
        }
        return [
            "roles": .array(roleStates),
            "policies": .array(policyStates),
            "instanceProfiles": .array(profileStates),
            "users": .array(userStates),
        ]
    }

    /// The `sts` section: the sessions AssumeRole created, oldest first.
    func stsState() -> JSONValue {
        let now = clock.now.timeIntervalSince1970
        let list: [JSONValue] = sessions.values.sorted { ($0.createdAt, $0.accessKeyId) < ($1.createdAt, $1.accessKeyId) }.map { session in
            [
                "accessKeyId": .string(session.accessKeyId),
                "arn": .string(session.assumedRoleArn),
                "assumedRoleId": .string(session.assumedRoleId),
                "roleArn": .string(session.roleArn),
                "roleName": .string(session.roleName),
                "sessionName": .string(session.sessionName),
                "sourceArn": .string(session.sourceArn),
                "expiration": .string(Self.date(session.expiresAt)),
                "expired": .bool(session.expiresAt <= now),
            ]
        }
        return ["sessions": .array(list)]
    }

    static func decoded(_ text: String) -> JSONValue {
        (try? JSONValue(jsonString: text)) ?? .string(text)
    }

    static func tagMap(_ tags: [IAMTag]) -> JSONValue {
        .object(Dictionary(tags.map { ($0.key, JSONValue.string($0.value)) }, uniquingKeysWith: { _, last in last }))
    }

    static func date(_ seconds: Double) -> String {
        Date(timeIntervalSince1970: seconds).formatted(Date.ISO8601FormatStyle())
    }
}
