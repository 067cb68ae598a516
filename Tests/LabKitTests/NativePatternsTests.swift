@testable import LabKit
import Testing

/// The hand-written matchers agree with the regular expressions they replace.
@Suite struct NativePatternsTests {
    @Test(arguments: [("sqs-dlq", true), ("a", true), ("iam-roles-2", true), ("s3", true),
                      ("", false), ("-sqs", false), ("sqs-", false), ("sqs--dlq", false), ("SQS", false),
                      ("sqs_dlq", false), ("sqs dlq", false), ("ｓｑｓ", false)])
    func identifiers(text: String, valid: Bool) {
        #expect(NativePatterns.isIdentifier(text) == valid)
    }

    @Test(arguments: [("en", true), ("ja", true), ("EN", false), ("eng", false), ("e", false), ("e1", false)])
    func languageCodes(text: String, valid: Bool) {
        #expect(NativePatterns.isLanguageCode(text) == valid)
    }

    @Test(arguments: [("<!-- id: to-dlq -->", "to-dlq"), ("<!--id:x-->", "x"), ("<!--  id:   send-2  -->", "send-2"),
                      ("<!-- id: Bad -->", nil), ("<!-- note -->", nil), ("<!-- id: -->", nil), ("<b>", nil)])
    func stepIdComments(html: String, id: String?) {
        #expect(NativePatterns.stepIdComment(html) == id)
    }

    @Test(arguments: [("<summary>Hint</summary>", "Hint"), ("<b>a</b> < b", "a < b"), ("a <> b", "a <> b"),
                      ("x < y", "x < y"), ("<i>solution</i>", "solution")])
    func tagsRemoved(html: String, text: String) {
        #expect(NativePatterns.removingTags(html) == text)
    }
}
