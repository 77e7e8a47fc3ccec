import ArgumentParser
import HealApp

/// `kubectl heal learn forget ID`
struct LearnForget: HealCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Delete one pattern and its attempts, so the next identical incident is planned afresh.",
        discussion: ExitStatus.table)

    @Argument(help: ArgumentHelp("The pattern id, or a unique prefix of at least 4 characters.", valueName: "id"))
    var id: String

    @OptionGroup var options: LearnStoreOptions

    @Option(name: .shortAndLong, help: "Output format.")
    var output: LearnOutputFormat = .table

    func execute(in environment: AppEnvironment) async throws -> Int32 {
        let (result, pattern) = try await options.open(in: environment).forget(id)
        let attempts = result.deleted.attempts
        environment.standardOutput.write(try LearnRenderer.render(.forgetResult, result, as: output, at: environment.now()) {
            "Forgot pattern \(pattern.id) (\(pattern.action)) and its \(attempts) attempt\(attempts == 1 ? "" : "s") in \(result.store).\n"
        })
        return ExitStatus.success
    }
}
