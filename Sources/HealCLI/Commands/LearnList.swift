import ArgumentParser
import HealApp

/// `kubectl heal learn list`
struct LearnList: HealCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the learned patterns: fingerprint, action, successes, failures, success rate, last used.",
        discussion: ExitStatus.table)

    @OptionGroup var options: LearnStoreOptions

    @Option(name: .shortAndLong, help: "Output format.")
    var output: LearnOutputFormat = .table

    func execute(in environment: AppEnvironment) async throws -> Int32 {
        let store = try options.open(in: environment)
        let patterns = try await store.patterns()
        let now = environment.now()
        environment.standardOutput.write(try LearnRenderer.render(.patternList, PatternList(store: store.location, items: patterns), as: output, at: now) {
            LearnRenderer.patternTable(patterns, now: now)
        })
        return ExitStatus.success
    }
}
