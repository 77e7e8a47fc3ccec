import Foundation
import Synchronization
import HealAnalysis
import HealKube
import HealModel
import Logging

/// `diagnose --watch`: keeps a live copy of the cluster through watches (resumed, relisted on
/// 410), re-diagnoses shortly after anything changes, reports problems as they appear and
/// disappear, and — with a `HealSession` — heals new incidents one at a time while it keeps
/// watching. There is no polling interval: a change is diagnosed within the debounce delay.
package struct HealWatcher: Sendable {
    package struct Settings: Sendable {
        /// nil: all namespaces.
        package var namespace: String?
        package var excludedNamespaces: [String] = []
        package var options = DiagnosisOptions()
        /// How long changes are gathered before a diagnosis: a rollout's burst of events makes
        /// one diagnosis, not fifty.
        package var debounce: Duration = .milliseconds(100)

        package init(namespace: String?) {
            self.namespace = namespace
        }
    }

    let client: KubeClient
    let settings: Settings
    let session: HealSession?
    let emit: @Sendable (HealEvent) -> Void
    let onPodCount: @Sendable (Int) -> Void
    /// How the watches fare: outages said once on stderr, reconnects counted.
    let connectivity: WatchConnectivity
    let logger: Logger
    let now: @Sendable () -> Date

    package init(
        client: KubeClient, settings: Settings, session: HealSession?, logger: Logger, now: @escaping @Sendable () -> Date = Date.init,
        onPodCount: @escaping @Sendable (Int) -> Void = { _ in }, onReconnect: @escaping @Sendable () -> Void = {},
        emit: @escaping @Sendable (HealEvent) -> Void
    ) {
        let server = client.connection.server
        connectivity = WatchConnectivity(logger: logger, onReconnect: onReconnect) { error in
            emit(.connectivity(server: server, error: error, at: now()))
        }
        self.client = client
        self.settings = settings
        self.session = session
        self.logger = logger
        self.now = now
        self.onPodCount = onPodCount
        self.emit = emit
    }

    /// Runs until the task is cancelled (SIGINT/SIGTERM): the fix in progress, if any, is
    /// finished first (verified or restored), never left half-applied.
    package func run(from initial: ClusterSnapshot) async throws {
        var live = LiveCluster(initial)
        var reported: [String: Finding] = [:]
        // Changes an earlier run left unverified are finished before anything new is tried.
        if let session {
            do { try await session.finishUnverified(in: settings.namespace.map { [$0] }) } catch {
                logger.error("the learned memory could not be read or written: \(error)")
            }
        }
        let healer = session.map { HealQueue(session: $0, logger: logger) }
        let feed = changes(others: live.others)
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

    private func follow(_ feed: Feed, live: inout LiveCluster, reported: inout [String: Finding], healer: HealQueue?) async throws {
        var dirty = true
        var lastChange = ContinuousClock.now
        for try await change in feed.stream {
            if case .tick = change {
                guard dirty, lastChange.duration(to: .now) >= settings.debounce || Task.isCancelled else { continue }
                dirty = false
                await evaluate(&live, reported: &reported, healer: healer)
                continue
            }
            live.apply(change)
            dirty = true
            lastChange = .now
        }
    }

    private func evaluate(_ live: inout LiveCluster, reported: inout [String: Finding], healer: HealQueue?) async {
        let needingLogs = live.podsNeedingLogs
        if !needingLogs.isEmpty {
            live.store(await SnapshotCollector(client: client, logger: logger).crashLogs(for: needingLogs))
        }
        onPodCount(live.podCount)
        let snapshot = live.snapshot.restricted(toNamespace: settings.namespace, excluding: settings.excludedNamespaces)
        let detectedAt = now()
        let findings = Diagnoser.diagnose(snapshot, options: settings.options, now: Timestamp(detectedAt)).findings
            .filter { $0.severity >= .warning }
        let current = Dictionary(findings.map { (Self.key($0), $0) }) { first, _ in first }
        for (key, finding) in current.sorted(by: { $0.key < $1.key }) where reported[key] == nil {
            emit(.detected(finding, at: detectedAt))
        }
        for (key, finding) in reported.sorted(by: { $0.key < $1.key }) where current[key] == nil {
            emit(.resolved(finding, at: detectedAt))
            healer?.forget(key)
        }
        if let healer, let session {
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

    // MARK: Watches

    private struct Feed: Sendable {
        let stream: AsyncThrowingStream<LiveCluster.Change, any Error>
        let tasks: [Task<Void, Never>]

        func cancel() {
            for task in tasks { task.cancel() }
        }
    }

    private func changes(others: [any LiveSet]) -> Feed {
        let (stream, continuation) = AsyncThrowingStream<LiveCluster.Change, any Error>.makeStream()
        let client = client
        let namespace = settings.namespace
        let connectivity = connectivity
        var tasks: [Task<Void, Never>] = []
        // A watch ends the feed only when it is refused for good (it waits out outages itself).
        func feed(_ watch: @escaping @Sendable () async throws -> Void) {
            tasks.append(Task {
                do {
                    try await watch()
                    continuation.finish()
                } catch is CancellationError {
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            })
        }
        func forward<Object: Decodable & Sendable>(
            _ kind: ResourceKind, _ type: Object.Type, fieldSelector: String? = nil, _ wrap: @escaping @Sendable (WatchEvent<Object>) -> LiveCluster.Change
        ) {
            feed {
                for try await event in client.watch(kind, as: type, namespace: namespace, fieldSelector: fieldSelector, connectivity: connectivity) {
                    continuation.yield(wrap(event))
                }
            }
        }
        forward(.pods, Pod.self) { .pod($0) }
        // The Events diagnosis reads, as the collector lists them: one watch per field selector.
        for (selector, fieldSelector) in Event.diagnosisFieldSelectors.enumerated() {
            forward(.events, Event.self, fieldSelector: fieldSelector) { .event(selector: selector, $0) }
        }
        forward(.deployments, Deployment.self) { .deployment($0) }
        forward(.replicaSets, ReplicaSet.self) { .replicaSet($0) }
        // A kind diagnosis reads but the watcher could do without (RBAC allows list, not watch):
        // a refusal freezes that kind, said once, instead of ending the watcher.
        let logger = logger
        for (index, set) in others.enumerated() {
            tasks.append(Task {
                do {
                    try await set.watch(client: client, namespace: namespace, connectivity: connectivity) { continuation.yield(.other(index: index, event: $0)) }
                } catch {
                    // Cancelled: the watcher is stopping.
                    if !Task.isCancelled, !(error is CancellationError) {
                        logger.warning("the watch of \(set.kind.groupResource) was refused (\(error)); it stays as it was at start")
                    }
                }
            })
        }
        let debounce = settings.debounce
        tasks.append(Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: debounce)
                continuation.yield(.tick)
            }
            continuation.finish()
        })
        let feed = Feed(stream: stream, tasks: tasks)
        continuation.onTermination = { _ in feed.cancel() }
        return feed
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
