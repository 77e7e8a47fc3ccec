import HealModel

/// What a timeline follows: the target, the objects it owns (a Deployment's ReplicaSets, a
/// CronJob's Jobs), its pods, the workloads behind a Service's pods, the HPAs that scale them,
/// the Services in front of the pods and the nodes the pods run on. Without a target,
/// everything in the namespace.
struct TimelineScope {
    let target: ResourceRef?
    let namespace: String?
    let pods: [Pod]
    let deployments: [Deployment]
    let nodes: [Node]
    let autoscalers: [HorizontalPodAutoscaler]
    /// The Services whose selector picks the pods (the target itself when it is a Service).
    let services: [Service]
    /// Every object whose Events belong in the timeline.
    let followed: Set<ResourceRef>

    init(target: ResourceRef?, namespace: String?, lookup: TimelineIndex) {
        self.target = target
        self.namespace = namespace
        let snapshot = lookup.snapshot
        func inNamespace(_ meta: ObjectMeta) -> Bool { namespace == nil || meta.namespace == namespace }
        var owned: [ResourceRef] = []
        let pods: [Pod]
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
            pods = target.flatMap { lookup.pod($0) }.map { [$0] } ?? []
        case "Service":
            let selector = snapshot.services.first { $0.metadata.ref(kind: "Service") == target }?.spec.selector ?? [:]
            pods = selector.isEmpty ? [] : snapshot.pods.filter { pod in
                pod.metadata.namespace == target?.namespace && selector.allSatisfy { pod.metadata.labels[$0.key] == $0.value }
            }
            // The workloads behind the Service: their rollouts explain its endpoints.
            let workloads = Set(pods.compactMap { lookup.index.workload(of: $0) })
            owned = workloads.sorted() + workloads.flatMap { Self.owned(by: $0, lookup: lookup) }
        case .some:
            let ref = target ?? ResourceRef(kind: "", namespace: namespace, name: "")
            pods = lookup.index.pods(of: ref)
            owned = Self.owned(by: ref, lookup: lookup)
        }
        self.pods = pods
        let workloads = ([target].compactMap { $0 } + owned).filter { $0.kind == "Deployment" }
        deployments = target == nil
            ? snapshot.deployments.filter { inNamespace($0.metadata) }
            : workloads.compactMap { lookup.deployment($0) }
        let nodeNames = Set(pods.compactMap(\.spec.nodeName))
        nodes = nodeNames.sorted().compactMap { lookup.nodesByName[$0] }
        let scaled = Set([target].compactMap { $0 } + owned)
        autoscalers = snapshot.horizontalPodAutoscalers.filter { hpa in
            guard inNamespace(hpa.metadata) else { return false }
            return target == nil || scaled.contains(ResourceRef(kind: hpa.spec.scaleTargetRef.kind, namespace: hpa.metadata.namespace, name: hpa.spec.scaleTargetRef.name))
        }
        services = snapshot.services.filter { service in
            guard inNamespace(service.metadata) else { return false }
            if target == nil || service.metadata.ref(kind: "Service") == target { return true }
            let selector = service.spec.selector
            return !selector.isEmpty && pods.contains { pod in
                pod.metadata.namespace == service.metadata.namespace && selector.allSatisfy { pod.metadata.labels[$0.key] == $0.value }
            }
        }
        followed = Set([target].compactMap { $0 } + owned + pods.map(\.ref) + autoscalers.map { $0.metadata.ref(kind: "HorizontalPodAutoscaler") }
            + nodes.map { ResourceRef(kind: "Node", namespace: nil, name: $0.metadata.name) })
    }

    /// Whether something that happened to `workload` belongs here: any workload of the
    /// namespace without a target (a deleted one too), else one the target follows.
    func covers(_ workload: ResourceRef) -> Bool {
        target == nil ? namespace == nil || workload.namespace == namespace : followed.contains(workload)
    }

    /// A Deployment's ReplicaSets, a CronJob's Jobs.
    private static func owned(by workload: ResourceRef, lookup: TimelineIndex) -> [ResourceRef] {
        switch workload.kind {
        case "Deployment": lookup.index.replicaSets(of: workload).map { $0.metadata.ref(kind: "ReplicaSet") }
        case "CronJob": lookup.jobsByCronJob[workload] ?? []
        default: []
        }
    }

    func follows(_ reference: ObjectReference) -> Bool {
        TimelineEvents.ref(reference).map(followed.contains) ?? false
    }
}
