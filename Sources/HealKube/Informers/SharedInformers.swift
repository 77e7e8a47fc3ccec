import HealModel
import Synchronization

/// The informers of one process, one per scope: `diagnose --watch`, the fixes it verifies, and
/// `failover watch` ask here instead of listing and watching on their own, so a kind is listed
/// once and watched once however many consumers read it. A namespaced request is served by an
/// all-namespaces informer of the same selectors when one already runs (the consumer reads
/// `objects(in:)`). Informers start on first request and run until `stopAll()`; one whose
/// watch was refused is replaced by the next request (RBAC may allow it by then). With
/// `idleAfter` (a long-running server answering calls), an informer nobody has asked for in that
/// long and nobody follows is stopped, and its memory freed; the next request starts it again.
package final class SharedInformers: Sendable {
    package let client: KubeClient
    /// Where every informer's watch reports interruptions, so an outage is said once.
    package let connectivity: WatchConnectivity?
    private let registry = Registry()
    private let sweeper: Task<Void, Never>?

    package init(client: KubeClient, connectivity: WatchConnectivity?, idleAfter: Duration? = nil) {
        self.client = client
        self.connectivity = connectivity
        guard let idleAfter else {
            sweeper = nil
            return
        }
        let registry = registry
        sweeper = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: idleAfter / 4)
                registry.stopIdle(after: idleAfter)
            }
        }
    }

    /// The informer of `Object`'s kind for these selectors, started if it was not running.
    package func informer<Object: KubeResource>(
        _ type: Object.Type, namespace: String?, labelSelector: String? = nil, fieldSelector: String? = nil
    ) -> Informer<Object> {
        let scope = InformerScope(Object.resource, namespace: namespace, labelSelector: labelSelector, fieldSelector: fieldSelector)
        let (informer, created) = registry.entries.withLock { informers -> (Informer<Object>, Bool) in
            for candidate in [scope, scope.allNamespaces] {
                // One model per kind (KindRegistry), so a running informer of the kind has it.
                if let running = informers[candidate]?.informer as? Informer<Object>, !running.ended {
                    informers[candidate]?.lastAsked = .now
                    return (running, false)
                }
            }
            let informer = Informer<Object>(scope: scope)
            informers[scope] = Registry.Entry(informer: informer, lastAsked: .now)
            return (informer, true)
        }
        if created { informer.start(client: client, connectivity: connectivity) }
        return informer
    }

    /// How many informers run, for tests and `-vv`.
    package var scopes: [InformerScope] {
        registry.entries.withLock { Array($0.keys) }
    }

    /// Each running informer's freshness, in scope order.
    package var statuses: [InformerStatus] {
        registry.entries.withLock { $0.values.map(\.informer.status) }.sorted { $0.scope.description < $1.scope.description }
    }

    /// Stops every informer; their change streams end.
    package func stopAll() {
        sweeper?.cancel()
        let running = registry.entries.withLock { informers in
            defer { informers = [:] }
            return Array(informers.values)
        }
        for entry in running { entry.informer.stop() }
    }
}

/// The running informers by scope, with when each was last asked for.
private final class Registry: Sendable {
    struct Entry {
        var informer: any StoppableInformer
        var lastAsked: ContinuousClock.Instant
    }

    let entries = Mutex<[InformerScope: Entry]>([:])

    func stopIdle(after idleAfter: Duration) {
        let idle = entries.withLock { entries in
            let idle = entries.filter { $0.value.lastAsked.duration(to: .now) >= idleAfter && !$0.value.informer.followed }
            for scope in idle.keys { entries[scope] = nil }
            return idle.values.map(\.informer)
        }
        for informer in idle { informer.stop() }
    }
}

/// An informer of any kind, as the factory stops it.
protocol StoppableInformer: Sendable {
    /// Whether a consumer follows its changes (a watcher, a verification) or waits for its first
    /// list.
    var followed: Bool { get }
    var status: InformerStatus { get }
    func stop()
}

extension Informer: StoppableInformer {}
