/// How many of a lab's steps prove their check against a wrong attempt and another right way,
/// for `handson test`'s report (TAP comments, JUnit properties).
struct AttemptCoverage {
    let label: String
    let steps: Int
    let withMistake: Int
    let withAlternative: Int
    let mistakes: Int
    let mistakesCaught: Int
    let alternatives: Int
    let alternativesAccepted: Int

    init(label: String, _ results: [LabTestRunner.StepResult]) {
        self.label = label
        steps = results.count
        withMistake = results.filter { $0.attempts.contains { $0.kind == .mistake } }.count
        withAlternative = results.filter { $0.attempts.contains { $0.kind == .alternative } }.count
        let all = results.flatMap(\.attempts)
        mistakes = all.filter { $0.kind == .mistake }.count
        mistakesCaught = all.filter { $0.kind == .mistake && $0.problems.isEmpty }.count
        alternatives = all.filter { $0.kind == .alternative }.count
        alternativesAccepted = all.filter { $0.kind == .alternative && $0.problems.isEmpty }.count
    }

    static func byLab(_ results: [LabTestRunner.StepResult]) -> [AttemptCoverage] {
        var order: [String] = []
        var byLab: [String: [LabTestRunner.StepResult]] = [:]
        for result in results {
            if byLab[result.lab] == nil { order.append(result.lab) }
            byLab[result.lab, default: []].append(result)
        }
        return order.map { AttemptCoverage(label: $0, byLab[$0] ?? []) }
    }

    var line: String {
        "\(label): \(steps) steps, \(withMistake) with a wrong attempt, \(withAlternative) with another way; "
            + "wrong attempts caught \(mistakesCaught)/\(mistakes), other ways accepted \(alternativesAccepted)/\(alternatives)"
    }

    var properties: [(String, Int)] {
        [("steps", steps), ("steps.withWrongAttempt", withMistake), ("steps.withAnotherWay", withAlternative),
         ("wrongAttempts", mistakes), ("wrongAttempts.caught", mistakesCaught),
         ("anotherWays", alternatives), ("anotherWays.accepted", alternativesAccepted)]
    }
}
