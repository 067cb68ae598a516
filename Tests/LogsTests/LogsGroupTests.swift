import Foundation
import JSON
import Testing
import EmulatorKit
@testable import Logs

@Suite("Logs groups")
struct LogsGroupTests {
    @Test("Create, describe with the fields the CLI shows, delete")
    func lifecycle() async throws {
        let h = try await LogsHarness.make()
        try await h.createGroup("/aws/lambda/orders", ["kmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/k1",
                                                      "tags": ["team": "payments"]])
        let described = try await h.call("DescribeLogGroups", [:])
        let group = try #require(described["logGroups"]?.arrayValue?.first)
        #expect(group["logGroupName"] == "/aws/lambda/orders")
        #expect(group["arn"] == "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders:*")
        #expect(group["logGroupArn"] == "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders")
        #expect(group["metricFilterCount"] == 0)
        #expect(group["storedBytes"] == 0)
        #expect(group["kmsKeyId"] == "arn:aws:kms:us-east-1:123456789012:key/k1")
        #expect(group["logGroupClass"] == "STANDARD")
        #expect(group["retentionInDays"] == nil)
        let created = try #require(group["creationTime"]?.intValue)
        #expect(abs(Int64(created) - h.now) < 5_000)
        #expect(described["nextToken"] == nil)

        let tags = try await h.call("ListTagsLogGroup", ["logGroupName": "/aws/lambda/orders"])
        #expect(tags["tags"] == ["team": "payments"])

        let again = await h.error("CreateLogGroup", ["logGroupName": "/aws/lambda/orders"])
        #expect(again?.code == "ResourceAlreadyExistsException")
        #expect(again?.message == "The specified log group already exists")

        try await h.call("DeleteLogGroup", ["logGroupName": "/aws/lambda/orders"])
        #expect(try await h.call("DescribeLogGroups", [:])["logGroups"] == [])
        let missing = await h.error("DeleteLogGroup", ["logGroupName": "/aws/lambda/orders"])
        #expect(missing?.code == "ResourceNotFoundException")
        #expect(missing?.message == "The specified log group does not exist.")
        #expect(missing?.httpStatus == 400)
    }

    @Test("Names are checked as AWS checks them")
    func nameValidation() async throws {
        let h = try await LogsHarness.make()
        let spaced = await h.error("CreateLogGroup", ["logGroupName": "my group"])
        #expect(spaced?.code == "InvalidParameterException")
        #expect(spaced?.message == #"1 validation error detected: Value 'my group' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\.\-_/#A-Za-z0-9]+"#)
        let long = await h.error("CreateLogGroup", ["logGroupName": .string(String(repeating: "a", count: 513))])
        #expect(long?.message == "Invalid LogGroup or LogStream, both must have length less than or equal to 512.")
        let empty = await h.error("DescribeLogGroups", ["logGroupNamePrefix": ""])
        #expect(empty?.message.hasPrefix("2 validation errors detected: Value '' at 'logGroupNamePrefix'") == true)
        let badClass = await h.error("CreateLogGroup", ["logGroupName": "g", "logGroupClass": "COLD"])
        #expect(badClass?.message == "1 validation error detected: Value 'COLD' at 'logGroupClass' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, INFREQUENT_ACCESS, DELIVERY]")
    }

