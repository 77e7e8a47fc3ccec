import HealModel

/// What a timeline follows: the target, the objects it owns (a Deployment's ReplicaSets, a
/// CronJob's Jobs), its pods, the HPAs that scale it and the nodes its pods run on. Without a
/// target, everything in the namespace.
struct TimelineScope {
    let target: ResourceRef?
    let pods: [Pod]
    let replicaSets: [ReplicaSet]
    let deployments: [Deployment]
    let nodes: [Node]
    /// Every object whose Events belong in the timeline, as "Kind/namespace/name".
    let followed: Set<String>

    init(snapshot: ClusterSnapshot, target: ResourceRef?, namespace: String?, index: SnapshotIndex) {
        self.target = target
        func inNamespace(_ meta: ObjectMeta) -> Bool { namespace == nil || meta.namespace == namespace }
        let pods: [Pod]
        var owned: [ResourceRef] = []
        switch target?.kind {
        case nil:
            pods = snapshot.pods.filter { inNamespace($0.metadata) }
            owned = snapshot.replicaSets.filter { inNamespace($0.metadata) }.map { $0.metadata.ref(kind: "ReplicaSet") }
                + snapshot.jobs.filter { inNamespace($0.metadata) }.map { $0.metadata.ref(kind: "Job") }
                + snapshot.deployments.filter { inNamespace($0.metadata) }.map { $0.metadata.ref(kind: "Deployment") }
                + snapshot.statefulSets.filter { inNamespace($0.metadata) }.map { $0.metadata.ref(kind: "StatefulSet") }
                + snapshot.daemonSets.filter { inNamespace($0.metadata) }.map { $0.metadata.ref(kind: "DaemonSet") }
                + snapshot.cronJobs.filter { inNamespace($0.metadata) }.map { $0.metadata.ref(kind: "CronJob") }
                + snapshot.services.filter { inNamespace($0.metadata) }.map { $0.metadata.ref(kind: "Service") }
        case "Pod":
            pods = snapshot.pods.filter { $0.ref == target }
        case "Service":
            let selector = snapshot.services.first { $0.metadata.ref(kind: "Service") == target }?.spec.selector ?? [:]
            pods = selector.isEmpty ? [] : snapshot.pods.filter { pod in
                pod.metadata.namespace == target?.namespace && selector.allSatisfy { pod.metadata.labels[$0.key] == $0.value }
            }
        case let kind?:
            let ref = target ?? ResourceRef(kind: kind, namespace: namespace, name: "")
            pods = index.pods(of: ref)
            owned = snapshot.replicaSets.filter { $0.metadata.controller?.name == ref.name && $0.metadata.namespace == ref.namespace && kind == "Deployment" }
                .map { $0.metadata.ref(kind: "ReplicaSet") }
                + snapshot.jobs.filter { $0.metadata.controller?.name == ref.name && $0.metadata.namespace == ref.namespace && kind == "CronJob" }
                .map { $0.metadata.ref(kind: "Job") }
        }
        self.pods = pods
        let ownedNames = Set(owned.map { "\($0.kind)/\($0.namespace ?? "")/\($0.name)" })
        replicaSets = snapshot.replicaSets.filter { ownedNames.contains("ReplicaSet/\($0.metadata.namespace ?? "")/\($0.metadata.name)") }
        deployments = snapshot.deployments.filter { deployment in
            target.map { $0 == deployment.metadata.ref(kind: "Deployment") } ?? inNamespace(deployment.metadata)
        }
        let nodeNames = Set(pods.compactMap(\.spec.nodeName))
        nodes = snapshot.nodes.filter { nodeNames.contains($0.metadata.name) }
        let scaled = Set(([target].compactMap { $0 } + owned).map { "\($0.kind)/\($0.name)" })
        let autoscalers = snapshot.horizontalPodAutoscalers.filter { hpa in
            inNamespace(hpa.metadata) && (target == nil || scaled.contains("\(hpa.spec.scaleTargetRef.kind)/\(hpa.spec.scaleTargetRef.name)"))
        }.map { $0.metadata.ref(kind: "HorizontalPodAutoscaler") }
        let refs = [target].compactMap { $0 } + owned + pods.map(\.ref) + autoscalers
            + nodes.map { ResourceRef(kind: "Node", namespace: nil, name: $0.metadata.name) }
        followed = Set(refs.map { "\($0.kind)/\($0.namespace ?? "")/\($0.name)" })
    }

    func follows(_ reference: ObjectReference) -> Bool {
        TimelineEvents.key(reference).map(followed.contains) ?? false
    }
}
