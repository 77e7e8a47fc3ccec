import Foundation
import Synchronization
import HealAnalysis
import HealKube
import HealModel
import Logging

/// `diagnose --watch`: keeps a live copy of the cluster through the process's shared informers
/// (resumed, relisted on 410, outages waited out), re-diagnoses shortly after anything changes,
/// reports problems as they appear and disappear, and — with a `HealSession` — heals new
/// incidents one at a time while it keeps watching. There is no polling interval: a change is
/// diagnosed within the debounce delay.
package struct HealWatcher: Sendable {
    package struct Settings: Sendable {
        /// nil: all namespaces.
        package var namespace: String?
        package var excludedNamespaces: [String] = []
        package var options = DiagnosisOptions()
        /// How long changes are gathered before a diagnosis: a rollout's burst of events makes
        /// one diagnosis, not fifty.
        package var debounce: Duration = .milliseconds(100)
        /// With several replicas, only the holder of this Lease heals; the others keep watching
        /// (their informers warm) and take over when it stops renewing.
        package var leadership: LeaderLease?
        /// `--record-events`: an Event on the workload of each new incident (by the holder only).
        package var findingEvents: FindingEvents?
        /// `--report-configmaps`: each namespace's latest report as a ConfigMap (by the holder
        /// only, once every informer has listed).
        package var reports: ReportConfigMaps?
        /// `--anomalies`: findings from usage history, re-read beside the watch.
        package var history: HistoryFindings?

        package init(namespace: String?) {
            self.namespace = namespace
        }
    }

    /// The watches, shared with the session's verification; their outages are said once.
    let informers: SharedInformers
    let settings: Settings
    let session: HealSession?
    let emit: @Sendable (HealEvent) -> Void
    let onPodCount: @Sendable (Int) -> Void
    /// Every diagnosis, for the metrics of current findings, whether every informer it read had
    /// listed by then (readiness), and how long the oldest change it includes had waited for it.
    let onDiagnosis: @Sendable (_ diagnosis: Diagnosis, _ synced: Bool, _ lagSeconds: Double?) -> Void
    let logger: Logger
    let now: @Sendable () -> Date

    package init(
        informers: SharedInformers, settings: Settings, session: HealSession?, logger: Logger, now: @escaping @Sendable () -> Date = Date.init,
        onPodCount: @escaping @Sendable (Int) -> Void = { _ in }, onDiagnosis: @escaping @Sendable (_ diagnosis: Diagnosis, _ synced: Bool, _ lagSeconds: Double?) -> Void = { _, _, _ in },
        emit: @escaping @Sendable (HealEvent) -> Void
    ) {
        self.informers = informers
        self.settings = settings
        self.session = session
        self.logger = logger
        self.now = now
        self.onPodCount = onPodCount
        self.onDiagnosis = onDiagnosis
        self.emit = emit
    }

    /// Runs until the task is cancelled (SIGINT/SIGTERM): the fix in progress, if any, is
    /// finished first (verified or restored), never left half-applied.
    package func run(from initial: ClusterSnapshot) async throws {
        var live = LiveCluster(initial, namespace: settings.namespace, informers: informers)
        var reported: [String: Finding] = [:]
        if settings.leadership?.isLeader ?? true { await finishUnverified() }
        let healer = session.map { HealQueue(session: $0, logger: logger) }
        let feed = ChangeFeed(live.feeds.map { $0.subscribe() }, tick: settings.debounce, logger: logger)
        defer { feed.cancel() }
        do {
            try await follow(feed, live: &live, reported: &reported, healer: healer)
        } catch where Task.isCancelled {
            // Stopping cancels the watches; one that reports its own cancellation before the
            // stream ends is the stop, not a failure.
        } catch {
            // A watch refused for good ends the watcher, but never in the middle of a fix.
            await healer?.drain()
            throw error
        }
        await healer?.drain()
    }

    private func follow(_ feed: ChangeFeed, live: inout LiveCluster, reported: inout [String: Finding], healer: HealQueue?) async throws {
        var debounce = ChangeDebounce(settle: settings.debounce)
        var leading = settings.leadership?.isLeader ?? true
        var historyRead = settings.history?.generation
        for try await change in feed.stream {
            switch change {
            case .changed:
                debounce.changed()
            case .tick:
                // A new read of the history is a change of its own.
                if let generation = settings.history?.generation, generation != historyRead {
                    historyRead = generation
                    debounce.requestRead()
                }
                // A replica that just took over heals what is broken now, changed or not.
                let now = settings.leadership?.isLeader ?? true
                if now && !leading {
                    settings.reports?.forgetWritten()
                    await finishUnverified()
                    debounce.requestRead()
                }
                leading = now
                let waitingSince = debounce.oldestUnreadChange
                guard debounce.due() else { continue }
                await evaluate(&live, reported: &reported, healer: healer, waitingSince: waitingSince)
            }
        }
    }

    /// Changes an earlier run (or a replica that held the Lease before) left unverified are
    /// finished before anything new is tried.
    private func finishUnverified() async {
        guard let session else { return }
        do { try await session.finishUnverified(in: settings.namespace.map { [$0] }) } catch {
            logger.error("the learned memory could not be read or written: \(error)")
        }
    }

    /// `waitingSince`: when the oldest change this diagnosis includes reached the informers.
    private func evaluate(_ live: inout LiveCluster, reported: inout [String: Finding], healer: HealQueue?, waitingSince: ContinuousClock.Instant? = nil) async {
        var snapshot = live.snapshot
        let needingLogs = live.podsNeedingLogs(in: snapshot.pods)
        if !needingLogs.isEmpty {
            live.store(await SnapshotCollector(client: informers.client, logger: logger).crashLogs(for: needingLogs), pods: snapshot.pods)
            snapshot.logs = live.containerLogs
        }
        onPodCount(snapshot.pods.count)
        snapshot = snapshot.restricted(toNamespace: settings.namespace, excluding: settings.excludedNamespaces)
        let detectedAt = now()
        var options = settings.options
        if let history = settings.history { options.historyFindings = history.findings(for: snapshot) }
        let diagnosis = Diagnoser.diagnose(snapshot, options: options, now: Timestamp(detectedAt))
        let synced = live.feeds.allSatisfy(\.synced)
        onDiagnosis(diagnosis, synced, waitingSince.map { $0.duration(to: .now).seconds })
        if synced, settings.leadership?.isLeader ?? true {
            settings.reports?.submit(diagnosis, snapshot: snapshot, namespaces: settings.namespace.map { [$0] }, at: Timestamp(detectedAt))
        }
        let findings = diagnosis.findings.filter { $0.severity >= .warning }
        let current = Dictionary(findings.map { (Self.key($0), $0) }) { first, _ in first }
        let recording = settings.leadership?.isLeader ?? true ? settings.findingEvents : nil
        for (key, finding) in current.sorted(by: { $0.key < $1.key }) where reported[key] == nil {
            emit(.detected(finding, at: detectedAt))
            recording?.detected(finding)
        }
        for (key, finding) in reported.sorted(by: { $0.key < $1.key }) where current[key] == nil {
            emit(.resolved(finding, at: detectedAt))
            healer?.forget(key)
        }
        if let healer, let session, settings.leadership?.isLeader ?? true {
            for incident in session.incidents(in: findings) {
                healer.enqueue(incident, key: Self.key(incident), snapshot: snapshot, detectedAt: detectedAt)
            }
        }
        reported = current
    }

    /// One problem of one workload's container.
    private static func key(_ finding: Finding) -> String {
        "\(finding.workload)|\(finding.container ?? "")|\(finding.code)"
    }
}

