import HealModel

/// Deployments that run one replica while a Service sends them traffic: every restart, rollout
/// or node drain is an outage.
struct SingleReplicaServiceAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "hygiene-single-replica", group: .hygiene,
        summary: "Deployments with a single replica whose pods back a Service.",
        codes: ["single-replica-service"],
        reads: [.deployments, .services],
        triggeringScenarios: ["hygiene-issues"],
        nonTriggeringScenarios: ["hygiene-clean", "shop", "failover-clean"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        HygieneFinding.workloads(context).compactMap { workload in
            guard workload.ref.kind == "Deployment", workload.desiredReplicas == 1 else { return nil }
            let services = context.snapshot.services.filter {
                $0.metadata.namespace == workload.ref.namespace && $0.spec.selector.selects(workload.templateLabels)
            }.map(\.metadata.name)
            guard !services.isEmpty else { return nil }
            let serviceText = "Service\(services.count == 1 ? "" : "s") \(Wording.list(services))"
            return HygieneFinding.make(
                "single-replica-service", analyzer: descriptor.id, owner: workload.ref,
                symptom: "1 replica behind \(serviceText)",
                rootCause: "Deployment \(workload.ref.name) runs a single replica behind \(serviceText): every restart, rollout or node drain leaves \(services.count == 1 ? "it" : "them") without endpoints.",
                evidence: [Evidence(.spec, "replicas 1; selected by \(serviceText)", object: workload.ref)],
                remediation: Remediation(
                    action: .scale, summary: "Run at least 2 replicas (and spread them over nodes) if the application allows more than one instance.",
                    parameters: ["replicas": "2"], command: KubectlCommand.scale(workload.ref, replicas: 2), safeToAutoApply: false))
        }
    }
}
