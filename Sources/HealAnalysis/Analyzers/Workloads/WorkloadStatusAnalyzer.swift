import HealModel

/// Deployments, StatefulSets and DaemonSets whose status says pods are ready while no pod
/// matches their selector. A working controller replaces a deleted pod at once (and a
/// terminating one is still listed), so such a status is stale: the controller manager has
/// stopped writing it. Every other finding about the workload is then built on old news.
struct WorkloadStatusAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "workload-status", group: .workloads,
        summary: "Deployments, StatefulSets and DaemonSets whose status reports ready pods while no pod matches their selector (a stale status: the controller manager is not updating it).",
        codes: ["workload-status-stale"],
        reads: [.deployments, .pods],
        alsoReads: [.statefulSets, .daemonSets],
        triggeringScenarios: ["workload-status-stale"],
        nonTriggeringScenarios: ["shop", "failover-clean", "hygiene-clean", "daemonset-not-ready", "statefulset-not-ready", "agentic-demo"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        let podsByNamespace = Dictionary(grouping: context.snapshot.pods) { $0.metadata.namespace ?? "" }
        return TemplatedWorkload.all(in: context.snapshot).compactMap { workload in
            guard workload.reportedReady > 0, let selector = workload.selector else { return nil }
            let pods = podsByNamespace[workload.ref.namespace ?? ""] ?? []
            guard !pods.contains(where: { selector.matches($0.metadata.labels) }) else { return nil }
            let ref = workload.ref
            let labels = selector.matchLabels.selectorText
            return Finding(
                code: "workload-status-stale", severity: .warning, analyzer: descriptor.id, resource: ref,
                symptom: "status: \(workload.reportedReady) ready; no pod matches",
                rootCause: "The status of \(ref.kind) \(ref.name) says \(Wording.count(workload.reportedReady, "pod")) \(workload.reportedReady == 1 ? "is" : "are") ready, but no pod in namespace \(ref.namespace ?? "default") matches its selector\(labels.isEmpty ? "" : " \(labels)"): the status is stale, because the controller manager is not updating it (stopped, or without a lease), so nothing replaces missing pods either.",
                evidence: [
                    Evidence(.status, "\(ref.kind == "DaemonSet" ? "numberReady" : "readyReplicas") \(workload.reportedReady)", object: ref),
                    Evidence(.spec, "selector \(labels.isEmpty ? "(expressions)" : labels); 0 pods match", object: ref),
                ],
                remediation: Remediation(
                    action: .manual,
                    summary: "Check that kube-controller-manager runs and holds its lease (renewTime recent); on a managed cluster, ask the provider. Once it runs, it recreates the pods and rewrites the status.",
                    command: "kubectl -n kube-system get lease kube-controller-manager -o yaml", safeToAutoApply: false),
                confidence: 0.8)
        }
    }
}
