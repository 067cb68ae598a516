import ArgumentParser
import Foundation
import JSON
import Learning

struct Why: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "why",
        abstract: "Why a message did or did not arrive: the last SNS publishes, EventBridge events and S3 notifications, per subscription or rule.")

    @Argument(help: "How many of the most recent to show.")
    var count: Int = 5

    @Option(help: "Only this service's: sns, events or s3.")
    var service: String?

    @Flag(help: "Print the traces as JSON (the state document's 'deliveries').")
    var json = false

    func run() async throws {
        let context = try LearnerContext()
        let client = try await context.activeEmulator()
        let deliveries = try await {
            do { return try await client.query("deliveries") } catch { throw CLIError("\(error)") }
        }()
        if json {
            Terminal.write(deliveries.jsonText(sortedKeys: true) + "\n")
        } else {
            context.render(markdown: DeliveryReport.markdown(deliveries, last: count, service: service))
        }
    }
}
