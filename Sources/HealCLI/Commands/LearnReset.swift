import ArgumentParser
import HealApp
import HealStore

/// `kubectl heal learn reset`
struct LearnReset: HealCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Delete every pattern and attempt in the store (asks first on a terminal; --yes for scripts).",
        discussion: ExitStatus.table)

    @Flag(help: "Do not ask for confirmation (for scripts).")
    var yes = false

    @OptionGroup var options: LearnStoreOptions

    @Option(name: .shortAndLong, help: "Output format.")
    var output: LearnOutputFormat = .table

    func execute(in environment: AppEnvironment) async throws -> Int32 {
        let store = try options.open(in: environment)
        if !yes {
            guard let confirmed = environment.confirm("Delete every learned pattern and attempt in \(store.location)? [y/N] ") else {
                throw CLIError.resetNeedsConfirmation(store: store.location)
            }
            guard confirmed else {
                environment.standardError.write("Nothing deleted.\n")
                return ExitStatus.success
            }
        }
        let counts = try await store.reset()
        environment.standardOutput.write(try LearnRenderer.render(.resetResult, CountsResult(store: store.location, deleted: counts), as: output, at: environment.now()) {
            LearnRenderer.counts("Deleted", counts, location: store.location)
        })
        return ExitStatus.success
    }
}
