import HealActions

/// The use case behind `failover watch`: watch the Service and its colours, fail over (and back)
/// by the trigger policy, each decision handed to the caller as it is made, until the
/// environment's stop signal; then the session's summary.
package struct FailoverWatchJob {
    let session: FailoverSession
    let environment: AppEnvironment

    package init(session: FailoverSession, environment: AppEnvironment) {
        self.session = session
        self.environment = environment
    }

    /// `force` acts on objects Argo CD or Flux manage; `metricsAddress` (HOST:PORT) serves
    /// Prometheus metrics while it runs.
    package func run(
        _ settings: FailoverWatcher.Settings, force: Bool, metricsAddress: String? = nil, onStep: @escaping @Sendable (FailoverResult.Step) -> Void,
        report: @escaping @Sendable (FailoverWatcher.Report) -> Void
    ) async throws -> FailoverWatcher.Summary {
        let metrics = FailoverMetrics()
        let server = try MetricsEndpoint.start(metricsAddress, metrics: metrics, logger: session.logger)
        defer { server?.stop() }
        let watcher = FailoverWatcher(
            executor: session.executor(force: force, onStep: onStep), settings: settings, logger: session.logger, metrics: metrics)
        let session = session
        let watching = Task { try await session.run { try await watcher.run(report: report) } }
        // A stop, or cancelling the caller, ends the watch after a switch in progress has finished.
        let stopper = Task { [environment] in
            await environment.stopRequested()
            watching.cancel()
        }
        defer { stopper.cancel() }
        return try await withTaskCancellationHandler { try await watching.value } onCancel: { watching.cancel() }
    }
}
