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

private struct TypedLiveSet<Object: KubeResource>: LiveSet {
    var objects: WatchedObjects<Object>

    init(_ snapshot: ClusterSnapshot) {
        objects = WatchedObjects(snapshot[Object.self]) { LiveCluster.key($0.metadata) }
    }

    var kind: ResourceKind { Object.resource }

    mutating func apply(_ event: any Sendable) {
        if let event = event as? WatchEvent<Object> { objects.apply(event) }
    }

    func fill(_ snapshot: inout ClusterSnapshot) {
        snapshot[Object.self] = objects.values
    }

    func watch(client: KubeClient, namespace: String?, connectivity: WatchConnectivity, yield: @escaping @Sendable (any Sendable) -> Void) async throws {
        for try await event in client.watch(kind, as: Object.self, namespace: kind.isNamespaced ? namespace : nil, connectivity: connectivity) {
            yield(event)
        }
    }
}

enum LiveKinds {
    /// The kinds `LiveCluster` follows itself.
    static let ownBookkeeping: Set<ResourceKind> = [.pods, .events, .deployments, .replicaSets]

    /// A set for every other kind the initial collection read (a kind RBAC refused stays as it
    /// was).
    static func sets(from snapshot: ClusterSnapshot) -> [any LiveSet] {
        KindRegistry.types
            .filter { snapshot.collected.contains($0.resource) && !ownBookkeeping.contains($0.resource) }
            .map { liveSet(of: $0, from: snapshot) }
    }

    private static func liveSet<Object: KubeResource>(of type: Object.Type, from snapshot: ClusterSnapshot) -> any LiveSet {
        TypedLiveSet<Object>(snapshot)
    }
}
