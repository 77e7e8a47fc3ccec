import Foundation
import HealKube
import HealModel

/// The watcher's live copy of the cluster: the snapshot collected at start, each kind it read
/// replaced by its shared informer's store once that has listed (`LiveFeed`). Crash logs are
/// cached per container instance, so a pod's log is fetched once per restart, not once per
/// change.
struct LiveCluster {
    private let base: ClusterSnapshot
    let feeds: [any LiveFeed]
    /// Whether `feeds[i]` is the first of its kind.
    private let firstOfKind: [Bool]
    private var logs: [ContainerLogKey: (restarts: Int, logs: ContainerLogs)] = [:]

    init(_ snapshot: ClusterSnapshot, namespace: String?, informers: SharedInformers) {
        base = snapshot
        let feeds = LiveFeeds.feeds(for: snapshot, namespace: namespace, informers: informers)
        self.feeds = feeds
        firstOfKind = feeds.indices.map { $0 == 0 || feeds[$0 - 1].kind != feeds[$0].kind }
        let pods = Self.byKey(snapshot.pods)
        for (key, entry) in snapshot.logs {
            logs[key] = (Self.restarts(of: key, in: pods), entry)
        }
    }

    /// What diagnosis reads now.
    var snapshot: ClusterSnapshot {
        var snapshot = base
        for (feed, first) in zip(feeds, firstOfKind) {
            feed.fill(&snapshot, base: base, first: first)
        }
        snapshot.logs = containerLogs
        snapshot.referenceTime = nil
        return snapshot
    }

    var containerLogs: [ContainerLogKey: ContainerLogs] { logs.mapValues(\.logs) }

    /// Crashing pods whose current restart has no log yet.
    func podsNeedingLogs(in pods: [Pod]) -> [Pod] {
        pods.filter { pod in
            pod.status.containerStatuses.contains { status in
                guard (status.restartCount ?? 0) > 0 || status.state?.terminated != nil else { return false }
                let key = ContainerLogKey(namespace: pod.metadata.namespace ?? "default", pod: pod.metadata.name, container: status.name)
                return logs[key]?.restarts != status.restartCount ?? 0
            }
        }
    }

    /// Keeps the fetched logs, and drops those of pods no longer in `pods`.
    mutating func store(_ fetched: [ContainerLogKey: ContainerLogs], pods: [Pod]) {
        let pods = Self.byKey(pods)
        for (key, entry) in fetched {
            logs[key] = (Self.restarts(of: key, in: pods), entry)
        }
        logs = logs.filter { pods["\($0.key.namespace)/\($0.key.pod)"] != nil }
    }

    private static func restarts(of key: ContainerLogKey, in pods: [String: Pod]) -> Int {
        pods["\(key.namespace)/\(key.pod)"]?.status.containerStatuses.first { $0.name == key.container }?.restartCount ?? 0
    }

    private static func byKey(_ pods: [Pod]) -> [String: Pod] {
        Dictionary(pods.map { ("\($0.metadata.namespace ?? "")/\($0.metadata.name)", $0) }) { first, _ in first }
    }
}
