import Foundation
import HealKube
import HealModel

/// The watcher's live copy of the cluster — pods, Events, Deployments and ReplicaSets, and
/// every other kind the collection read (`LiveKinds`: Services, EndpointSlices, nodes, PVCs …),
/// kept current by watch events — over the snapshot collected at start. Crash logs are cached
/// per container instance, so a pod's log is fetched once per restart, not once per change.
struct LiveCluster {
    enum Change: Sendable {
        case pod(WatchEvent<Pod>)
        /// An event from the watch of `Event.diagnosisFieldSelectors[selector]`.
        case event(selector: Int, WatchEvent<Event>)
        case deployment(WatchEvent<Deployment>)
        case replicaSet(WatchEvent<ReplicaSet>)
        /// An event for `others[index]`.
        case other(index: Int, event: any Sendable)
        case tick
    }

    static let eventCap = 2000

    private var base: ClusterSnapshot
    private var pods: WatchedObjects<Pod>
    /// One cache per field selector: each watch relists only its own share of the Events.
    private var events: [WatchedObjects<Event>]
    private var deployments: WatchedObjects<Deployment>
    private var replicaSets: WatchedObjects<ReplicaSet>
    /// The other kinds, each with its own watch.
    private(set) var others: [any LiveSet]
    private var logs: [ContainerLogKey: (restarts: Int, logs: ContainerLogs)] = [:]

    init(_ snapshot: ClusterSnapshot) {
        base = snapshot
        pods = WatchedObjects(snapshot.pods) { Self.key($0.metadata) }
        events = Event.diagnosisFieldSelectors.indices.map { selector in
            WatchedObjects(snapshot.events.filter { Self.selector(of: $0) == selector }) { Self.key($0.metadata) }
        }
        deployments = WatchedObjects(snapshot.deployments) { Self.key($0.metadata) }
        replicaSets = WatchedObjects(snapshot.replicaSets) { Self.key($0.metadata) }
        others = LiveKinds.sets(from: snapshot)
        for (key, entry) in snapshot.logs {
            logs[key] = (restarts(of: key), entry)
        }
    }

    var podCount: Int { pods.count }

    var snapshot: ClusterSnapshot {
        var snapshot = base
        snapshot.pods = pods.values
        snapshot.events = events.flatMap(\.values)
        snapshot.deployments = deployments.values
        snapshot.replicaSets = replicaSets.values
        for set in others { set.fill(&snapshot) }
        snapshot.logs = logs.mapValues(\.logs)
        snapshot.referenceTime = nil
        return snapshot
    }

    mutating func apply(_ change: Change) {
        switch change {
        case .pod(let event): pods.apply(event)
        case .event(let selector, let event):
            events[selector].apply(event)
            events[selector].cap(Self.eventCap, newerFirst: Event.newerFirst)
        case .deployment(let event): deployments.apply(event)
        case .replicaSet(let event): replicaSets.apply(event)
        case .other(let index, let event): others[index].apply(event)
        case .tick: break
        }
    }

    /// Crashing pods whose current restart has no log yet.
    var podsNeedingLogs: [Pod] {
        pods.values.filter { pod in
            pod.status.containerStatuses.contains { status in
                guard (status.restartCount ?? 0) > 0 || status.state?.terminated != nil else { return false }
                let key = ContainerLogKey(namespace: pod.metadata.namespace ?? "default", pod: pod.metadata.name, container: status.name)
                return logs[key]?.restarts != status.restartCount ?? 0
            }
        }
    }

    mutating func store(_ fetched: [ContainerLogKey: ContainerLogs]) {
        for (key, entry) in fetched {
            logs[key] = (restarts(of: key), entry)
        }
        // Logs of pods that are gone are not needed any more.
        logs = logs.filter { pods["\($0.key.namespace)/\($0.key.pod)"] != nil }
    }

    private func restarts(of key: ContainerLogKey) -> Int {
        pods["\(key.namespace)/\(key.pod)"]?.status.containerStatuses.first { $0.name == key.container }?.restartCount ?? 0
    }

    /// Which of `Event.diagnosisFieldSelectors` lists this event (the collector listed it with one).
    static func selector(of event: Event) -> Int? {
        Event.diagnosisFieldSelectors.firstIndex(of: event.isWarning ? "type=Warning" : "type=Normal,reason=\(event.reason)")
    }

    static func key(_ meta: ObjectMeta) -> String {
        "\(meta.namespace ?? "")/\(meta.name)"
    }
}
