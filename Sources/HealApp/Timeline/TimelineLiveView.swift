import HealActions
import HealKube
import HealModel

/// What `timeline --watch` reads while it runs: one shared informer per kind the timeline read
/// at start (a kind refused then is left as it was, not watched to be refused again), every
/// Event of the namespace (not diagnosis' selection) and, when they could be read, the nodes'
/// from "default". Each informer's share comes from the snapshot read at start until it has
/// listed, so one informer refused or slow never hides what the others see. The informers
/// resume, relist on 410 and wait out an outage on their own.
struct TimelineLiveView {
    static let nodeEventSelector = "involvedObject.kind=Node"

    private struct Feed {
        let source: ChangeFeed.Source
        /// Adds the informer's objects, or the snapshot's in its scope until it has listed.
        let fill: @Sendable (_ snapshot: inout ClusterSnapshot, _ base: ClusterSnapshot) -> Void
        /// Empties the kind's list, before its feeds fill it.
        let clear: @Sendable (_ snapshot: inout ClusterSnapshot) -> Void
    }

    private let base: ClusterSnapshot
    private let feeds: [Feed]

    init(base: ClusterSnapshot, namespace: String, nodeEvents: Bool, informers: SharedInformers) {
        self.base = base
        func feed<Object: KubeResource>(_ type: Object.Type, namespace: String?) -> Feed? {
            guard base.collected.contains(Object.resource) else { return nil }
            let informer = informers.informer(type, namespace: namespace)
            return Feed(
                source: ChangeFeed.Source(subscribingTo: informer, essential: false),
                fill: { snapshot, base in
                    snapshot[Object.self] += informer.synced
                        ? informer.objects(in: namespace) : base[Object.self].filter { $0.metadata.namespace == namespace }
                },
                clear: { $0[Object.self] = [] })
        }
        let local: String? = namespace
        var feeds = [
            feed(Pod.self, namespace: local), feed(ReplicaSet.self, namespace: local), feed(Deployment.self, namespace: local),
            feed(StatefulSet.self, namespace: local), feed(DaemonSet.self, namespace: local), feed(Job.self, namespace: local),
            feed(CronJob.self, namespace: local), feed(Service.self, namespace: local), feed(EndpointSlice.self, namespace: local),
            feed(HorizontalPodAutoscaler.self, namespace: local), feed(ConfigMapMetadata.self, namespace: local),
            feed(SecretMetadata.self, namespace: local), feed(Node.self, namespace: nil),
        ]
        // Events were listed on their own at start, so they are followed whatever `collected` says.
        let events = informers.informer(Event.self, namespace: namespace)
        feeds.append(Feed(
            source: ChangeFeed.Source(subscribingTo: events, essential: false),
            fill: { snapshot, base in
                snapshot.events += events.synced ? events.objects(in: namespace) : base.events.filter { $0.metadata.namespace == namespace }
            },
            clear: { $0.events = [] }))
        if nodeEvents, namespace != "default" {
            let nodes = informers.informer(Event.self, namespace: "default", fieldSelector: Self.nodeEventSelector)
            feeds.append(Feed(
                source: ChangeFeed.Source(subscribingTo: nodes, essential: false),
                fill: { snapshot, base in
                    snapshot.events += nodes.synced
                        ? nodes.objects(in: "default") : base.events.filter { $0.metadata.namespace == "default" && $0.regarding.kind == "Node" }
                },
                clear: { $0.events = [] }))
        }
        self.feeds = feeds.compactMap { $0 }
    }

    var sources: [ChangeFeed.Source] { feeds.map(\.source) }

    /// The objects now.
    var snapshot: ClusterSnapshot {
        var snapshot = base
        for feed in feeds { feed.clear(&snapshot) }
        for feed in feeds { feed.fill(&snapshot, base) }
        Event.reduce(&snapshot.events)
        snapshot.referenceTime = nil
        return snapshot
    }
}
