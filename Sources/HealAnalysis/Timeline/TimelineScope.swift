import HealModel

/// What a timeline follows: the target, the objects it owns (a Deployment's ReplicaSets, a
/// CronJob's Jobs), its pods, the workloads behind a Service's pods, the HPAs that scale them and
/// the nodes the pods run on. Without a target, everything in the namespace.
struct TimelineScope {
    let target: ResourceRef?
    let namespace: String?
    let pods: [Pod]
    let deployments: [Deployment]
    let nodes: [Node]
    let autoscalers: [HorizontalPodAutoscaler]
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
            pods = snapshot.pods.filter { pod in pod.metadata.namespace == target?.namespace && Self.selects(selector, pod.metadata.labels) }
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
        autoscalers = target == nil
            ? snapshot.horizontalPodAutoscalers.filter { inNamespace($0.metadata) }
            : ([target].compactMap { $0 } + owned).flatMap { lookup.autoscalers(of: $0) }
        followed = Set([target].compactMap { $0 } + owned + pods.map(\.ref) + autoscalers.map { $0.metadata.ref(kind: "HorizontalPodAutoscaler") }
            + nodes.map { ResourceRef(kind: "Node", namespace: nil, name: $0.metadata.name) })
    }

    /// Whether something that happened to `workload` belongs here: any workload of the
    /// namespace without a target (a deleted one too), else one the target follows.
    func covers(_ workload: ResourceRef) -> Bool {
        target == nil ? namespace == nil || workload.namespace == namespace : followed.contains(workload)
    }

    /// The Services in front of the pods (the target itself when it is a Service): those whose
    /// selector picks one of the pods, or the target's pod template (so a Service scaled to no
    /// pod is still followed). Only a watch samples them, so they are looked for on demand.
    func services(lookup: TimelineIndex) -> [Service] {
        let template = target.flatMap { Self.templateLabels(of: $0, in: lookup) }
        return lookup.snapshot.services.filter { service in
            guard namespace == nil || service.metadata.namespace == namespace else { return false }
            if target == nil || service.metadata.ref(kind: "Service") == target { return true }
            let selector = service.spec.selector
            return template.map { Self.selects(selector, $0) } == true
                || pods.contains { $0.metadata.namespace == service.metadata.namespace && Self.selects(selector, $0.metadata.labels) }
        }
    }

    /// An empty selector selects nothing (a Service without one has its endpoints set by hand).
    static func selects(_ selector: [String: String], _ labels: [String: String]) -> Bool {
        !selector.isEmpty && selector.allSatisfy { labels[$0.key] == $0.value }
    }

    private static func templateLabels(of workload: ResourceRef, in lookup: TimelineIndex) -> [String: String]? {
        let snapshot = lookup.snapshot
        let template: PodTemplate? = switch workload.kind {
        case "Deployment": lookup.deployment(workload)?.spec.template
        case "StatefulSet": snapshot.statefulSets.first { $0.metadata.ref(kind: "StatefulSet") == workload }?.spec.template
        case "DaemonSet": snapshot.daemonSets.first { $0.metadata.ref(kind: "DaemonSet") == workload }?.spec.template
        default: nil
        }
        return template?.metadata?.labels
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
