import Foundation
import HealActions
import HealAnalysis
import HealKube
import HealModel
import HealStore
import Logging
import Synchronization

/// The use case behind `diagnose --fix` (one pass), `diagnose --watch [--fix]` and the MCP
/// `apply_fix` tool: the diagnosis, then the healing loop. Every event goes to the caller as it
/// happens; the run's summary comes back at the end.
package struct HealJob {
    package struct Request {
        package var diagnose: DiagnoseRequest
        package var fix: Bool
        package var watch: Bool
        /// Steps the policy leaves to confirmation run without asking.
        package var yes: Bool
        package var heal: HealSettings
        /// The store of fixes: a SQLite path or configmap://NAMESPACE/NAME; nil for the default.
        package var store: String?
        /// For a ConfigMap store, when the diagnosis did not connect (it always does live).
        package var cluster: ConfigOverrides
        /// With `watch`: serve Prometheus metrics on this HOST:PORT.
        package var metricsAddress: String?
        /// Plans incidents no rule covers, when an LLM is configured.
        package var llm: LLMSession?
        /// With `watch`: heal only while holding this Lease (several replicas, one acting).
        package var leaderElection: LeaderElection?
        /// With `watch`: an Event on the workload of each new incident.
        package var recordEvents = false
        /// With `watch`: each namespace's latest report as a ConfigMap in the watcher's own
        /// namespace.
        package var reportConfigMaps = false

        package init(
            diagnose: DiagnoseRequest, fix: Bool, watch: Bool, yes: Bool, heal: HealSettings, store: String?, cluster: ConfigOverrides,
            metricsAddress: String? = nil, llm: LLMSession? = nil, leaderElection: LeaderElection? = nil, recordEvents: Bool = false,
            reportConfigMaps: Bool = false
        ) {
            self.diagnose = diagnose
            self.fix = fix
            self.watch = watch
            self.yes = yes
            self.heal = heal
            self.store = store
            self.cluster = cluster
            self.metricsAddress = metricsAddress
            self.llm = llm
            self.leaderElection = leaderElection
            self.recordEvents = recordEvents
            self.reportConfigMaps = reportConfigMaps
        }
    }

    /// `--leader-elect`: the Lease the replicas of one watcher share.
    package struct LeaderElection: Sendable {
        package var leaseName: String
        /// nil: $POD_NAMESPACE in a pod, else the context's namespace.
        package var namespace: String?
        package var durationSeconds: Int

        package init(leaseName: String, namespace: String?, durationSeconds: Int) {
            self.leaseName = leaseName
            self.namespace = namespace
            self.durationSeconds = durationSeconds
        }
    }

    /// How a run ended.
    package struct Outcome: Sendable {
        package var summary: HealSummary
        /// Incidents acted on whose last step did not verify.
        package var incidentsNotFixed: Int
        /// A step was refused because someone else changed the object.
        package var refusedForConflict: Bool
        /// The LLM was asked for a plan and could not answer.
        package var llmFailed: Bool
    }

    let environment: AppEnvironment
    let logLevel: Logger.Level

    package init(environment: AppEnvironment, logLevel: Logger.Level) {
        self.environment = environment
        self.logLevel = logLevel
    }

    package func run(_ request: Request, emit report: @escaping @Sendable (HealEvent) -> Void) async throws -> Outcome {
        let logger = environment.logger(level: logLevel)
        let policy = try HealPolicy.load(ifGiven: request.heal.policyFile) ?? .interactiveDefault
        // A bad store is refused before the diagnosis; the store opens on the diagnosis' cluster.
        if request.fix { _ = try environment.storeLocation(request.store) }
        let started = ContinuousClock.now
        let outcome = try await DiagnoseJob(environment: environment, logLevel: logLevel).run(request.diagnose)
        guard let connection = outcome.connection, let client = outcome.client else { throw AppError.liveClusterNeeded }
        let store = request.fix
            ? try FixStoreFactory.open(request.store, cluster: request.cluster, environment: environment, logLevel: logLevel, client: client) : nil
        let summary = Mutex(HealSummary())
        let metrics = HealMetrics()
        let emit: @Sendable (HealEvent) -> Void = { event in
            summary.withLock { $0.count(event) }
            metrics.record(event)
            report(event)
        }
        // The informers a long-running front end keeps for this cluster, or one set for the watch
        // and the fixes it verifies (an outage said once, as an event too). A one-shot run lists
        // what it verifies: a namespace's whole pod informer would cost more than a few
        // label-selected lists.
        let watching = request.watch && outcome.informers == nil
            ? SharedInformers(
                client: client,
                connectivity: WatchConnectivity(logger: logger, onReconnect: { metrics.watchReconnected() }) { [environment] error in
                    emit(.connectivity(server: connection.server, error: error, at: environment.now()))
                }) : nil
        defer { watching?.stopAll() }
        let informers = outcome.informers ?? watching
        let advisor = request.llm?.planAdvisor()
        let session = store.map { store in
            let approval = HealApproval(policy: policy, yes: request.yes, environment: environment)
            return HealSession(
                store: store,
                executor: HealExecutor(
                    client: client, events: EventRecorder(client: client, logger: logger, now: environment.now),
                    settings: request.heal.executor, informers: informers, logger: logger, now: environment.now),
                planner: HealPlanner(settings: request.heal.planner), limits: request.heal.limits,
                identity: HealIdentity(user: environment.variables["USER"] ?? "unknown", context: connection.contextName ?? connection.server),
                approve: { step, labels in approval.decide(step, labels: labels) }, advisor: advisor, emit: emit, now: environment.now)
        }
        if request.watch, let informers {
            let leadership = request.leaderElection.map { election in
                LeaderLease(
                    elector: LeaseElector(
                        client: client, namespace: election.namespace ?? environment.variables["POD_NAMESPACE"] ?? connection.namespace,
                        name: election.leaseName, identity: Self.identity(environment), leaseDurationSeconds: election.durationSeconds, logger: logger),
                    // client-go's ratio: 2 s retries for a 15 s Lease.
                    retryPeriod: .milliseconds(max(200, election.durationSeconds * 1000 * 2 / 15)), logger: logger,
                    onChange: { metrics.setLeader($0) })
            }
            await leadership?.start()
            do {
                try await watch(
                    request, namespace: outcome.report.metadata.namespaces?.first, snapshot: outcome.snapshot, informers: informers, session: session,
                    leadership: leadership, metrics: metrics, reportsIn: (connection.namespace, outcome.report.metadata.source), history: outcome.history,
                    logger: logger, emit: emit)
            } catch {
                await leadership?.stop()
                throw error
            }
            // A clean exit gives the Lease up: a standby takes over at once, not after it expires.
            await leadership?.stop()
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
        return Outcome(
            summary: final, incidentsNotFixed: await session?.incidentsNotFixed ?? 0,
            refusedForConflict: await session?.refusedForConflict ?? 0 > 0, llmFailed: advisor?.failedOnce == true)
    }

    /// Who this replica is in a Lease: the pod's name in a pod (its HOSTNAME), else the host's,
    /// with a random suffix so two processes on one machine are two candidates.
    static func identity(_ environment: AppEnvironment) -> String {
        let host = environment.variables["POD_NAME"] ?? environment.variables["HOSTNAME"] ?? ProcessInfo.processInfo.hostName
        return "\(host)_\(UUID().uuidString.prefix(8).lowercased())"
    }

    private func watch(
        _ request: Request, namespace: String?, snapshot: ClusterSnapshot, informers: SharedInformers, session: HealSession?,
        leadership: LeaderLease?, metrics: HealMetrics, reportsIn: (contextNamespace: String, source: DiagnosisReport.Source),
        history: DiagnoseJob.HistoryRead?, logger: Logger, emit: @escaping @Sendable (HealEvent) -> Void
    ) async throws {
        var settings = HealWatcher.Settings(namespace: namespace)
        settings.leadership = leadership
        var refresh: AnomalyRefresh?
        if let history, let asked = request.diagnose.anomalies {
            let findings = HistoryFindings(findings: history.findings, snapshot: snapshot)
            settings.history = findings
            let client = informers.client
            refresh = AnomalyRefresh(
                read: { [environment] workloads, end in
                    try await AnomalyDetection.read(asked, workloads: workloads, end: end, client: client, namespace: namespace, environment: environment, logger: logger)
                },
                history: findings, interval: .milliseconds(Int64(asked.intervalSeconds * 1000)), startedWithout: history.failed, logger: logger,
                now: environment.now, describe: environment.describeError)
        }
        if request.reportConfigMaps {
            // In a pod, its own namespace (the Deployment passes POD_NAMESPACE); else the context's.
            settings.reports = ReportConfigMaps(
                client: informers.client, namespace: environment.variables["POD_NAMESPACE"] ?? reportsIn.contextNamespace, source: reportsIn.source,
                mayWrite: { leadership?.isLeader ?? true }, logger: logger)
        }
        if request.recordEvents {
            let recorder = EventRecorder(client: informers.client, logger: logger, now: environment.now)
            settings.findingEvents = FindingEvents(logger: logger) { subject, message in
                await recorder.record(on: subject, type: "Warning", reason: FindingEvents.reason, message: message)
            }
        }
        settings.excludedNamespaces = request.diagnose.excludedNamespaces
        settings.options = request.diagnose.options
        let server = try MetricsEndpoint.start(request.metricsAddress, metrics: metrics, logger: logger)
        defer { server?.stop() }
        let watcher = HealWatcher(
            informers: informers, settings: settings, session: session, logger: logger, now: environment.now,
            onPodCount: { metrics.setWatchedPods($0) }, onDiagnosis: { diagnosis, synced, lag in
                metrics.setDiagnosis(diagnosis, synced: synced)
                if let lag { metrics.changeDiagnosed(afterSeconds: lag) }
            }, emit: emit)
        metrics.follow(informers)
        let stop = environment.stopRequested
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await watcher.run(from: snapshot) }
                group.addTask { await stop() }
                // Never ends by itself: it must not end the group.
                if let refresh { group.addTask { await refresh.run() } }
                _ = try await group.next()
                group.cancelAll()
            }
        } catch {
            await settings.reports?.stop()
            throw error
        }
        // Before the Lease is given up: the next holder's reports are not overwritten by ours.
        await settings.reports?.stop()
    }
}
