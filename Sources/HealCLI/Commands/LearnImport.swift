import ArgumentParser
import HealApp

/// `kubectl heal learn import FILE`
struct LearnImport: HealCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge a file written by `learn export` into the store: attempts by id, pattern counts without duplicates.",
        discussion: """
            Attempts already present (same id), or older than the store's last prune, are skipped; patterns merge \
            (for a workload both sides learned a value for, the side used last wins). Importing the same file twice \
            changes nothing. The whole import is one transaction.

            \(ExitStatus.table)
            """)

    @Argument(help: ArgumentHelp("A LearnedMemory document (JSON, or YAML for .yaml/.yml).", valueName: "file"), completion: .file())
    var file: String

    @OptionGroup var options: LearnStoreOptions

    @Option(name: .shortAndLong, help: "Output format.")
    var output: LearnOutputFormat = .table

    func execute(in environment: AppEnvironment) async throws -> Int32 {
        let document = try MemoryFile.read(file)
        let result = try await options.open(in: environment).importing(document, from: file)
        environment.standardOutput.write(try LearnRenderer.render(.importResult, result, as: output, at: environment.now()) {
            LearnRenderer.imported(result)
        })
        return ExitStatus.success
    }
}
