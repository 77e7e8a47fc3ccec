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

        package init(source: DiagnoseRequest.Source, namespace: String?, target: ResourceTarget?, window: Double) {
            self.source = source
            self.namespace = namespace
            self.target = target
            self.window = window
        }
    }

    /// What a timeline reads (ConfigMaps and Secrets as metadata: names and managedFields
    /// times); Events are listed on their own, whole.
    static let kinds: Set<ResourceKind> = [
        .pods, .replicaSets, .deployments, .statefulSets, .daemonSets, .jobs, .cronJobs, .services, .nodes, .horizontalPodAutoscalers,
        .configMaps, .secrets,
    ]

    package func run(_ request: Request) async throws -> Timeline {
        let read = try await SnapshotReader(environment: environment, logger: logger).read(SnapshotReader.Request(
            source: request.source, namespace: request.namespace, allNamespaces: false, kinds: Self.kinds, logs: nil))
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
        return TimelineBuilder.build(
            snapshot, target: target, namespace: target?.namespace ?? namespace, since: now.adding(seconds: -request.window), now: now)
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
