import ArgumentParser
import Foundation
import HealApp
import HealModel

/// `kubectl heal learn prune --older-than 90d`
struct LearnPrune: HealCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Delete attempts older than a duration, and patterns not used since; pattern counts keep counting them.",
        discussion: """
            Keeps the store bounded (run it from cron or a CronJob). Attempts finished before the cutoff are \
            removed from the audit trail but stay counted in their pattern's successes and failures; patterns \
            not used since the cutoff are removed whole. An import skips what the store already pruned.

            Examples:
              kubectl heal learn prune --older-than 90d
              kubectl heal learn prune --older-than 30d --store configmap://heal/memory

            \(ExitStatus.table)
            """)

    @Option(help: ArgumentHelp("Age cutoff, e.g. 90d, 12h, 30m.", valueName: "duration"))
    var olderThan: String

    @OptionGroup var options: LearnStoreOptions

    @Option(name: .shortAndLong, help: "Output format.")
    var output: LearnOutputFormat = .table

    func validate() throws {
        guard DurationText.seconds(olderThan) != nil else {
            throw ValidationError("--older-than \"\(olderThan)\" is not a duration; use e.g. 90d, 12h or 30m")
        }
    }

    func execute(in environment: AppEnvironment) async throws -> Int32 {
        let result = try await options.open(in: environment).prune(olderThanSeconds: DurationText.seconds(olderThan) ?? 0)
        environment.standardOutput.write(try LearnRenderer.render(.pruneResult, result, as: output, at: environment.now()) {
            LearnRenderer.counts("Pruned", result.deleted, location: result.store)
        })
        return ExitStatus.success
    }
}
