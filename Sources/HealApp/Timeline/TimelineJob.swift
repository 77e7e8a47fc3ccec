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
        /// The context the objects came from: only its heal actions belong here.
        var context: String?
        var since: Timestamp
        var now: Timestamp
    }

    package func run(_ request: Request) async throws -> Timeline {
        let read = try await self.read(request, kinds: Self.kinds)
        return TimelineBuilder.build(
            read.snapshot, target: read.target, namespace: read.namespace, since: read.since, now: read.now,
            recorded: try await actions(request, read: read))
    }

    /// Builds the timeline, hands it to `shown`, then follows the namespace and emits each new
    /// entry until stopped (SIGINT/SIGTERM).
    package func watch(
        _ request: Request, shown: @escaping @Sendable (Timeline) throws -> Void, emit: @escaping @Sendable (TimelineWatchLine) -> Void
    ) async throws {
        let read = try await self.read(request, kinds: Self.kinds.union([.endpointSlices]))
        guard let client = read.client, let namespace = read.namespace else { throw AppError.liveClusterNeeded }
        let timeline = TimelineBuilder.build(
            read.snapshot, target: read.target, namespace: namespace, since: read.since, now: read.now,
            recorded: try await actions(request, read: read))
        try shown(timeline)
        let now = environment.now
        let informers = SharedInformers(client: client, connectivity: WatchConnectivity(logger: logger, onOutage: { error in
            emit(TimelineWatchLine(type: error == nil ? .reconnected : .disconnected, time: Timestamp(now()), sentence: WatchConnectivity.sentence(error: error)))
        }))
        defer { informers.stopAll() }
        let watch = TimelineWatch(
            view: TimelineLiveView(base: read.snapshot, namespace: namespace, informers: informers), target: read.target, namespace: namespace,
            since: read.since, readActions: { [self] in (try? await actions(request, read: read)) ?? TimelineBuilder.Recorded() },
            logger: logger, now: environment.now)
        try await Interruption.run({ try await watch.run(after: timeline, emit: emit) }, stop: environment.stopRequested)
    }

    private func read(_ request: Request, kinds: Set<ResourceKind>) async throws -> Read {
        let read = try await SnapshotReader(environment: environment, logger: logger).read(SnapshotReader.Request(
            source: request.source, namespace: request.namespace, allNamespaces: false, kinds: kinds, logs: nil))
        var snapshot = read.snapshot
        let namespace = read.namespaces?.first ?? request.namespace
        if let client = read.client {
            snapshot.events = try await events(client: client, namespace: namespace)
        }
        var target: ResourceRef?
        if let wanted = request.target {
            guard snapshot.contains(wanted.kind, named: wanted.name) else {
                throw AppError.targetNotFound(type: wanted.kind.kind.lowercased(), name: wanted.name, namespace: namespace)
            }
            let found = snapshot.metadata(of: wanted.kind).first { $0.name == wanted.name && (namespace == nil || $0.namespace == namespace) }
            target = ResourceRef(kind: wanted.kind.kind, namespace: found?.namespace ?? namespace, name: wanted.name)
        }
        let now = snapshot.referenceTime ?? Timestamp(environment.now())
        let context = read.connection.map { $0.contextName ?? $0.server }
        return Read(
            snapshot: snapshot, namespace: target?.namespace ?? namespace, target: target, client: read.client, context: context,
            since: now.adding(seconds: -request.window), now: now)
    }

    private func actions(_ request: Request, read: Read) async throws -> TimelineBuilder.Recorded {
        try await TimelineHealActions(environment: environment, logger: logger).read(
            store: request.store, client: read.client, context: read.context, since: read.since.date)
    }

    /// Every Event of the namespace, and the nodes' (which live in "default"): a timeline needs
    /// the Normal ones diagnosis leaves out (ScalingReplicaSet, Pulled, Started, NodeNotReady).
    /// The nodes' are a bonus: refused or missing, the timeline goes on without them.
    private func events(client: KubeClient, namespace: String?) async throws -> [Event] {
        var events: [Event] = []
        try await client.list(.events, as: Event.self, namespace: namespace, reading: .initial) { page in
            events += page
            Event.reduce(&events)
        }
        guard namespace != nil, namespace != "default" else { return events }
        do {
            try await client.list(.events, as: Event.self, namespace: "default", fieldSelector: "involvedObject.kind=Node", reading: .initial) { page in
                events += page
            }
        } catch let error as KubeError where [403, 404].contains(error.httpStatus ?? 0) {
            logger.info("the nodes' Events could not be read (\(error.httpStatus ?? 0)); the timeline goes on without them")
        }
        return events
    }
}
