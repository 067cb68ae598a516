import Foundation
import GRDB

/// The learner's progress in SQLite: which lab is current, where each lab is, and per step the
/// checks run and passed, hints used, solutions revealed, quiz answers and timestamps.
public final class ProgressStore: Sendable {
    private let database: DatabaseQueue

    public init(path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        // WAL without an fsync per commit: a check is recorded in well under a millisecond, and
        // only a power cut (not a crash or kill) could lose the last one.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        database = try DatabaseQueue(path: path, configuration: configuration)
        try Self.migrator.migrate(database)
    }

    /// In memory (tests).
    public init() throws {
        database = try DatabaseQueue()
        try Self.migrator.migrate(database)
    }

    // MARK: Current lab

    /// The lab the learner is doing: its id, the file it was started from, and the language chosen.
    public struct Current: Sendable, Equatable {
        public var labId: String
        public var path: String
        public var lang: String?
        public init(labId: String, path: String, lang: String?) {
            self.labId = labId
            self.path = path
            self.lang = lang
        }
    }

    public func currentLab() throws -> Current? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT labId, path, lang FROM currentLab WHERE id = 1").map {
                Current(labId: $0["labId"], path: $0["path"], lang: $0["lang"])
            }
        }
    }

    public func setCurrentLab(_ current: Current) throws {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO currentLab (id, labId, path, lang) VALUES (1, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET labId = excluded.labId, path = excluded.path, lang = excluded.lang
                """, arguments: [current.labId, current.path, current.lang])
        }
    }

    // MARK: Labs and steps

    public func lab(_ labId: String) throws -> LabProgress? {
        try database.read { db in try LabProgress.fetchOne(db, key: labId) }
    }

    public func labs() throws -> [LabProgress] {
        try database.read { db in try LabProgress.order(Column("labId")).fetchAll(db) }
    }

    public func steps(of labId: String) throws -> [StepProgress] {
        try database.read { db in
            try StepProgress.filter(Column("labId") == labId).order(Column("stepNumber")).fetchAll(db)
        }
    }

    public func step(_ labId: String, _ number: Int) throws -> StepProgress? {
        try database.read { db in try Self.step(db, labId, number) }
    }

    /// Makes `number` the lab's current step, recording when the learner (first and last) got there.
    public func enter(lab labId: String, step number: Int, stepId: String, totalSteps: Int, at time: Date = Date()) throws {
        try database.write { db in
            var lab = try LabProgress.fetchOne(db, key: labId)
                ?? LabProgress(labId: labId, currentStep: number, totalSteps: totalSteps, startedAt: time, completedAt: nil)
            lab.currentStep = number
            lab.totalSteps = totalSteps
            try lab.save(db)
            var step = try Self.step(db, labId, number)
                ?? StepProgress(labId: labId, stepNumber: number, stepId: stepId, firstStartedAt: time)
            step.stepId = stepId
            step.lastStartedAt = time
            try step.save(db)
        }
    }

    /// Counts one more hint shown; returns how many the learner has now used on this step.
    public func useHint(lab labId: String, step number: Int) throws -> Int {
        try update(labId, number) { $0.hintsUsed += 1 }.hintsUsed
    }

    public func revealSolution(lab labId: String, step number: Int) throws {
        _ = try update(labId, number) { $0.solutionRevealed = true }
    }

    public func recordAnswer(_ answer: String, lab labId: String, step number: Int) throws {
        _ = try update(labId, number) { $0.answer = answer }
    }

    /// Records one `handson check`: the attempt, and when it first passed.
    public func recordCheck(lab labId: String, step number: Int, passed: Bool, failed: [String], at time: Date = Date()) throws {
        try database.write { db in
            var step = try Self.step(db, labId, number)
                ?? StepProgress(labId: labId, stepNumber: number, stepId: "", firstStartedAt: time)
            step.checkAttempts += 1
            if passed && step.passedAt == nil { step.passedAt = time }
            try step.save(db)
            try db.execute(sql: "INSERT INTO checkRun (labId, stepNumber, time, passed, failed) VALUES (?, ?, ?, ?, ?)",
                           arguments: [labId, number, time, passed, failed.joined(separator: "\n")])
            if passed, var lab = try LabProgress.fetchOne(db, key: labId), lab.completedAt == nil {
                let passedSteps = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stepProgress WHERE labId = ? AND passedAt IS NOT NULL",
                                                   arguments: [labId]) ?? 0
                if passedSteps >= lab.totalSteps {
                    lab.completedAt = time
                    try lab.save(db)
                }
            }
        }
    }

    private func update(_ labId: String, _ number: Int, _ change: @escaping @Sendable (inout StepProgress) -> Void) throws -> StepProgress {
        try database.write { db in
            var step = try Self.step(db, labId, number)
                ?? StepProgress(labId: labId, stepNumber: number, stepId: "", firstStartedAt: Date())
            change(&step)
            try step.save(db)
            return step
        }
    }

    private static func step(_ db: Database, _ labId: String, _ number: Int) throws -> StepProgress? {
        try StepProgress.fetchOne(db, key: ["labId": labId, "stepNumber": number])
    }

    // MARK: Schema (migrations are named and never edited)

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: progress") { db in
            try db.create(table: "currentLab") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("labId", .text).notNull()
                t.column("path", .text).notNull()
                t.column("lang", .text)
            }
            try db.create(table: "labProgress") { t in
                t.primaryKey("labId", .text)
                t.column("currentStep", .integer).notNull()
                t.column("totalSteps", .integer).notNull()
                t.column("startedAt", .datetime).notNull()
                t.column("completedAt", .datetime)
            }
            try db.create(table: "stepProgress") { t in
                t.column("labId", .text).notNull()
                t.column("stepNumber", .integer).notNull()
                t.column("stepId", .text).notNull()
                t.column("firstStartedAt", .datetime).notNull()
                t.column("lastStartedAt", .datetime)
                t.column("passedAt", .datetime)
                t.column("checkAttempts", .integer).notNull().defaults(to: 0)
                t.column("hintsUsed", .integer).notNull().defaults(to: 0)
                t.column("solutionRevealed", .boolean).notNull().defaults(to: false)
                t.column("answer", .text)
                t.primaryKey(["labId", "stepNumber"])
            }
            try db.create(table: "checkRun") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("labId", .text).notNull()
                t.column("stepNumber", .integer).notNull()
                t.column("time", .datetime).notNull()
                t.column("passed", .boolean).notNull()
                t.column("failed", .text).notNull()
            }
        }
        return migrator
    }
}

public struct LabProgress: Codable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "labProgress"
    public var labId: String
    public var currentStep: Int
    public var totalSteps: Int
    public var startedAt: Date
    public var completedAt: Date?
}

public struct StepProgress: Codable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "stepProgress"
    public var labId: String
    public var stepNumber: Int
    public var stepId: String
    public var firstStartedAt: Date
    public var lastStartedAt: Date?
    public var passedAt: Date?
    public var checkAttempts = 0
    public var hintsUsed = 0
    public var solutionRevealed = false
    public var answer: String?

    public init(labId: String, stepNumber: Int, stepId: String, firstStartedAt: Date) {
        self.labId = labId
        self.stepNumber = stepNumber
        self.stepId = stepId
        self.firstStartedAt = firstStartedAt
        self.lastStartedAt = firstStartedAt
    }

    public var passed: Bool { passedAt != nil }
}
