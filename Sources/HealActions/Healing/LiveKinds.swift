import HealKube
import HealModel

/// One more kind `diagnose --watch` keeps current besides pods, Events, Deployments and
/// ReplicaSets (which it follows with their own bookkeeping): the watch that feeds it and the
/// snapshot list it replaces, so that a node going NotReady or a Service losing its endpoints an
/// hour into a watch is diagnosed like the rest.
protocol LiveSet: Sendable {
    var kind: ResourceKind { get }
    /// Applies an event of this set's own watch (a `WatchEvent` of its object type).
    mutating func apply(_ event: any Sendable)
    func fill(_ snapshot: inout ClusterSnapshot)
    /// Streams this kind's events (cluster-wide for cluster-scoped kinds) until cancelled.
    func watch(client: KubeClient, namespace: String?, connectivity: WatchConnectivity, yield: @escaping @Sendable (any Sendable) -> Void) async throws
}

private struct TypedLiveSet<Object: Decodable & Sendable>: LiveSet {
    let kind: ResourceKind
    let list: WritableKeyPath<ClusterSnapshot, [Object]> & Sendable
    var objects: WatchedObjects<Object>

    mutating func apply(_ event: any Sendable) {
        if let event = event as? WatchEvent<Object> { objects.apply(event) }
    }

    func fill(_ snapshot: inout ClusterSnapshot) {
        snapshot[keyPath: list] = objects.values
    }

    func watch(client: KubeClient, namespace: String?, connectivity: WatchConnectivity, yield: @escaping @Sendable (any Sendable) -> Void) async throws {
        for try await event in client.watch(kind, as: Object.self, namespace: kind.isNamespaced ? namespace : nil, connectivity: connectivity) {
            yield(event)
        }
    }
}

enum LiveKinds {
    /// A set for every kind the initial collection read (a kind RBAC refused stays as it was).
    static func sets(from snapshot: ClusterSnapshot) -> [any LiveSet] {
        var sets: [any LiveSet] = []
        func add<Object: Decodable & Sendable>(
            _ kind: ResourceKind, _ list: WritableKeyPath<ClusterSnapshot, [Object]> & Sendable,
            _ metadata: @escaping @Sendable (Object) -> ObjectMeta
        ) {
            guard snapshot.collected.contains(kind) else { return }
            let objects = WatchedObjects(snapshot[keyPath: list]) { "\(metadata($0).namespace ?? "")/\(metadata($0).name)" }
            sets.append(TypedLiveSet(kind: kind, list: list, objects: objects))
        }
        add(.statefulSets, \.statefulSets) { $0.metadata }
        add(.daemonSets, \.daemonSets) { $0.metadata }
        add(.jobs, \.jobs) { $0.metadata }
        add(.services, \.services) { $0.metadata }
        add(.endpointSlices, \.endpointSlices) { $0.metadata }
        add(.nodes, \.nodes) { $0.metadata }
        add(.persistentVolumeClaims, \.persistentVolumeClaims) { $0.metadata }
        add(.horizontalPodAutoscalers, \.horizontalPodAutoscalers) { $0.metadata }
        add(.ingresses, \.ingresses) { $0.metadata }
        add(.podDisruptionBudgets, \.podDisruptionBudgets) { $0.metadata }
        return sets
    }
}