    @Test("Describe by prefix, by pattern (case-insensitive), and page through more groups than a page holds")
    func describeFilteringAndPagination() async throws {
        let h = try await LogsHarness.make()
        for i in 0..<7 { try await h.createGroup("/app/service-\(i)") }
        try await h.createGroup("/other/Service-X")

        let prefixed = try await h.call("DescribeLogGroups", ["logGroupNamePrefix": "/app/"])
        #expect(prefixed["logGroups"]?.arrayValue?.count == 7)
        let patterned = try await h.call("DescribeLogGroups", ["logGroupNamePattern": "service-x"])
        #expect(patterned["logGroups"]?.arrayValue?.compactMap { $0["logGroupName"]?.stringValue } == ["/other/Service-X"])
        let both = await h.error("DescribeLogGroups", ["logGroupNamePrefix": "/app", "logGroupNamePattern": "x"])
        #expect(both?.message == "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.")

        var names: [String] = []
        var token: JSONValue?
        var pages = 0
        repeat {
            var input: [String: JSONValue] = ["logGroupNamePrefix": "/app/", "limit": 3]
            if let token { input["nextToken"] = token }
            let page = try await h.call("DescribeLogGroups", .object(input))
            names += page["logGroups"]?.arrayValue?.compactMap { $0["logGroupName"]?.stringValue } ?? []
            token = page["nextToken"]
            pages += 1
        } while token != nil && pages < 10
        #expect(pages == 3)
        #expect(names == (0..<7).map { "/app/service-\($0)" })

        let badLimit = await h.error("DescribeLogGroups", ["limit": 51])
        #expect(badLimit?.message == "1 validation error detected: Value '51' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50")
        let badToken = await h.error("DescribeLogGroups", ["nextToken": "nope"])
        #expect(badToken?.message == "The specified nextToken is invalid.")
    }

    @Test("Retention accepts only AWS's values and is shown once set")
    func retentionPolicy() async throws {
        let h = try await LogsHarness.make()
        try await h.createGroup("g")
        let invalid = await h.error("PutRetentionPolicy", ["logGroupName": "g", "retentionInDays": 2])
        #expect(invalid?.code == "InvalidParameterException")
        #expect(invalid?.message == "1 validation error detected: Value '2' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]")
        try await h.call("PutRetentionPolicy", ["logGroupName": "g", "retentionInDays": 7])
        #expect(try await h.call("DescribeLogGroups", [:])["logGroups"]?.arrayValue?.first?["retentionInDays"] == 7)
        try await h.call("DeleteRetentionPolicy", ["logGroupName": "g"])
        #expect(try await h.call("DescribeLogGroups", [:])["logGroups"]?.arrayValue?.first?["retentionInDays"] == nil)
        let missing = await h.error("PutRetentionPolicy", ["logGroupName": "nope", "retentionInDays": 7])
        #expect(missing?.message == "The specified log group does not exist.")
    }

    @Test("Tags through both APIs, by ARN with or without :*")
    func tagging() async throws {
        let h = try await LogsHarness.make()
        try await h.createGroup("g", ["tags": ["env": "testing1"]])
        let arn = "arn:aws:logs:us-east-1:123456789012:log-group:g"
        try await h.call("TagResource", ["resourceArn": .string(arn), "tags": ["test1": "val1", "test2": "val2"]])
        try await h.call("TagLogGroup", ["logGroupName": "g", "tags": ["test3": "val3"]])
        #expect(try await h.call("ListTagsForResource", ["resourceArn": .string(arn + ":*")])["tags"]
            == ["env": "testing1", "test1": "val1", "test2": "val2", "test3": "val3"])
        try await h.call("UntagResource", ["resourceArn": .string(arn), "tagKeys": ["env", "test1"]])
        try await h.call("UntagLogGroup", ["logGroupName": "g", "tags": ["test3"]])
        #expect(try await h.call("ListTagsLogGroup", ["logGroupName": "g"])["tags"] == ["test2": "val2"])

        let many = JSONValue.object(Dictionary(uniqueKeysWithValues: (0..<50).map { ("k\($0)", JSONValue.string("v")) }))
        let tooMany = await h.error("TagResource", ["resourceArn": .string(arn), "tags": many])
        #expect(tooMany?.code == "TooManyTagsException")
        let unknown = await h.error("ListTagsForResource", ["resourceArn": "arn:aws:logs:us-east-1:123456789012:log-group:nope"])
        #expect(unknown?.code == "ResourceNotFoundException")
    }
}
