import JMESPath
import JSON
import Testing

@Suite("JMESPath errors")
struct ErrorTests {
    private func compileError(_ expression: String) -> JMESPathError? {
        #expect(throws: JMESPathError.self) { try JMESPathExpression(expression) }
    }

    @Test(arguments: [
        ("foo.", 4),             // nothing after the dot
        ("foo[?a==]", 8),        // the ']' where the right operand should be
        (".foo", 0),
        ("foo..bar", 4),
        ("foo[abc]", 4),
        ("foo[?bar==baz?]", 13), // a lone '?'
        ("foo[ ?a]", 5),         // '[?' must not be split
        ("a{foo: bar}", 1),
        ("foo.bar baz", 8),
        ("\"foo", 0),            // unterminated: points at the opening quote
        ("foo = bar", 4),
        ("[1:2:3:4]", 6),
        ("sort_by(@, &)", 12),
    ] as [(String, Int)])
    func syntaxErrorOffsets(expression: String, offset: Int) {
        let error = compileError(expression)
        #expect(error?.kind == .syntax)
        #expect(error?.offset == offset, "\(error?.description ?? "no error")")
    }

    @Test func messageNamesWhatWasFound() {
        #expect(compileError("foo.")?.message == "expected an identifier, '*', '[' or '{' after '.', found end of expression")
        #expect(compileError("foo[?a==]")?.message == "expected an expression, found ']'")
        #expect(compileError("foo.")?.description == "syntax error at offset 4: expected an identifier, '*', '[' or '{' after '.', found end of expression")
    }

    /// Offsets count Characters, so a linter's column matches what an editor shows.
    @Test func offsetsCountCharactersNotScalarsOrBytes() {
        // "e" + combining acute is one Character but two scalars; "✓" is three UTF-8 bytes.
        #expect(compileError("\"e\u{301}\".")?.offset == 4)
        #expect(compileError("'✓✓'.")?.offset == 5)
    }

    @Test func unknownFunctionIsACompileError() {
        let error = compileError("people | sort_by_name(@)")
        #expect(error == JMESPathError(kind: .unknownFunction, message: "unknown function sort_by_name()", offset: 9))
    }

    @Test func arityIsCheckedAtCompileTime() {
        #expect(compileError("abs(@, @)") == JMESPathError(kind: .invalidArity, message: "abs() takes 1 argument, got 2", offset: 0))
        #expect(compileError("x.merge()")?.message == "merge() takes at least 1 argument, got 0")
        #expect(compileError("x.merge()")?.offset == 2)
    }

    @Test func typeErrorsAreRaisedAtRuntimeWithTheCallOffset() throws {
        let expression = try JMESPathExpression("sum(@) || abs(name)")
        let error = #expect(throws: JMESPathError.self) { try expression.search(["name": "x"]) }
        #expect(error?.kind == .invalidType)
        #expect(error?.offset == 0)
        #expect(error?.message == "sum() expects argument 1 to be an array of numbers, got object")
    }

    @Test func expressionArgumentTypeIsChecked() throws {
        let error = #expect(throws: JMESPathError.self) { try JMESPathExpression("sort_by(@, name)").search([]) }
        #expect(error?.message == "sort_by() expects argument 2 to be an expression (&...), got null")
    }

    @Test func zeroSliceStepIsAnInvalidValue() throws {
        let error = #expect(throws: JMESPathError.self) { try JMESPathExpression("[::0]").search([1, 2]) }
        #expect(error?.kind == .invalidValue)
    }

    @Test func expressionReferencesOnlyAsFunctionArguments() {
        #expect(compileError("&foo")?.kind == .syntax)
        #expect(compileError("[&foo]")?.offset == 1)
    }

    @Test func quotedFunctionNamesAreRejected() {
        #expect(compileError("\"abs\"(@)")?.kind == .syntax)
    }

    @Test func hostileNestingFailsCleanly() {
        let deep = String(repeating: "(", count: 5_000) + "a" + String(repeating: ")", count: 5_000)
        #expect(compileError(deep)?.kind == .syntax)
        let nested = String(repeating: "!", count: 5_000) + "a"
        #expect(compileError(nested)?.kind == .syntax)
        let fine = String(repeating: "(", count: 50) + "a" + String(repeating: ")", count: 50)
        #expect(throws: Never.self) { try JMESPathExpression(fine) }
    }
}

@Suite("Deep expressions")
struct DeepExpressionTests {
    /// How each level of test data nests, so evaluation really walks the whole tree.
    enum Nesting: Sendable {
        case object, array, objectOfArray, none

        func wrap(_ value: JSONValue) -> JSONValue {
            switch self {
            case .object: ["a": value]
            case .array: [value]
            case .objectOfArray: ["a": [value]]
            case .none: ["a": false]
            }
        }
    }

    @Test(arguments: [
        (".a", Nesting.object), ("|a", .object), (" || a", .none), (" && a", .none),
        ("[0]", .array), ("[*].a", .objectOfArray), ("[].a", .objectOfArray), ("[?a].a", .objectOfArray),
        (".{a: a}.a", .object), (".[a][0]", .object),
    ] as [(String, Nesting)])
    func longChainsFailCleanlyOrEvaluate(unit: String, nesting: Nesting) throws {
        func chain(_ count: Int) -> String { "a" + String(repeating: unit, count: count) }
        #expect(throws: JMESPathError.self) { try JMESPathExpression(chain(20_000)) }
        // Binary-search the longest accepted chain; it must evaluate without exhausting the stack.
        // Each level costs at least one unit of Parser.maximumDepth (512), so 1,000 is rejected.
        var (accepted, rejected) = (1, 1_000)
        while rejected - accepted > 1 {
            let middle = (accepted + rejected) / 2
            if (try? JMESPathExpression(chain(middle))) != nil { accepted = middle } else { rejected = middle }
        }
        let count = accepted
        let expression = try JMESPathExpression(chain(count))
        var data: JSONValue = ["a": 1]
        for _ in 0...count { data = nesting.wrap(data) }
        _ = try expression.search(data)
        #expect(count >= 50, "moderately long chains are accepted")
    }
}