/// Heals incidents one after the other, apart from the watch loop so detection goes on while a
/// fix verifies. An incident is queued once; it may be queued again only after it resolved.
final class HealQueue: Sendable {
    private struct Job: Sendable {
        var finding: Finding
        var snapshot: ClusterSnapshot
        var detectedAt: Date
    }

    private let handled = Mutex<Set<String>>([])
    private let stopping = StopFlag()
    private let continuation: AsyncStream<Job>.Continuation
    private let worker: Task<Void, Never>

    init(session: HealSession, logger: Logger) {
        let (jobs, continuation) = AsyncStream<Job>.makeStream()
        self.continuation = continuation
        // Not cancelled with the watch: a fix in progress runs to its end (verified or restored).
        let stopping = stopping
        worker = Task.detached {
            for await job in jobs where !stopping.isSet {
                do {
                    try await session.heal(job.finding, snapshot: job.snapshot, detectedAt: job.detectedAt)
                } catch {
                    logger.error("the learned memory could not be written: \(error)")
                }
            }
        }
    }

    func enqueue(_ finding: Finding, key: String, snapshot: ClusterSnapshot, detectedAt: Date) {
        guard handled.withLock({ $0.insert(key).inserted }) else { return }
        continuation.yield(Job(finding: finding, snapshot: snapshot, detectedAt: detectedAt))
    }

    func forget(_ key: String) {
        _ = handled.withLock { $0.remove(key) }
    }

    /// Lets the fix in progress finish (verified or restored); queued ones do not start.
    func drain() async {
        stopping.set()
        continuation.finish()
        await worker.value
    }
}

/// Set once, read from the worker task.
private final class StopFlag: Sendable {
    private let value = Mutex(false)

    var isSet: Bool { value.withLock { $0 } }

    func set() {
        value.withLock { $0 = true }
    }
}
