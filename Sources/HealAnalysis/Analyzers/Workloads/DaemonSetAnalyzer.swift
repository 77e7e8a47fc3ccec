import HealModel

/// DaemonSets whose pods are not ready on every node they should run on, explained by the
/// controller's FailedCreate refusals or by why their pods are not Ready.
struct DaemonSetAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "daemonset", group: .workloads,
        summary: "DaemonSets with fewer ready pods than nodes to run on, with the reason pods cannot be created or are not Ready.",
        codes: ["daemonset-not-ready"],
        reads: [.daemonSets],
        triggeringScenarios: ["daemonset-not-ready"],
        nonTriggeringScenarios: ["shop", "failover-clean", "statefulset-not-ready", "node-not-ready"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        context.snapshot.daemonSets.compactMap { daemonSet in
            guard let status = daemonSet.status, let wanted = status.desiredNumberScheduled else { return nil }
            let ready = status.numberReady ?? 0
            return ReplicaShortfall.finding(
                "daemonset-not-ready", analyzer: descriptor.id, workload: daemonSet.metadata.ref(kind: "DaemonSet"),
                wanted: wanted, ready: ready, unit: "pods",
                status: Evidence(
                    .status,
                    "desiredNumberScheduled \(wanted), currentNumberScheduled \(status.currentNumberScheduled ?? 0), numberReady \(ready), numberAvailable \(status.numberAvailable ?? 0)",
                    object: daemonSet.metadata.ref(kind: "DaemonSet")),
                context: context)
        }
    }
}
