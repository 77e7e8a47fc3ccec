import ArgumentParser
import Foundation
import HealActions
import HealAnalysis
import HealKube
import HealModel
import HealStore
import Logging
import Synchronization

/// `diagnose --fix` (one pass) and `diagnose --watch [--fix]`: the diagnosis, then the healing
/// loop, printing every event as it happens and a summary at the end.
struct HealJob {
    struct Request {
        var diagnose: DiagnoseRequest
        var fix: Bool
        var watch: Bool
        var yes: Bool
        var json: Bool
        var heal: HealOptions
        var store: StoreOptions
        var cluster: ClusterOptions
        var metricsAddress: String?
        /// Plans incidents no rule covers, when an LLM is configured.
        var llm: LLMSession?
        var requireLLM: Bool
    }

    let environment: CLIEnvironment
    let logLevel: Logger.Level

    /// Exit code: 75 when a step was refused because someone else changed the object, 1 when
    /// an incident was acted on but not fixed (its last step did not verify), else 0.
    func run(_ request: Request) async throws -> Int32 {
        let logger = StandardErrorLogHandler.logger("heal", sink: environment.standardError, level: logLevel)
        let policy = try HealPolicy.load(ifGiven: request.heal.policy) ?? .interactiveDefault
        // A bad --store is refused before the diagnosis; the store opens on the diagnosis' cluster.
        if request.fix { _ = try request.store.location(in: environment) }
        let started = ContinuousClock.now
        let outcome = try await DiagnoseJob(environment: environment, logLevel: logLevel).run(request.diagnose)
        guard let connection = outcome.connection, let client = outcome.client else {
            throw ValidationError("--fix and --watch act on a live cluster, not on --snapshot files")
        }
        let store = request.fix
            ? try FixStoreFactory.open(request.store, cluster: request.cluster, environment: environment, logLevel: logLevel, client: client) : nil
        let summary = Mutex(HealSummary())
        let metrics = HealMetrics()
        let emit: @Sendable (HealEvent) -> Void = { [environment] event in
            summary.withLock { $0.count(event) }
            metrics.record(event)
            environment.standardOutput.write((try? HealEventRenderer.line(event, json: request.json)) ?? "")
        }
        let advisor = request.llm?.planAdvisor()
        let session = try store.map { store in
            let approval = HealApproval(policy: policy, yes: request.yes, environment: environment)
            return HealSession(
                store: store,
                executor: HealExecutor(
                    client: client, events: EventRecorder(client: client, logger: logger, now: environment.now),
                    settings: request.heal.executorSettings(), logger: logger, now: environment.now),
                planner: HealPlanner(settings: try request.heal.plannerSettings), limits: request.heal.limits(namedNamespace: request.cluster.namespace),
                identity: HealIdentity(user: environment.variables["USER"] ?? "unknown", context: connection.contextName ?? connection.server),
                approve: { step, labels in approval.decide(step, labels: labels) }, advisor: advisor, emit: emit, now: environment.now)
        }
        if request.watch {
            try await watch(request, namespace: outcome.report.metadata.namespaces?.first, snapshot: outcome.snapshot, client: client, session: session, metrics: metrics, logger: logger, emit: emit)
        } else if let session {
            for finding in outcome.report.findings where finding.severity >= .warning {
                emit(.detected(finding, at: environment.now()))
            }
            let namespaces = outcome.report.metadata.namespaces.map(Set.init)
            try await Interruption.run({
                try await session.healOnce(outcome.report.findings, snapshot: outcome.snapshot, namespaces: namespaces)
            }, stop: environment.stopRequested)
        }
        var final = summary.withLock { $0 }
        final.conflictsRetried = await session?.conflictsRetried ?? 0
        final.seconds = started.duration(to: .now).seconds
        environment.standardOutput.write(try HealEventRenderer.summary(final, json: request.json))
        let notFixed = await session?.incidentsNotFixed ?? 0
        if request.requireLLM, advisor?.failedOnce == true { return ExitStatus.unavailable }
        if await session?.refusedForConflict ?? 0 > 0 { return ExitStatus.temporaryFailure }
        return notFixed > 0 ? ExitStatus.findings : ExitStatus.success
    }

    private func watch(
        _ request: Request, namespace: String?, snapshot: ClusterSnapshot, client: KubeClient, session: HealSession?, metrics: HealMetrics, logger: Logger,
        emit: @escaping @Sendable (HealEvent) -> Void
    ) async throws {
        var settings = HealWatcher.Settings(namespace: namespace)
        settings.excludedNamespaces = request.diagnose.excludedNamespaces
        settings.options = request.diagnose.options
        let server = try request.metricsAddress.map { text throws(MetricsServerError) in
            try MetricsServer(address: MetricsAddress(parsing: text), metrics: metrics, logger: logger)
        }
        defer { server?.stop() }
        if let server { logger.notice("serving Prometheus metrics on http://\(server.address)/metrics") }
        let watcher = HealWatcher(
            client: client, settings: settings, session: session, logger: logger, now: environment.now,
            onPodCount: { metrics.setWatchedPods($0) }, onReconnect: { metrics.watchReconnected() }, emit: emit)
        let stop = environment.stopRequested
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await watcher.run(from: snapshot) }
            group.addTask { await stop() }
            _ = try await group.next()
            group.cancelAll()
        }
    }
}
