import ArgumentParser
import HealApp

/// `kubectl heal learn show ID`
struct LearnShow: HealCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one pattern (by id or a unique prefix of 4+ characters) with its learned values and attempts.",
        discussion: """
            JSON/YAML output holds every attempt whole: the exact patch, the prior state and the verification.

            \(ExitStatus.table)
            """)

    @Argument(help: ArgumentHelp("The pattern id, or a unique prefix of at least 4 characters.", valueName: "id"))
    var id: String

    @OptionGroup var options: LearnStoreOptions

    @Option(name: .shortAndLong, help: "Output format.")
    var output: LearnOutputFormat = .table

    func execute(in environment: AppEnvironment) async throws -> Int32 {
        let detail = try await options.open(in: environment).show(id)
        let now = environment.now()
        environment.standardOutput.write(try LearnRenderer.render(.patternDetail, detail, as: output, at: now) {
            LearnRenderer.detail(detail, now: now)
        })
        return ExitStatus.success
    }
}
