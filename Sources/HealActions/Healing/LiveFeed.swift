import HealKube
import HealModel

/// One shared informer as `diagnose --watch` reads it: its share of the snapshot (one kind, or
/// one of Events' field selectors), taken from the collection at start until the informer has
/// listed, and from its store after.
protocol LiveFeed: Sendable {
    var kind: ResourceKind { get }
    var source: ChangeFeed.Source { get }
    /// Puts this feed's objects into `snapshot`, after what earlier feeds of the kind put there
    /// (`first`: the kind's list starts empty).
    func fill(_ snapshot: inout ClusterSnapshot, base: ClusterSnapshot, first: Bool)
}

private struct InformerFeed<Object: KubeResource>: LiveFeed {
    let informer: Informer<Object>

    var kind: ResourceKind { Object.resource }

    var source: ChangeFeed.Source { ChangeFeed.Source(informer, essential: LiveFeeds.essential.contains(Object.resource)) }

    func fill(_ snapshot: inout ClusterSnapshot, base: ClusterSnapshot, first: Bool) {
        if first { snapshot[Object.self] = [] }
        if informer.synced {
            snapshot[Object.self] += informer.objects(in: informer.scope.namespace)
        } else {
            let selector = informer.scope.fieldSelector
            snapshot[Object.self] += base[Object.self].filter { $0.listFieldSelector == selector }
        }
    }
}

enum LiveFeeds {
    /// A refused watch of these ends the watcher: diagnosis without them is blind. Any other
    /// kind stays as it was at start (RBAC may allow its list and not its watch).
    static let essential: Set<ResourceKind> = [.pods, .events, .deployments, .replicaSets]

    /// One feed per kind the collection read and per field selector it read it with, in
    /// `KindRegistry` order (so a kind's feeds are adjacent).
    static func feeds(for snapshot: ClusterSnapshot, namespace: String?, informers: SharedInformers) -> [any LiveFeed] {
        KindRegistry.types
            .filter { snapshot.collected.contains($0.resource) }
            .flatMap { feeds(of: $0, namespace: namespace, informers: informers) }
    }

    private static func feeds<Object: KubeResource>(of type: Object.Type, namespace: String?, informers: SharedInformers) -> [any LiveFeed] {
        Object.listFieldSelectors.map { selector in
            InformerFeed(informer: informers.informer(type, namespace: namespace, fieldSelector: selector))
        }
    }
}
