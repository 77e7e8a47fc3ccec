import HealModel

/// StatefulSets with fewer ready replicas than they want, explained by the controller's
/// FailedCreate refusals or by why their pods are not Ready.
struct StatefulSetAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "statefulset", group: .workloads,
        summary: "StatefulSets with fewer ready replicas than desired, with the reason pods cannot be created or are not Ready.",
        codes: ["statefulset-not-ready"],
        reads: [.statefulSets],
        triggeringScenarios: ["statefulset-not-ready", "pvc-pending"],
        nonTriggeringScenarios: ["shop", "failover-clean", "daemonset-not-ready", "deployment-unavailable"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        context.snapshot.statefulSets.compactMap { statefulSet in
            // Not yet observed by its controller: nothing to judge.
            guard let status = statefulSet.status else { return nil }
            let ready = status.readyReplicas ?? 0
            return ReplicaShortfall.finding(
                "statefulset-not-ready", analyzer: descriptor.id, workload: statefulSet.metadata.ref(kind: "StatefulSet"),
                wanted: statefulSet.desiredReplicas, ready: ready, unit: "replicas",
                status: Evidence(
                    .status,
                    "replicas \(statefulSet.desiredReplicas) desired, \(status.replicas ?? 0) created, \(ready) ready, \(status.updatedReplicas ?? 0) updated",
                    object: statefulSet.metadata.ref(kind: "StatefulSet")),
                context: context)
        }
    }
}
