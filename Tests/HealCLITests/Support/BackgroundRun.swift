import Foundation
@testable import HealApp
import HealCLI

/// `kubectl-heal` running in the background (in-process, as the binary would), its output
/// readable while it runs; `stop()` ends it as SIGINT would.
final class BackgroundRun: Sendable {
    let stdout = BufferSink()
    let stderr = BufferSink()
    private let stopSignal = AsyncStream<Void>.makeStream()
    private let task: Task<Int32, Never>

    /// `now`: the clock the command reads (the real one by default).
    init(_ arguments: [String], variables: [String: String] = [:], serviceAccountDirectory: String? = nil, now: @escaping @Sendable () -> Date = Date.init) {
        let stdout = stdout
        let stderr = stderr
        let stream = stopSignal.stream
        var environment = AppEnvironment(
            variables: variables, homeDirectory: "/nonexistent-home", standardOutput: stdout, standardError: stderr,
            standardOutputIsTerminal: false, standardErrorIsTerminal: false, now: now,
            stopRequested: { for await _ in stream { return } })
        if let serviceAccountDirectory { environment.serviceAccountDirectory = serviceAccountDirectory }
        task = Task { await HealCommandLine.run(arguments, environment: environment) }
    }

    func stop() async -> Int32 {
        stopSignal.continuation.yield()
        return await task.value
    }

    /// Waits until stdout has a line containing `text`; returns when it appeared.
    func waitFor(_ text: String, timeout: Duration = .seconds(15)) async -> ContinuousClock.Instant? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if stdout.text.contains(text) { return .now }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return nil
    }
}
