import ArgumentParser
import Foundation
import LabKit

struct NewLab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Write a new lab file from a scaffold that validates and passes 'handson test'.")

    @Argument(help: "The lab id: lowercase letters, digits and '-'.")
    var id: String

    @Option(help: "The labs folder (default: ./labs or $HANDSON_LABS).")
    var labs: String?

    func run() throws {
        guard LabMetadata.isValidId(id) else {
            throw CLIError("a lab id is lowercase letters, digits and '-' (e.g. sqs-fifo-basics), not '\(id)'")
        }
        let directory = LabLocator(labsOption: labs).labsDirectory
        let path = (directory as NSString).appendingPathComponent("\(id).md")
        guard !FileManager.default.fileExists(atPath: path) else { throw CLIError("\(path) already exists") }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(Self.scaffold(id: id).utf8).write(to: URL(fileURLWithPath: path))
        Terminal.write("""
            wrote \(path)
            next: edit it (docs/lab-format.md), then
              handson validate \(path)
              handson test \(path)

            """)
    }

    static func scaffold(id: String) -> String {
        """
        ---
        id: \(id)
        title: A new lab (change this title)
        services: [sqs]
        level: beginner
        minutes: 10
        lang: en
        format: 1
        ---

        # A new lab

        Say what the learner will be able to do at the end, and why it matters.

        ## Create a queue <!-- id: create-queue -->

        Explain the idea first, then the command that puts it to work:

        ```sh
        aws sqs create-queue --queue-name \(id)-queue
        ```

        ```yaml {check}
        - name: The queue \(id)-queue exists
          query: length(sqs.queues[?name=='\(id)-queue'])
          equals: 1
        ```

        <details><summary>Hint</summary>

        `aws sqs create-queue help` lists the options.

        </details>

        <details><summary>Common mistake: a queue named otherwise</summary>

        Names are exact: other commands find the queue by its name.

        <!-- caught-by: The queue \(id)-queue exists -->

        ```sh
        aws sqs create-queue --queue-name \(id)-queues
        ```

        </details>

        <details><summary>Another way: with boto3</summary>

        ```python {run}
        import boto3
        boto3.client("sqs").create_queue(QueueName="\(id)-queue")
        ```

        </details>

        """
    }
}
