/// One-shot changes (healing once, a failover switch, resizing) and the environment's stop
/// signal (SIGINT/SIGTERM for the CLI): the signal cancels the work, whose own undo (restoring a
/// template, scaling a standby back) runs and is reported before the use case returns, instead
/// of the process dying mid-change.
enum Interruption {
    static func run<T: Sendable>(
        _ work: @escaping @Sendable () async throws -> T, stop: @escaping @Sendable () async -> Void
    ) async throws -> T {
        let task = Task { try await work() }
        let watcher = Task {
            await stop()
            if !Task.isCancelled { task.cancel() }
        }
        defer { watcher.cancel() }
        // Cancelling the caller (an MCP tool call) interrupts the work the same way.
        return try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
    }
}
