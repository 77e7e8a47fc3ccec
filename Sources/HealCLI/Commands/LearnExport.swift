import ArgumentParser
import HealApp

/// `kubectl heal learn export FILE`
struct LearnExport: HealCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole memory (patterns and attempts) to FILE, to share or back up; `-` writes to stdout.",
        discussion: """
            The file is a versioned LearnedMemory document (apiVersion heal.kubectl.io/v1alpha1): YAML when FILE \
            ends in .yaml or .yml, else JSON (also on stdout). It is written with mode 0600. Secrets never reach \
            the store, so neither do they reach the file.

            \(ExitStatus.table)
            """)

    @Argument(help: ArgumentHelp("Where to write; - for stdout.", valueName: "file"), completion: .file())
    var file: String

    @OptionGroup var options: LearnStoreOptions

    func execute(in environment: AppEnvironment) async throws -> Int32 {
        let job = try options.open(in: environment)
        let document = try await job.export()
        let text = try MemoryFile.isYAML(file) ? LearnRenderer.yaml(document) : LearnRenderer.json(document)
        if file == "-" {
            environment.standardOutput.write(text)
        } else {
            try MemoryFile.write(text, to: file)
            environment.standardError.write("Exported \(document.patterns.count) patterns and \(document.attempts.count) attempts from \(job.location) to \(file).\n")
        }
        return ExitStatus.success
    }
}
