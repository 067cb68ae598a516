import Foundation
import JSON
import Testing
@testable import LabKit

@Suite struct LabParserTests {
    static func fixture(_ name: String) throws -> (text: String, path: String) {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "md"))
        return (try String(contentsOf: url, encoding: .utf8), url.path)
    }

    /// Found by fuzzing: cmark counts a bare CR as a line break and the parser's lines do not, so a
    /// block's line could lie past the last line the parser has; cutting a hint's text there trapped.
    @Test func bareCarriageReturnsEndInDiagnosticsNotATrap() {
        let result = LabParser.parse("# Lab\r\r\r\r\n## Step\n<details><summary>Hint</summary>\n\n</details>", file: "cr.md")
        #expect(result.diagnostics.contains { $0.severity == .error })
    }

    @Test func parsesAGoodLabIntoStepsWithTheirParts() throws {
        let (text, _) = try Self.fixture("good")
        let result = LabParser.parse(text, file: "good.md")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let lab = try #require(result.lab)
        #expect(lab.metadata == LabMetadata(id: "good", title: "A small, correct lab", services: ["sqs"],
                                            level: .beginner, minutes: 5, lang: "en", format: 1))
        #expect(lab.introduction.hasPrefix("# A small, correct lab"))
        #expect(lab.steps.map(\.id) == ["create", "quiz-time"])
        #expect(lab.steps.map(\.title) == ["Create the queue", "Quiz time"])

        let create = lab.steps[0]
        #expect(create.location == SourceLocation(file: "good.md", line: 15, column: 1))
        #expect(create.commands.map(\.source) == ["aws sqs create-queue --queue-name orders\n",
                                                  "aws sqs create-queue --queue-name orders\n"])
        #expect(create.commands.map(\.inSolution) == [false, true])
        #expect(create.files.map(\.path) == ["handler.py", "fixed.py"])
        #expect(create.files.map(\.inSolution) == [false, true])
        #expect(create.files.map(\.executable) == [false, true])
        #expect(create.hints.map(\.markdown) == ["Look at `aws sqs help`.", "The command is `create-queue`."])
        #expect(create.solutionMarkdown?.contains("create-queue") == true)
        #expect(create.checks.count == 2)
        #expect(create.checks[0].subject == .query("length(sqs.queues[?name=='orders'])"))
        #expect(create.checks[0].expectations == [.equals(1)])
        #expect(create.checks[0].location.line == 29)
        #expect(create.checks[1].subject == .run(command: "aws sqs get-queue-url --queue-name orders --query QueueUrl --output text",
                                                 timeoutSeconds: 5, exitCode: 0))
        #expect(create.checks[1].expectations == [.matches("/orders$")])

        let quiz = lab.steps[1]
        #expect(quiz.checks.first?.subject == .answer(.number))
        #expect(quiz.commands.isEmpty, "a {norun} block is not a command")
        guard case .memory(let plan)? = quiz.explanations.first?.kind else {
            Issue.record("expected a memory explanation")
            return
        }
        #expect(plan.theoreticalRecords == 10_324_440)
    }

    @Test func reportsEveryProblemOfABrokenLabWithItsPosition() throws {
        let (text, _) = try Self.fixture("broken")
        let result = LabParser.parse(text, file: "broken.md")
        let found = Set(result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.severity.rawValue) \($0.message.prefix(28))" })
        let expected: Set<String> = [
            "2:5 error id 'Broken_Lab' must be lowe",
            "4:17 error unknown service 'dynamo'; ex",
            "5:8 error level 'expert' is not one of",
            "6:10 error 'minutes' must be a positive",
            "9:1 error unknown front matter key 'co",
            "12:1 warning step 1 'Create a queue' has ",
            "16:38 error invalid JMESPath query: expe",
            "18:3 error an assertion needs a 'name' ",
            "20:3 error an assertion needs an expect",
            "24:12 error invalid regular expression '",
            "27:1 error this hint is empty; write th",
            "31:1 error duplicate step id 'create-a-",
            "31:1 warning step 2 'Create a queue' has ",
            "34:1 error a check block must be a YAML",
            "37:1 error unknown explain kind 'memori",
            "41:1 warning step 3 'Size it' has no chec",
            "44:8 error 'lots' is not a memory size;",
            "45:9 error field Name: unknown type 'st",
            "49:3 error an assertion needs a subject",
            "50:3 error unknown assertion key 'querr",
            "54:1 error file path '../escape.py' may",
        ]
        #expect(found.subtracting(expected).isEmpty, "unexpected: \(found.subtracting(expected).sorted())")
        #expect(expected.subtracting(found).isEmpty, "missing: \(expected.subtracting(found).sorted())")
        #expect(result.lab == nil, "front matter errors leave no usable lab")
        #expect(result.diagnostics.allSatisfy { $0.location.file == "broken.md" })
        #expect(result.diagnostics.first?.description.hasPrefix("broken.md:2:5: error: ") == true)
    }

    @Test func explainNumbersBeyondTheModelAreDiagnosedAtTheirLine() throws {
        let text = try String(contentsOf: Bundle.module.url(forResource: "good", withExtension: "md", subdirectory: "Fixtures")!,
                              encoding: .utf8)
            .replacingOccurrences(of: "record: ID:int64, Name:string(20), Age:int64",
                                  with: "record: ID:int64, Name:string(9223372036854775807), Tags:[]int64*2000000000000000000")
        let result = LabParser.parse(text, file: "good.md")
        let problem = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(problem.location.line == 72, "\(problem)")
        #expect(problem.message.contains("more than handson models"), "\(problem)")
    }

    static let attemptsLab = """
        ---
        id: tries
        title: Tries
        services: [sqs]
        level: beginner
        minutes: 5
        lang: en
        format: 1
        ---

        # Tries

        ## One <!-- id: one -->

        ```sh
        aws sqs create-queue --queue-name a
        ```

        ```yaml {check}
        - name: a exists
          query: length(sqs.queues[?name=='a'])
          equals: 1
        ```

        <details><summary>Common mistake: the name b</summary>

        Names are exact.

        <!-- caught-by: a exists -->

        ```sh
        aws sqs create-queue --queue-name b
        ```

        </details>

        <details><summary>Another way: boto3</summary>

        ```python {run}
        import boto3
        boto3.client("sqs").create_queue(QueueName="a")
        ```

        ```text {file=note.txt}
        x
        ```

        </details>

        """

    @Test func mistakesAndOtherWaysKeepTheirOwnCommandsAndFiles() throws {
        let result = LabParser.parse(Self.attemptsLab, file: "tries.md")
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let step = try #require(result.lab?.steps.first)
        #expect(step.commands.map(\.source) == ["aws sqs create-queue --queue-name a\n"])
        #expect(step.files.isEmpty)
        #expect(step.mistakes.map(\.title) == ["the name b"])
        #expect(step.mistakes.first?.caughtBy == "a exists")
        #expect(step.mistakes.first?.markdown.contains("caught-by") == false)
        #expect(step.mistakes.first?.commands.map(\.source) == ["aws sqs create-queue --queue-name b\n"])
        #expect(step.alternatives.map(\.title) == ["boto3"])
        #expect(step.alternatives.first?.commands.first?.interpreter == .python3)
        #expect(step.alternatives.first?.files.map(\.path) == ["note.txt"])
    }

    @Test func badMistakeBlocksAreDiagnosed() {
        let unknown = Self.attemptsLab.replacingOccurrences(of: "caught-by: a exists", with: "caught-by: no such check")
        #expect(LabParser.parse(unknown, file: "tries.md").diagnostics.contains { $0.message.contains("not one of this step's assertions") })
        let empty = Self.attemptsLab.replacingOccurrences(of: "```sh\naws sqs create-queue --queue-name b\n```", with: "")
        #expect(LabParser.parse(empty, file: "tries.md").diagnostics.contains { $0.message.contains("has no commands or files") })
        let untitled = Self.attemptsLab.replacingOccurrences(of: "Common mistake: the name b", with: "Common mistake")
        #expect(LabParser.parse(untitled, file: "tries.md").diagnostics.contains { $0.message.contains("name the mistake") })
        let check = Self.attemptsLab.replacingOccurrences(of: "Names are exact.", with: "```yaml {check}\n- name: x\n  query: a\n  equals: 1\n```")
        #expect(LabParser.parse(check, file: "tries.md").diagnostics.contains { $0.message.contains("a check belongs to the step") })
    }

    @Test func missingFrontMatterIsAnErrorAtTheFirstLine() {
        let result = LabParser.parse("## Step\n\ntext\n", file: "x.md")
        #expect(result.lab == nil)
        #expect(result.diagnostics.contains { $0.severity == .error && $0.location.line == 1 && $0.message.contains("front matter") })
    }

    @Test func unterminatedFrontMatterAndEmptyInputDoNotCrash() {
        #expect(LabParser.parse("---\nid: x\n", file: "x.md").diagnostics.contains { $0.message.contains("never closed") })
        #expect(LabParser.parse("", file: "x.md").diagnostics.hasErrors)
        #expect(LabParser.parse("---\n---\n", file: "x.md").diagnostics.contains { $0.message.contains("empty") })
        #expect(LabParser.parse("---\n[unclosed\n---\n", file: "x.md").diagnostics.contains { $0.message.hasPrefix("invalid YAML") })
    }

    @Test func missingKeysAreEachReported() {
        let result = LabParser.parse("---\nid: x\n---\n", file: "x.md")
        let missing = result.diagnostics.filter { $0.message.hasPrefix("missing required") }.map(\.message)
        #expect(missing.count == 6)
    }

    @Test func fileNameMustMatchTheId() {
        let text = "---\nid: right\ntitle: T\nservices: []\nlevel: beginner\nminutes: 1\nlang: en\nformat: 1\n---\n"
        #expect(LabParser.parse(text, file: "labs/wrong.md").diagnostics.contains { $0.message.contains("named 'wrong.md'") })
        #expect(LabParser.parse(text, file: "labs/right.ja.md").diagnostics.contains { $0.message.contains("language 'ja'") })
        #expect(!LabParser.parse(text, file: "labs/right.md").diagnostics.hasErrors)
    }

    @Test func consoleBlocksKeepOnlyPromptedLines() {
        #expect(StepBlockWalker.consoleCommands("$ aws sqs list-queues\n{\n}\n$ echo hi\n") == "aws sqs list-queues\necho hi\n")
    }

    @Test func fenceInfoParsesLanguageWordsAndAttributes() throws {
        let info = try FenceInfo.parse(#"python {file="my handler.py" executable}"#).get()
        #expect(info.language == "python")
        #expect(info.attributes == ["file": "my handler.py", "executable": ""])
        #expect(try FenceInfo.parse("explain memory").get().words == ["memory"])
        #expect(throws: FenceInfo.ParseError.unclosedBrace) { try FenceInfo.parse("yaml {check").get() }
    }

    @Test func slugsFollowGitHubAnchors() {
        #expect(Slug.make("Create a queue!") == "create-a-queue")
        #expect(Slug.make("キューを作る (SQS)") == "キューを作る-sqs")
    }
}
