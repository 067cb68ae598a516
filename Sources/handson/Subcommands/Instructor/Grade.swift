import ArgumentParser
import Foundation
import JSON
import Learning

struct Grade: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "grade", 
        abstract: "Export this learner's results (every lab and step) for an instructor.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, junit }

    @Option(help: "json, csv or junit.")
    var format: Format = .json

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "Name the learner in the report (default: $USER).")
    var learner: String = ProcessInfo.processInfo.environment["USER"] ?? "learner"

    func run() async throws {
        let context = try LearnerContext()
        let labs = try context.progress.labs()
        var rows: [(LabProgress, [StepProgress])] = []
        for lab in labs { rows.append((lab, try context.progress.steps(of: lab.labId))) }
        let text: String
        switch format {
        case .json: text = Self.json(rows, learner: learner)
        case .csv: text = Self.csv(rows, learner: learner)
        case .junit: text = Self.junit(rows, learner: learner)
        }
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } else {
            Terminal.write(text)
        }
    }

    static func time(_ date: Date?) -> String {
        guard let date else { return "" }
        return ISO8601DateFormatter().string(from: date)
    }

    static func json(_ rows: [(LabProgress, [StepProgress])], learner: String) -> String {
        let labs: [JSONValue] = rows.map { lab, steps in
            .object([
                "lab": .string(lab.labId),
                "startedAt": .string(time(lab.startedAt)),
                "completedAt": lab.completedAt.map { .string(time($0)) } ?? .null,
                "stepsPassed": .number(Double(steps.filter(\.passed).count)),
                "steps": .number(Double(lab.totalSteps)),
                "stepResults": .array(steps.map { step in
                    .object([
                        "step": .number(Double(step.stepNumber)), "id": .string(step.stepId),
                        "passed": .bool(step.passed), "passedAt": step.passedAt.map { .string(time($0)) } ?? .null,
                        "checkAttempts": .number(Double(step.checkAttempts)), "hintsUsed": .number(Double(step.hintsUsed)),
                        "solutionRevealed": .bool(step.solutionRevealed), "startedAt": .string(time(step.firstStartedAt)),
                    ])
                }),
            ])
        }
        return JSONValue.object(["learner": .string(learner), "labs": .array(labs)]).jsonText(sortedKeys: true) + "\n"
    }

    static func csv(_ rows: [(LabProgress, [StepProgress])], learner: String) -> String {
        var lines = ["learner,lab,step,step_id,passed,passed_at,check_attempts,hints_used,solution_revealed,started_at"]
        for (lab, steps) in rows {
            for step in steps {
                let fields = [learner, lab.labId, String(step.stepNumber), step.stepId, step.passed ? "true" : "false",
                              time(step.passedAt), String(step.checkAttempts), String(step.hintsUsed),
                              step.solutionRevealed ? "true" : "false", time(step.firstStartedAt)]
                lines.append(fields.map(field).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180: quote a field holding a comma, quote or line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func junit(_ rows: [(LabProgress, [StepProgress])], learner: String) -> String {
        var xml = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<testsuites name=\"\(TestReport.xmlEscape(learner))\">"]
        for (lab, steps) in rows {
            let failures = steps.filter { !$0.passed }.count
            xml.append("  <testsuite name=\"\(TestReport.xmlEscape(lab.labId))\" tests=\"\(steps.count)\" failures=\"\(failures)\">")
            for step in steps {
                let open = "    <testcase classname=\"\(TestReport.xmlEscape(lab.labId))\" name=\"\(step.stepNumber) \(TestReport.xmlEscape(step.stepId))\""
                if step.passed {
                    xml.append(open + "/>")
                } else {
                    xml.append(open + "><failure message=\"not passed (\(step.checkAttempts) checks run)\"/></testcase>")
                }
            }
            xml.append("  </testsuite>")
        }
        xml.append("</testsuites>")
        return xml.joined(separator: "\n") + "\n"
    }
}
