import HealActions
import HealKube
import HealModel

/// What `timeline --watch` reads while it runs: one shared informer per kind the timeline reads
/// (every Event of the namespace, not diagnosis' selection, and the nodes' from "default"), each
/// kind taken from the snapshot read at start until all its informers have listed. The
/// informers resume, relist on 410 and wait out an outage on their own.
struct TimelineLiveView {
    private struct KindFeed {
        let sources: [ChangeFeed.Source]
        let fill: @Sendable (inout ClusterSnapshot) -> Void
    }

    private let base: ClusterSnapshot
    private let feeds: [KindFeed]

    init(base: ClusterSnapshot, namespace: String, informers: SharedInformers) {
        self.base = base
        func feed<Object: KubeResource>(_ type: Object.Type, _ scopes: [(namespace: String?, fieldSelector: String?)]) -> KindFeed {
            let feeding = scopes.map { informers.informer(type, namespace: $0.namespace, fieldSelector: $0.fieldSelector) }
            return KindFeed(
                // A refused watch (RBAC allowing list, not watch) leaves its kind as it was at start.
                sources: feeding.map { ChangeFeed.Source(subscribingTo: $0, essential: false) },
                fill: { snapshot in
                    guard feeding.allSatisfy(\.synced) else { return }
                    snapshot[Object.self] = feeding.flatMap { $0.objects(in: $0.scope.namespace) }
                })
        }
        let local: [(namespace: String?, fieldSelector: String?)] = [(namespace, nil)]
        feeds = [
            feed(Pod.self, local), feed(ReplicaSet.self, local), feed(Deployment.self, local), feed(StatefulSet.self, local),
            feed(DaemonSet.self, local), feed(Job.self, local), feed(CronJob.self, local), feed(Service.self, local),
            feed(EndpointSlice.self, local), feed(HorizontalPodAutoscaler.self, local), feed(ConfigMapMetadata.self, local),
            feed(SecretMetadata.self, local), feed(Node.self, [(nil, nil)]),
            feed(Event.self, namespace == "default" ? local : local + [("default", "involvedObject.kind=Node")]),
        ]
    }

    var sources: [ChangeFeed.Source] { feeds.flatMap(\.sources) }

    /// The objects now.
    var snapshot: ClusterSnapshot {
        var snapshot = base
        for feed in feeds { feed.fill(&snapshot) }
        Event.reduce(&snapshot.events)
        snapshot.referenceTime = nil
        return snapshot
    }
}
