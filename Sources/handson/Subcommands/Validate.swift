import ArgumentParser
import Foundation
import LabKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", 
        abstract: "Check lab files and print every problem as file:line:column: error|warning: message.",
        discussion: "Exits with status 1 when any file has an error. Translations (ID.LANG.md) are compared with their originals.")

    @Argument(help: "Lab files or folders (default: the labs folder).")
    var paths: [String] = []

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let targets = paths.isEmpty ? [LabLocator(labsOption: nil).labsDirectory] : paths
        let report = LabValidator.validate(paths: targets)
        for diagnostic in report.diagnostics {
            print(diagnostic.description)
        }
        let files = report.files.count == 1 ? "1 file" : "\(report.files.count) files"
        print("\(files) checked: \(report.errorCount) error\(report.errorCount == 1 ? "" : "s"), \(report.warningCount) warning\(report.warningCount == 1 ? "" : "s")")
        if report.errorCount > 0 || (strict && report.warningCount > 0) || report.files.isEmpty {
            throw ExitCode(1)
        }
    }
}
