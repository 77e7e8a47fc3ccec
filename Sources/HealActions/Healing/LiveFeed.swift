import HealKube
import HealModel

/// One shared informer as `diagnose --watch` reads it: its share of the snapshot (one kind, or
/// one of Events' field selectors), taken from the collection at start until the informer has
/// listed, and from its store after.
protocol LiveFeed: Sendable {
    var kind: ResourceKind { get }
    /// Whether the informer has listed (before, the feed serves what the collection read).
    var synced: Bool { get }
    /// Subscribes to the informer's changes.
    func subscribe() -> ChangeFeed.Source
    /// Puts this feed's objects into `snapshot`, after what earlier feeds of the kind put there
    /// (`first`: the kind's list starts empty).
    func fill(_ snapshot: inout ClusterSnapshot, base: ClusterSnapshot, first: Bool)
}

private struct InformerFeed<Object: KubeResource>: LiveFeed {
    let informer: Informer<Object>
    /// The watcher's namespace (nil: all), which a wider shared informer may exceed.
    let namespace: String?

    var kind: ResourceKind { Object.resource }

    var synced: Bool { informer.synced }

    func subscribe() -> ChangeFeed.Source {
        ChangeFeed.Source(subscribingTo: informer, essential: LiveFeeds.essential.contains(Object.resource))
    }

    func fill(_ snapshot: inout ClusterSnapshot, base: ClusterSnapshot, first: Bool) {
        if first { snapshot[Object.self] = [] }
        if informer.synced {
            snapshot[Object.self] += informer.objects(in: namespace)
            // A kind the collection could not read is read now.
            snapshot.collected.insert(kind)
            snapshot.unreadable.removeAll { $0.resource == kind.groupResource }
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

    /// One feed per kind the collection read, or could not read for a passing reason (a 5xx:
    /// its informer keeps trying), and per field selector it lists it with, in `KindRegistry`
    /// order (so a kind's feeds are adjacent). A kind refused (403) or not served (404) is left
    /// out, as it was from the report.
    static func feeds(for snapshot: ClusterSnapshot, namespace: String?, informers: SharedInformers) -> [any LiveFeed] {
        let retried = Set(snapshot.unreadable.filter { !["Forbidden", "NotFound"].contains($0.reason) }.map(\.resource))
        return KindRegistry.types
            .filter { snapshot.collected.contains($0.resource) || retried.contains($0.resource.groupResource) }
            .flatMap { feeds(of: $0, namespace: namespace, informers: informers) }
    }

    private static func feeds<Object: KubeResource>(of type: Object.Type, namespace: String?, informers: SharedInformers) -> [any LiveFeed] {
        Object.listFieldSelectors.map { selector in
            InformerFeed(informer: informers.informer(type, namespace: namespace, fieldSelector: selector), namespace: type.resource.isNamespaced ? namespace : nil)
        }
    }
}
