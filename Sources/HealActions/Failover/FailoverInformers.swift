import HealAnalysis
import HealKube
import HealModel

/// The shared informers a blue/green Service's status rests on — the Service, the namespace's
/// Deployments, its EndpointSlices, pod Events, and the pods of every colour (their selector
/// comes from the Service and the Deployments) — for `failover watch`'s picture and the MCP
/// server's `failover_status` and `failover_plan`.
struct FailoverInformers {
    let namespace: String
    let service: String
    let services: Informer<Service>
    let deployments: Informer<Deployment>
    let slices: Informer<EndpointSlice>
    let events: Informer<Event>
    private let informers: SharedInformers

    init(_ informers: SharedInformers, observer: FailoverObserver) {
        self.informers = informers
        namespace = observer.namespace
        service = observer.service
        services = informers.informer(Service.self, namespace: namespace, fieldSelector: "metadata.name=\(service)")
        deployments = informers.informer(Deployment.self, namespace: namespace)
        slices = informers.informer(EndpointSlice.self, namespace: namespace, labelSelector: "kubernetes.io/service-name=\(service)")
        events = informers.informer(Event.self, namespace: namespace, fieldSelector: "involvedObject.kind=Pod")
    }

    func pods(selector: String) -> Informer<Pod> {
        informers.informer(Pod.self, namespace: namespace, labelSelector: selector)
    }

    /// What `FailoverObserver.snapshot()` would list, when every informer is current and
    /// complete and the Service exists; nil otherwise (the caller lists).
    func currentSnapshot(label: String?) throws -> ClusterSnapshot? {
        guard services.current, deployments.current, let found = services[namespace, service] else { return nil }
        let topology = try BlueGreenTopology.discover(service: found, deployments: deployments.objects(in: namespace), label: label)
        // Started here the first time, so the next look finds it current.
        let pods = pods(selector: topology.podSelector)
        guard slices.current, events.current, events.complete, pods.current else { return nil }
        return snapshot(pods: pods, initial: nil)
    }

    /// The stores, each informer that has not listed yet standing in with `initial`'s objects.
    func snapshot(pods: Informer<Pod>, initial: ClusterSnapshot?) -> ClusterSnapshot {
        func objects<Object: KubeResource>(_ informer: Informer<Object>) -> [Object] {
            informer.synced || initial == nil ? informer.objects(in: namespace) : initial?[Object.self] ?? []
        }
        var snapshot = ClusterSnapshot()
        snapshot.services = objects(services)
        snapshot.deployments = objects(deployments)
        snapshot.pods = objects(pods)
        snapshot.endpointSlices = objects(slices)
        snapshot.events = objects(events)
        snapshot.collected = [.services, .deployments, .pods, .endpointSlices, .events]
        return snapshot
    }
}
