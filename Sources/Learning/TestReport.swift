import Foundation

/// `handson test` output: TAP version 14 on the terminal, JUnit XML for CI systems.
public enum TestReport {
    public static func tap(_ results: [LabTestRunner.StepResult], brokenLabs: [(file: String, errors: [String])]) -> String {
        var lines = ["TAP version 14", "1..\(results.count + brokenLabs.count)"]
        var number = 0
        for broken in brokenLabs {
            number += 1
            lines.append("not ok \(number) - \(broken.file): the lab has errors")
            lines.append(contentsOf: yamlBlock(broken.errors))
        }
        for result in results {
            number += 1
            let name = "\(result.lab) step \(result.number) \(result.stepId)"
            switch result.status {
            case .passed:
                lines.append("ok \(number) - \(name)")
                lines.append(contentsOf: result.notes.map { "# note: \($0)" })
                lines.append(contentsOf: result.attempts.map(attemptLine))
            case .skipped(let reason):
                lines.append("ok \(number) - \(name) # SKIP \(reason)")
            case .failed(let problems):
                lines.append("not ok \(number) - \(name)")
                lines.append(contentsOf: yamlBlock(problems))
            }
        }
        lines.append(contentsOf: AttemptCoverage.byLab(results).map { "# \($0.line)" })
        if !results.isEmpty { lines.append("# \(AttemptCoverage(label: "all labs", results).line)") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func attemptLine(_ attempt: LabTestRunner.AttemptResult) -> String {
        switch attempt.kind {
        case .mistake: "# mistake '\(attempt.title)' caught by \(attempt.caughtBy.map { "'\($0)'" }.joined(separator: ", "))"
        case .alternative: "# another way '\(attempt.title)' accepted"
        }
    }

    private static func yamlBlock(_ problems: [String]) -> [String] {
        ["  ---", "  problems:"] + problems.map { "    - \(yamlString($0))" } + ["  ..."]
    }

    private static func yamlString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    public static func junit(_ results: [LabTestRunner.StepResult], brokenLabs: [(file: String, errors: [String])]) -> String {
        var xml = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        let failures = results.filter(\.failed).count + brokenLabs.count
        xml.append("<testsuites name=\"handson test\" tests=\"\(results.count + brokenLabs.count)\" failures=\"\(failures)\">")
        for broken in brokenLabs {
            xml.append("  <testsuite name=\"\(xmlEscape(broken.file))\" tests=\"1\" failures=\"1\">")
            xml.append("    <testcase classname=\"\(xmlEscape(broken.file))\" name=\"parse\">")
            xml.append("      <failure message=\"the lab has errors\">\(xmlEscape(broken.errors.joined(separator: "\n")))</failure>")
            xml.append("    </testcase>")
            xml.append("  </testsuite>")
        }
        var order: [String] = []
        var byLab: [String: [LabTestRunner.StepResult]] = [:]
        for result in results {
            if byLab[result.lab] == nil { order.append(result.lab) }
            byLab[result.lab, default: []].append(result)
        }
        for lab in order {
            let steps = byLab[lab] ?? []
            let time = steps.reduce(0) { $0 + $1.seconds }
            xml.append("  <testsuite name=\"\(xmlEscape(lab))\" tests=\"\(steps.count)\" failures=\"\(steps.filter(\.failed).count)\" skipped=\"\(steps.filter { if case .skipped = $0.status { true } else { false } }.count)\" time=\"\(String(format: "%.3f", time))\">")
            let coverage = AttemptCoverage(label: lab, steps)
            xml.append("    <properties>")
            for (name, value) in coverage.properties {
                xml.append("      <property name=\"\(name)\" value=\"\(value)\"/>")
            }
            xml.append("    </properties>")
            for step in steps {
                let open = "    <testcase classname=\"\(xmlEscape(lab))\" name=\"\(step.number) \(xmlEscape(step.stepId))\" file=\"\(xmlEscape(step.file))\" time=\"\(String(format: "%.3f", step.seconds))\""
                switch step.status {
                case .passed:
                    xml.append(open + "/>")
                case .skipped(let reason):
                    xml.append(open + "><skipped message=\"\(xmlEscape(reason))\"/></testcase>")
                case .failed(let problems):
                    xml.append(open + ">")
                    xml.append("      <failure message=\"\(xmlEscape(problems.first ?? "failed"))\">\(xmlEscape(problems.joined(separator: "\n")))</failure>")
                    xml.append("    </testcase>")
                }
            }
            xml.append("  </testsuite>")
        }
        xml.append("</testsuites>")
        return xml.joined(separator: "\n") + "\n"
    }

    public static func xmlEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
