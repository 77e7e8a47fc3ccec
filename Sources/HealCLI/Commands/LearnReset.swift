import ArgumentParser
import HealApp

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
        let job = try options.open(in: environment)
        if !yes {
            guard let confirmed = environment.confirm("Delete every learned pattern and attempt in \(job.location)? [y/N] ") else {
                throw CLIError.resetNeedsConfirmation(store: job.location)
            }
            guard confirmed else {
                environment.standardError.write("Nothing deleted.\n")
                return ExitStatus.success
            }
        }
        let result = try await job.reset()
        environment.standardOutput.write(try LearnRenderer.render(.resetResult, result, as: output, at: environment.now()) {
            LearnRenderer.counts("Deleted", result.deleted, location: result.store)
        })
        return ExitStatus.success
    }
}
