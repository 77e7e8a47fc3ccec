import Foundation
import HealKube
import HealModel

/// The watcher's live copy of the objects healing depends on — pods, Events, Deployments and
/// ReplicaSets, kept current by watch events — over the snapshot collected at start (which
/// supplies the kinds not watched: Services, nodes, PVCs …). Crash logs are cached per
/// container instance, so a pod's log is fetched once per restart, not once per change.
struct LiveCluster {
    enum Change: Sendable {
        case pod(WatchEvent<Pod>)
        case event(WatchEvent<Event>)
        case deployment(WatchEvent<Deployment>)
        case replicaSet(WatchEvent<ReplicaSet>)
        case tick
    }

    static let eventCap = 2000

    private var base: ClusterSnapshot
    private var pods: [String: Pod]
    private var events: [String: Event]
    private var deployments: [String: Deployment]
    private var replicaSets: [String: ReplicaSet]
    private var logs: [ContainerLogKey: (restarts: Int, logs: ContainerLogs)] = [:]

    init(_ snapshot: ClusterSnapshot) {
        base = snapshot
        pods = Self.keyed(snapshot.pods, \.metadata)
        events = Self.keyed(snapshot.events, \.metadata)
        deployments = Self.keyed(snapshot.deployments, \.metadata)
        replicaSets = Self.keyed(snapshot.replicaSets, \.metadata)
        for (key, entry) in snapshot.logs {
            logs[key] = (Self.restarts(of: key, in: pods), entry)
        }
    }

    var podCount: Int { pods.count }

    var snapshot: ClusterSnapshot {
        var snapshot = base
        snapshot.pods = Array(pods.values)
        snapshot.events = Array(events.values)
        snapshot.deployments = Array(deployments.values)
        snapshot.replicaSets = Array(replicaSets.values)
        snapshot.logs = logs.mapValues(\.logs)
        snapshot.referenceTime = nil
        return snapshot
    }

    mutating func apply(_ change: Change) {
        switch change {
        case .pod(let event): Self.apply(event, to: &pods, \.metadata)
        case .event(let event):
            Self.apply(event, to: &events, \.metadata)
            if events.count > Self.eventCap {
                let newest = events.values.sorted { ($0.lastSeen ?? Timestamp(secondsSince1970: 0)) > ($1.lastSeen ?? Timestamp(secondsSince1970: 0)) }
                events = Self.keyed(Array(newest.prefix(Self.eventCap)), \.metadata)
            }
        case .deployment(let event): Self.apply(event, to: &deployments, \.metadata)
        case .replicaSet(let event): Self.apply(event, to: &replicaSets, \.metadata)
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
            logs[key] = (Self.restarts(of: key, in: pods), entry)
        }
        // Logs of pods that are gone are not needed any more.
        logs = logs.filter { pods["\($0.key.namespace)/\($0.key.pod)"] != nil }
    }

    private static func restarts(of key: ContainerLogKey, in pods: [String: Pod]) -> Int {
        pods["\(key.namespace)/\(key.pod)"]?.status.containerStatuses.first { $0.name == key.container }?.restartCount ?? 0
    }

    private static func apply<Object>(_ event: WatchEvent<Object>, to objects: inout [String: Object], _ meta: KeyPath<Object, ObjectMeta>) {
        switch event {
        case .added(let object), .modified(let object): objects[key(object[keyPath: meta])] = object
        case .deleted(let object): objects[key(object[keyPath: meta])] = nil
        case .relisted(let all, _): objects = keyed(all, meta)
        case .bookmark: break
        }
    }

    private static func key(_ meta: ObjectMeta) -> String {
        "\(meta.namespace ?? "")/\(meta.name)"
    }

    private static func keyed<Object>(_ objects: [Object], _ meta: KeyPath<Object, ObjectMeta>) -> [String: Object] {
        Dictionary(objects.map { (key($0[keyPath: meta]), $0) }, uniquingKeysWith: { _, newer in newer })
    }
}
