import HealModel
import Synchronization

/// The informers of one process, one per scope: `diagnose --watch`, the fixes it verifies, and
/// `failover watch` ask here instead of listing and watching on their own, so a kind is listed
/// once and watched once however many consumers read it. A namespaced request is served by an
/// all-namespaces informer of the same selectors when one already runs (the consumer reads
/// `objects(in:)`). Informers start on first request and run until `stopAll()`; one whose
/// watch was refused is replaced by the next request (RBAC may allow it by then).
package final class SharedInformers: Sendable {
    package let client: KubeClient
    /// Where every informer's watch reports interruptions, so an outage is said once.
    package let connectivity: WatchConnectivity?
    private let informers = Mutex<[InformerScope: any StoppableInformer]>([:])

    package init(client: KubeClient, connectivity: WatchConnectivity?) {
        self.client = client
        self.connectivity = connectivity
    }

    /// The informer of `Object`'s kind for these selectors, started if it was not running.
    package func informer<Object: KubeResource>(
        _ type: Object.Type, namespace: String?, labelSelector: String? = nil, fieldSelector: String? = nil
    ) -> Informer<Object> {
        let scope = InformerScope(Object.resource, namespace: namespace, labelSelector: labelSelector, fieldSelector: fieldSelector)
        let (informer, created) = informers.withLock { informers -> (Informer<Object>, Bool) in
            for candidate in [scope, scope.allNamespaces] {
                // One model per kind (KindRegistry), so a running informer of the kind has it.
                if let running = informers[candidate] as? Informer<Object>, !running.ended { return (running, false) }
            }
            let informer = Informer<Object>(scope: scope)
            informers[scope] = informer
            return (informer, true)
        }
        if created { informer.start(client: client, connectivity: connectivity) }
        return informer
    }

    /// How many informers run, for tests and `-vv`.
    package var scopes: [InformerScope] {
        informers.withLock { Array($0.keys) }
    }

    /// Stops every informer; their change streams end.
    package func stopAll() {
        let running = informers.withLock { informers in
            defer { informers = [:] }
            return Array(informers.values)
        }
        for informer in running { informer.stop() }
    }
}

/// An informer of any kind, as the factory stops it.
protocol StoppableInformer: Sendable {
    func stop()
}

extension Informer: StoppableInformer {}
