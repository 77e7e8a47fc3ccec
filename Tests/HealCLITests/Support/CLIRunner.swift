import Foundation
@testable import HealApp
import HealCLI
import HealTestSupport

/// Runs the CLI in-process, as the binary would, with captured output, a fixed clock and an
/// environment that never sees the real home directory or kubeconfig.
struct CLIRun {
    var exitCode: Int32
    var stdout: String
    var stderr: String
}

enum CLIRunner {
    /// 2026-11-21T20:00:00Z: fixed so reports' `generatedAt` is reproducible.
    static let fixedNow = Date(timeIntervalSince1970: 1_795_291_200)

    static func run(
        _ arguments: [String], variables: [String: String] = [:], home: String? = nil, stdoutIsTerminal: Bool = false,
        stderrIsTerminal: Bool = false, now: @escaping @Sendable () -> Date = { fixedNow },
        stopRequested: @escaping @Sendable () async -> Void = AppEnvironment.noSignal, workingDirectory: String? = nil
    ) async -> CLIRun {
        let stdout = BufferSink()
        let stderr = BufferSink()
        var environment = AppEnvironment(
            variables: variables, homeDirectory: home ?? "/nonexistent-home",
            standardOutput: stdout, standardError: stderr, standardOutputIsTerminal: stdoutIsTerminal,
            standardErrorIsTerminal: stderrIsTerminal,
            now: now, stopRequested: stopRequested)
        environment.workingDirectory = workingDirectory
        let code = await HealCommandLine.run(arguments, environment: environment)
        return CLIRun(exitCode: code, stdout: stdout.text, stderr: stderr.text)
    }

    /// The repository root, for the bundled example and scripts.
    static let repositoryRoot = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()

    static var example: String {
        repositoryRoot.appendingPathComponent("scripts/example").path
    }
}
