import Foundation
import HandsonAPI
import LabKit
import Learning
import TerminalMarkdown

/// What every learner command needs: the learner's folder, progress, the current lab and
/// the background emulator. Commands stay short by going through here.
struct LearnerContext {
    let home: HandsonHome
    let progress: ProgressStore

    init() throws {
        home = HandsonHome.resolve()
        do {
            progress = try ProgressStore(path: home.progressDatabase.path)
        } catch {
            throw CLIError("cannot open the progress database \(home.progressDatabase.path): \(error)")
        }
    }

    var daemon: EmulatorDaemon { EmulatorDaemon(home: home) }

    /// The current lab, parsed again from the file it was started from.
    func currentLab() throws -> (ProgressStore.Current, Lab) {
        guard let current = try progress.currentLab() else {
            throw CLIError("no lab started yet; 'handson list' shows the labs, 'handson start LAB' starts one")
        }
        let result = LabParser.parse(contentsOf: current.path)
        guard let lab = result.lab, !result.diagnostics.contains(where: { $0.severity == .error }) else {
            throw CLIError("the lab file \(current.path) cannot be read any more; 'handson validate \(current.path)' says why")
        }
        return (current, lab)
    }

    /// A session on the current lab; starts the background emulator when the lab needs one.
    func session() async throws -> LearnerSession {
        let (_, lab) = try currentLab()
        return try await session(for: lab)
    }

    func session(for lab: Lab, preferredPort: Int = 4566) async throws -> LearnerSession {
        var client: EmulatorClient?
        var environment = ProcessInfo.processInfo.environment
        if !lab.metadata.services.isEmpty {
            let record = try await emulatorRecord(preferredPort: preferredPort, installWrappers: false)
            client = daemon.client(record)
            environment = learnerEnvironment(port: record.port, lab: lab.id).applied(to: environment)
        }
        return LearnerSession(lab: lab, home: home, progress: progress, emulator: client, environment: environment)
    }

    /// The background emulator, started if needed, with the `aws` wrapper in place (written
    /// when the emulator starts, when missing, and whenever asked: `start`, `shell`, `env`).
    func emulatorRecord(preferredPort: Int = 4566, installWrappers: Bool = true) async throws -> EmulatorDaemon.Record {
        let wrapperMissing = !FileManager.default.fileExists(atPath: home.bin.appendingPathComponent("aws").path)
        if let running = await daemon.running() {
            if installWrappers || wrapperMissing { try writeWrappers() }
            return running
        }
        let record: EmulatorDaemon.Record
        do {
            record = try await daemon.ensureRunning(executable: LearnerEnvironment.currentExecutable,
                                                    preferredPort: preferredPort, version: HandsonVersion.current)
        } catch {
            throw CLIError("\(error)")
        }
        try writeWrappers()
        return record
    }

    private func writeWrappers() throws {
        try LearnerEnvironment.installWrappers(in: home.bin, handsonExecutable: LearnerEnvironment.currentExecutable,
                                               searchPath: ProcessInfo.processInfo.environment["PATH"] ?? "")
    }

    func learnerEnvironment(port: Int, lab: String?) -> LearnerEnvironment {
        LearnerEnvironment(endpoint: "http://127.0.0.1:\(port)", bin: home.bin, lab: lab, tokenFile: home.emulatorToken)
    }

    /// The emulator the learner's commands reach: HANDSON_ENDPOINT with the token in
    /// HANDSON_TOKEN_FILE (both set in the learner's shell and by `handson test`), else the
    /// running background emulator with its token from the learner's folder.
    func activeEmulator() async throws -> EmulatorClient {
        let environment = ProcessInfo.processInfo.environment
        if let endpoint = environment["HANDSON_ENDPOINT"], let url = URL(string: endpoint) {
            let tokenFile = environment[HandsonAPI.tokenFileVariable].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            return EmulatorClient(endpoint: url, tokenFile: tokenFile ?? home.emulatorToken)
        }
        guard let record = await daemon.running() else {
            throw CLIError("the emulator is not running; 'handson start LAB' starts it")
        }
        return daemon.client(record)
    }

    /// Shows step `number` and remembers it for the shell prompt.
    func show(_ lab: Lab, step number: Int) {
        guard lab.steps.indices.contains(number - 1) else { return }
        Terminal.write(LabPresenter(options: Terminal.renderOptions).render(lab, step: number))
        writePrompt(lab, step: number)
    }

    /// The shell's prompt reads this file (a builtin `read`, no process per prompt).
    func writePrompt(_ lab: Lab, step number: Int) {
        try? Data("\(lab.id) \(number)/\(lab.steps.count)\n".utf8).write(to: home.root.appendingPathComponent("prompt"), options: .atomic)
    }

    func render(markdown: String) {
        Terminal.write(TerminalRenderer(options: Terminal.renderOptions).render(markdown: markdown))
    }
}
