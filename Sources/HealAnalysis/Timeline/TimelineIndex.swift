import HealModel

/// What timelines look up, built once per snapshot: a diagnosis gives every finding's workload a
/// timeline, so nothing here may scan the whole snapshot per workload.
struct TimelineIndex {
    let snapshot: ClusterSnapshot
    let index: SnapshotIndex
    let events: TimelineEvents
    /// Positions in `snapshot.pods`: a copy of 20,000 pods would cost as much as the pods.
    private let podPositions: [ResourceRef: Int]
    private let deploymentPositions: [ResourceRef: Int]
    let jobsByCronJob: [ResourceRef: [ResourceRef]]
    /// Positions in `snapshot.horizontalPodAutoscalers`, by the workload each scales.
    private let autoscalerPositions: [ResourceRef: [Int]]
    let nodesByName: [String: Node]
    /// A Job's CronJob, an HPA's target.
    private let workloadOf: [ResourceRef: ResourceRef]
    /// ConfigMaps and Secrets (metadata and managedFields writes) by reference.
    let configObjects: [ResourceRef: (metadata: ObjectMeta, writes: [ManagedWrite])]

    init(_ snapshot: ClusterSnapshot, index: SnapshotIndex) {
        self.snapshot = snapshot
        self.index = index
        events = TimelineEvents(snapshot.events)
        podPositions = Dictionary(snapshot.pods.indices.map { (snapshot.pods[$0].ref, $0) }, uniquingKeysWith: { first, _ in first })
        deploymentPositions = Dictionary(
            snapshot.deployments.indices.map { (snapshot.deployments[$0].metadata.ref(kind: "Deployment"), $0) }, uniquingKeysWith: { first, _ in first })
        var jobs: [ResourceRef: [ResourceRef]] = [:]
        for job in snapshot.jobs {
            guard let owner = job.metadata.controller, owner.kind == "CronJob" else { continue }
            jobs[ResourceRef(kind: "CronJob", namespace: job.metadata.namespace, name: owner.name), default: []].append(job.metadata.ref(kind: "Job"))
        }
        jobsByCronJob = jobs
        var autoscalers: [ResourceRef: [Int]] = [:]
        var owners: [ResourceRef: ResourceRef] = [:]
        for (position, hpa) in snapshot.horizontalPodAutoscalers.enumerated() {
            let target = ResourceRef(kind: hpa.spec.scaleTargetRef.kind, namespace: hpa.metadata.namespace, name: hpa.spec.scaleTargetRef.name)
            autoscalers[target, default: []].append(position)
            owners[hpa.metadata.ref(kind: "HorizontalPodAutoscaler")] = target
        }
        autoscalerPositions = autoscalers
        for (cronJob, owned) in jobs {
            for ref in owned { owners[ref] = cronJob }
        }
        workloadOf = owners
        nodesByName = Dictionary(snapshot.nodes.map { ($0.metadata.name, $0) }, uniquingKeysWith: { first, _ in first })
        let written = snapshot.configMaps.map { ($0.metadata.ref(kind: "ConfigMap"), (metadata: $0.metadata, writes: $0.writes)) }
            + snapshot.secrets.map { ($0.metadata.ref(kind: "Secret"), (metadata: $0.metadata, writes: $0.writes)) }
        configObjects = Dictionary(written, uniquingKeysWith: { first, _ in first })
    }

    func pod(_ ref: ResourceRef) -> Pod? {
        podPositions[ref].map { snapshot.pods[$0] }
    }

    /// The HPAs that scale `workload`.
    func autoscalers(of workload: ResourceRef) -> [HorizontalPodAutoscaler] {
        (autoscalerPositions[workload] ?? []).map { snapshot.horizontalPodAutoscalers[$0] }
    }

    func deployment(_ ref: ResourceRef) -> Deployment? {
        deploymentPositions[ref].map { snapshot.deployments[$0] }
    }

    /// The workload an object belongs to, for telling one workload's failures and changes from
    /// another's in a namespace timeline: a pod's or ReplicaSet's owner, a Job's CronJob, an
    /// HPA's target; nil for what several share (a node).
    func workload(of ref: ResourceRef) -> ResourceRef? {
        switch ref.kind {
        case "Pod":
            return pod(ref).map { index.workload(of: $0) ?? ref } ?? ref
        case "ReplicaSet":
            guard let replicaSet = index.replicaSet(namespace: ref.namespace ?? "", name: ref.name), let owner = replicaSet.metadata.controller else { return ref }
            return ResourceRef(kind: owner.kind, namespace: ref.namespace, name: owner.name)
        case "Job":
            return workloadOf[ref] ?? ref
        case "HorizontalPodAutoscaler":
            return workloadOf[ref]
        case "Node":
            return nil
        default:
            return ref
        }
    }
}
