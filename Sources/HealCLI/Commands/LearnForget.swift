import ArgumentParser
import HealApp
import HealStore

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
        let store = try options.open(in: environment)
        guard let pattern = try await store.pattern(id: id) else { throw CLIError.patternNotFound(id: id, store: store.location) }
        let attempts = try await store.attempts(patternID: pattern.id).count
        guard try await store.forget(patternID: pattern.id) else { throw CLIError.patternNotFound(id: id, store: store.location) }
        let counts = StoreCounts(patterns: 1, attempts: attempts)
        let result = CountsResult(store: store.location, deleted: counts, patternID: pattern.id)
        environment.standardOutput.write(try LearnRenderer.render(.forgetResult, result, as: output, at: environment.now()) {
            "Forgot pattern \(pattern.id) (\(pattern.action)) and its \(attempts) attempt\(attempts == 1 ? "" : "s") in \(store.location).\n"
        })
        return ExitStatus.success
    }
}
