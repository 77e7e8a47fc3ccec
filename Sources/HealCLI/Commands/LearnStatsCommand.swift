import ArgumentParser
import HealApp

/// `kubectl heal learn stats`
struct LearnStatsCommand: HealCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show incidents handled, fixed and unresolved, attempt outcomes, mean time to detect and repair, LLM calls avoided.",
        discussion: """
            An incident is the attempts that share fingerprint, workload and detection time; it is fixed when one \
            of them succeeded. Mean time to detect: from when the problem began to its detection. Mean time to \
            repair: from detection to the end of the verification of the fix. LLM calls avoided: attempts \
            replayed from a learned pattern an LLM planned first (a rule's fix needs no call). Figures cover the attempts kept; pruned attempts are only counted.

            \(ExitStatus.table)
            """)

    @OptionGroup var options: LearnStoreOptions

    @Option(name: .shortAndLong, help: "Output format.")
    var output: LearnOutputFormat = .table

    func execute(in environment: AppEnvironment) async throws -> Int32 {
        let report = try await options.open(in: environment).stats()
        environment.standardOutput.write(try LearnRenderer.render(.stats, report, as: output, at: environment.now()) {
            LearnRenderer.stats(report.stats, location: report.store)
        })
        return ExitStatus.success
    }
}
