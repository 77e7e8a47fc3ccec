import ArgumentParser
import HealApp

/// A subcommand that runs against an injected environment (stdout, stderr, variables, clock),
/// so tests run it in-process exactly as the binary does.
protocol HealCommand: AsyncParsableCommand {
    /// Returns the exit code; throws errors for `ErrorPresenter`.
    func execute(in environment: AppEnvironment) async throws -> Int32
}

extension HealCommand {
    mutating func run() async throws {
        let code = try await execute(in: .process)
        if code != 0 { throw ExitCode(code) }
    }
}
