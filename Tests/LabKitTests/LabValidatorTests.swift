import Foundation
import Testing
@testable import LabKit

@Suite struct LabValidatorTests {
    static let original = """
        ---
        id: demo
        title: Demo
        services: []
        level: beginner
        minutes: 3
        lang: en
        format: 1
        ---

        ## One

        ```yaml {check}
        - name: Bits in a byte
          answer: number
          equals: 8
        ```

        ## Two

        ```yaml {check}
        - name: Bytes in a KiB
          answer: number
          equals: 1024
        ```

        """

    /// A temporary labs folder holding the given files.
    static func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("handson-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir.path
    }

    @Test func aFaithfulTranslationPasses() throws {
        let ja = Self.original.replacingOccurrences(of: "lang: en", with: "lang: ja")
            .replacingOccurrences(of: "Bits in a byte", with: "1バイトのビット数")
        let dir = try Self.folder(["demo.md": Self.original, "demo.ja.md": ja])
        let report = LabValidator.validate(paths: [dir])
        #expect(report.files.count == 2)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }

    @Test func aTranslationWithDifferentStepsOrChecksIsAnError() throws {
        var ja = Self.original.replacingOccurrences(of: "lang: en", with: "lang: ja")
            .replacingOccurrences(of: "equals: 1024", with: "equals: 1000")
        ja += "\n## Three\n\n```yaml {check}\n- name: extra\n  answer: text\n  equals: x\n```\n"
        let dir = try Self.folder(["demo.md": Self.original, "demo.ja.md": ja])
        let report = LabValidator.validate(paths: [dir])
        let messages = report.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(messages.contains { $0.contains("demo.ja.md:1:1: error: the translation has 3 steps but the original") }, "\(messages)")
        #expect(messages.contains { $0.contains("demo.ja.md:22:3: error: this assertion differs from the original's") }, "\(messages)")
    }

    @Test func aTranslationWithoutItsOriginalIsAnError() throws {
        let ja = Self.original.replacingOccurrences(of: "lang: en", with: "lang: ja")
        let dir = try Self.folder(["demo.ja.md": ja])
        #expect(LabValidator.validate(paths: [dir]).diagnostics.contains { $0.message.contains("needs its original") })
    }

    @Test func aMissingPathIsReported() {
        let report = LabValidator.validate(paths: ["/nonexistent/labs"])
        #expect(report.errorCount == 1)
    }

    @Test func theShippedLabsAreValid() throws {
        let labs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("labs").path
        let report = LabValidator.validate(paths: [labs])
        #expect(report.files.count >= 2)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description).joined(separator: "\n"))")
    }

    @Test func theCatalogPairsOriginalsWithTranslations() throws {
        let ja = Self.original.replacingOccurrences(of: "lang: en", with: "lang: ja")
        let dir = try Self.folder(["demo.md": Self.original, "demo.ja.md": ja, "README.md": "# not a lab"])
        let catalog = try LabCatalog(directory: dir)
        #expect(catalog.entries.map(\.id) == ["demo"])
        #expect(catalog.path(id: "demo", lang: "ja")?.hasSuffix("demo.ja.md") == true)
        #expect(catalog.path(id: "demo", lang: "fr")?.hasSuffix("demo.md") == true)
        #expect(catalog.path(id: "nope", lang: nil) == nil)
    }
}
