import ArgumentParser

/// A subcommand whose behaviour lands with a later issue. It is registered (and documented in
/// --help) so scripts can rely on the name, and says so plainly when run (exit 70).
protocol PlannedCommand: HealCommand {
    static var plannedFeature: String { get }
    static var plannedIssue: String { get }
}

extension PlannedCommand {
    func execute(in environment: CLIEnvironment) async throws -> Int32 {
        throw CLIError.notImplemented(feature: Self.plannedFeature, issue: Self.plannedIssue)
    }

    static var notImplementedNote: String {
        "Not implemented yet: this subcommand exits with code 70 until the \(plannedIssue) issue lands."
    }
}
