import HealModel

/// StatefulSets with fewer ready replicas than they want, explained by the controller's
/// FailedCreate refusals or by why their pods are not Ready; and StatefulSets whose governing
/// Service (`spec.serviceName`) does not exist, so their pods get no stable DNS names.
struct StatefulSetAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "statefulset", group: .workloads,
        summary: "StatefulSets with fewer ready replicas than desired, with the reason pods cannot be created or are not Ready; a governing Service (serviceName) that does not exist.",
        codes: ["statefulset-not-ready", "statefulset-service-missing"],
        reads: [.statefulSets],
        triggeringScenarios: ["statefulset-not-ready", "pvc-pending"],
        nonTriggeringScenarios: ["shop", "failover-clean", "daemonset-not-ready", "deployment-unavailable"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        shortfalls(context) + missingServices(context)
    }

    private func shortfalls(_ context: AnalysisContext) -> [Finding] {
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

    /// Only when Services were read: a snapshot without them says nothing about which exist.
    private func missingServices(_ context: AnalysisContext) -> [Finding] {
        guard context.snapshot.collected.contains(.services) else { return [] }
        let services = Set(context.snapshot.services.map { "\($0.metadata.namespace ?? "")/\($0.metadata.name)" })
        return context.snapshot.statefulSets.compactMap { statefulSet -> Finding? in
            guard let name = statefulSet.spec.serviceName, !name.isEmpty else { return nil }
            let namespace = statefulSet.metadata.namespace ?? "default"
            guard !services.contains("\(namespace)/\(name)") else { return nil }
            let ref = statefulSet.metadata.ref(kind: "StatefulSet")
            return Finding(
                code: "statefulset-service-missing", severity: .warning, analyzer: descriptor.id, resource: ref,
                symptom: "governing Service \(name) not found",
                rootCause: "spec.serviceName names Service \(name), which does not exist in namespace \(namespace): the pods get no stable DNS names (\(statefulSet.metadata.name)-0.\(name)), which peers and clients of a StatefulSet usually rely on.",
                evidence: [Evidence(.spec, "spec.serviceName: \(name)", object: ref)],
                remediation: Remediation(
                    action: .manual,
                    summary: "Create the headless Service \(name) (clusterIP: None) selecting the StatefulSet's pods, or point serviceName at the Service that exists.",
                    command: "kubectl get services -n \(namespace)", safeToAutoApply: false),
                confidence: 0.9)
        }
    }
}
