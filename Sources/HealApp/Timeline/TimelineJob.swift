import Foundation
import HealAnalysis
import HealKube
import HealModel
import Logging

/// The use case behind `timeline`: read the target's namespace (live or from files) with every
/// Event in it, not only those diagnosis reads, and build its timeline.
package struct TimelineJob {
    let environment: AppEnvironment
    let logger: Logger

    package init(environment: AppEnvironment, logLevel: Logger.Level) {
        self.environment = environment
        self.logger = environment.logger(level: logLevel)
    }

    package struct Request: Sendable {
        package var source: DiagnoseRequest.Source
        package var namespace: String?
        package var target: ResourceTarget?
        /// How far back the timeline reaches.
        package var window: Double
        /// The heal store whose attempts are kubectl-heal's own actions (nil: the default).
        package var store: String?

        package init(source: DiagnoseRequest.Source, namespace: String?, target: ResourceTarget?, window: Double, store: String? = nil) {
            self.source = source
            self.namespace = namespace
            self.target = target
            self.window = window
            self.store = store
        }
    }

    /// What a timeline reads (ConfigMaps and Secrets as metadata: names and managedFields
    /// times); Events are listed on their own, whole.
    static let kinds: Set<ResourceKind> = [
        .pods, .replicaSets, .deployments, .statefulSets, .daemonSets, .jobs, .cronJobs, .services, .nodes, .horizontalPodAutoscalers,
        .configMaps, .secrets,
    ]

    /// What was read, for the timeline and for a watch that follows it.
    private struct Read {
        var snapshot: ClusterSnapshot
        var namespace: String?
        var target: ResourceRef?
        var client: KubeClient?
        /// Whether the nodes' Events (in "default") could be read: a watch follows them only then.
        var nodeEvents: Bool
        var now: Timestamp
    }

    package func run(_ request: Request) async throws -> Timeline {
        let read = try await self.read(request, kinds: Self.kinds)
        let since = read.now.adding(seconds: -request.window)
        let actions = try TimelineHealActions(store: request.store, client: read.client, environment: environment, logger: logger)
        return TimelineBuilder.build(
            read.snapshot, target: read.target, namespace: read.namespace, since: since, now: read.now, recorded: await actions.read(since: since.date))
    }

    /// Builds the timeline, hands it to `shown`, then follows the namespace and emits each new
    /// entry until stopped (SIGINT/SIGTERM).
    package func watch(
        _ request: Request, shown: @escaping @Sendable (Timeline) throws -> Void, emit: @escaping @Sendable (TimelineWatchLine) -> Void
    ) async throws {
        let read = try await self.read(request, kinds: Self.kinds.union([.endpointSlices]))
        // The command refuses --watch with --snapshot; a live read always has both.
        guard let client = read.client, let namespace = read.namespace else { return }
        let actions = try TimelineHealActions(store: request.store, client: client, environment: environment, logger: logger)
        let since = read.now.adding(seconds: -request.window)
        let recorded = await actions.read(since: since.date)
        let timeline = TimelineBuilder.build(read.snapshot, target: read.target, namespace: namespace, since: since, now: read.now, recorded: recorded)
        try shown(timeline)
        let now = environment.now
        let informers = SharedInformers(client: client, connectivity: WatchConnectivity(logger: logger, onOutage: { error in
            emit(TimelineWatchLine(type: error == nil ? .reconnected : .disconnected, time: Timestamp(now()), sentence: WatchConnectivity.sentence(error: error)))
        }))
        defer { informers.stopAll() }
        let watch = TimelineWatch(
            view: TimelineLiveView(base: read.snapshot, namespace: namespace, nodeEvents: read.nodeEvents, informers: informers),
            target: request.target, targetRef: read.target, namespace: namespace, window: request.window, actions: actions, logger: logger,
            now: environment.now)
        try await Interruption.run({ try await watch.run(after: timeline, recorded: recorded, emit: emit) }, stop: environment.stopRequested)
    }

    private func read(_ request: Request, kinds: Set<ResourceKind>) async throws -> Read {
        let read = try await SnapshotReader(environment: environment, logger: logger).read(SnapshotReader.Request(
            source: request.source, namespace: request.namespace, allNamespaces: false, kinds: kinds, logs: nil))
        var snapshot = read.snapshot
        let namespace = read.namespaces?.first ?? request.namespace
        var nodeEvents = false
        if let client = read.client {
            (snapshot.events, nodeEvents) = try await events(client: client, namespace: namespace)
        }
        var target: ResourceRef?
        if let wanted = request.target {
            guard snapshot.contains(wanted.kind, named: wanted.name) else {
                throw AppError.targetNotFound(type: wanted.kind.kind.lowercased(), name: wanted.name, namespace: namespace)
            }
            let found = snapshot.metadata(of: wanted.kind).first { $0.name == wanted.name && (namespace == nil || $0.namespace == namespace) }
            target = ResourceRef(kind: wanted.kind.kind, namespace: found?.namespace ?? namespace, name: wanted.name)
        }
        return Read(
            snapshot: snapshot, namespace: target?.namespace ?? namespace, target: target, client: read.client, nodeEvents: nodeEvents,
            now: snapshot.referenceTime ?? Timestamp(environment.now()))
    }

    /// Every Event of the namespace, and the nodes' (which live in "default"): a timeline needs
    /// the Normal ones diagnosis leaves out (ScalingReplicaSet, Pulled, Started, NodeNotReady).
    /// The nodes' are a bonus: refused or missing, the timeline goes on without them (and says
    /// whether they were read).
    private func events(client: KubeClient, namespace: String?) async throws -> (events: [Event], nodes: Bool) {
        var events: [Event] = []
        try await client.list(.events, as: Event.self, namespace: namespace, reading: .initial) { page in
            events += page
            Event.reduce(&events)
        }
        guard namespace != nil, namespace != "default" else { return (events, false) }
        do {
            try await client.list(.events, as: Event.self, namespace: "default", fieldSelector: TimelineLiveView.nodeEventSelector, reading: .initial) { page in
                events += page
            }
        } catch let error as KubeError where [403, 404].contains(error.httpStatus ?? 0) {
            logger.info("the nodes' Events could not be read (\(error.httpStatus ?? 0)); the timeline goes on without them")
            return (events, false)
        }
        return (events, true)
    }
}
