import Foundation
import HealKube
import HealModel

/// The watcher's live copy of what a blue/green Service's status depends on — the Service, the
/// namespace's Deployments, the pods of every colour, their EndpointSlices and pod Events — each
/// a shared informer's store, or what was read at start until that informer has listed.
struct WatchedNamespace {
    private let initial: ClusterSnapshot
    private let namespace: String
    private let services: Informer<Service>
    private let deployments: Informer<Deployment>
    private let pods: Informer<Pod>
    private let slices: Informer<EndpointSlice>
    private let events: Informer<Event>

    init(_ initial: ClusterSnapshot, observer: FailoverObserver, podSelector: String, informers: SharedInformers) {
        self.initial = initial
        namespace = observer.namespace
        services = informers.informer(Service.self, namespace: namespace, fieldSelector: "metadata.name=\(observer.service)")
        deployments = informers.informer(Deployment.self, namespace: namespace)
        pods = informers.informer(Pod.self, namespace: namespace, labelSelector: podSelector)
        slices = informers.informer(EndpointSlice.self, namespace: namespace, labelSelector: "kubernetes.io/service-name=\(observer.service)")
        events = informers.informer(Event.self, namespace: namespace, fieldSelector: "involvedObject.kind=Pod")
    }

    var snapshot: ClusterSnapshot {
        var snapshot = ClusterSnapshot()
        snapshot.services = current(services)
        snapshot.deployments = current(deployments)
        snapshot.pods = current(pods)
        snapshot.endpointSlices = current(slices)
        snapshot.events = current(events)
        snapshot.collected = [.services, .deployments, .pods, .endpointSlices, .events]
        return snapshot
    }

    /// Every informer's changes (each resuming and relisting on its own, waiting out API server
    /// outages) and a tick, merged into one stream.
    var sources: [ChangeFeed.Source] {
        [ChangeFeed.Source(services), ChangeFeed.Source(deployments), ChangeFeed.Source(pods), ChangeFeed.Source(slices), ChangeFeed.Source(events)]
    }

    private func current<Object: KubeResource>(_ informer: Informer<Object>) -> [Object] {
        informer.synced ? informer.objects(in: namespace) : initial[Object.self]
    }
}
