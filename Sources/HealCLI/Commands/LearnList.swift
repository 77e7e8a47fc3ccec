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
        let list = try await options.open(in: environment).list()
        let now = environment.now()
        environment.standardOutput.write(try LearnRenderer.render(.patternList, list, as: output, at: now) {
            LearnRenderer.patternTable(list.items, now: now)
        })
        return ExitStatus.success
    }
}
