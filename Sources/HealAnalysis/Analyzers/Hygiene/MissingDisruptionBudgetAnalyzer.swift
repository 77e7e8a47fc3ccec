import HealModel

/// Multi-replica Deployments and StatefulSets that no PodDisruptionBudget protects: a drain or
/// cluster upgrade may evict every replica at once.
struct MissingDisruptionBudgetAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "hygiene-pdb", group: .hygiene,
        summary: "Deployments and StatefulSets with 2 or more replicas that no PodDisruptionBudget in their namespace selects.",
        codes: ["missing-pdb"],
        reads: [.podDisruptionBudgets],
        triggeringScenarios: ["hygiene-issues"],
        nonTriggeringScenarios: ["hygiene-clean", "agentic-demo"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        HygieneFinding.workloads(context).compactMap { workload in
            guard workload.ref.kind != "DaemonSet", workload.desiredReplicas >= 2 else { return nil }
            // A budget without a selector selects no pod (policy/v1).
            let covered = context.snapshot.podDisruptionBudgets.contains { budget in
                budget.metadata.namespace == workload.ref.namespace && (budget.spec?.selector?.matches(workload.templateLabels) ?? false)
            }
            guard !covered else { return nil }
            let matchLabels = workload.selector?.matchLabels ?? [:]
            let selector = (matchLabels.isEmpty ? workload.templateLabels : matchLabels).selectorText
            return HygieneFinding.make(
                "missing-pdb", analyzer: descriptor.id, owner: workload.ref,
                symptom: "\(workload.desiredReplicas) replicas, no PodDisruptionBudget",
                rootCause: "\(workload.ref.kind) \(workload.ref.name) runs \(workload.desiredReplicas) replicas but no PodDisruptionBudget selects its pods: a node drain or cluster upgrade may evict all of them at once.",
                evidence: [Evidence(.spec, "replicas \(workload.desiredReplicas); pod labels \(workload.templateLabels.selectorText); no PodDisruptionBudget in the namespace selects them", object: workload.ref)],
                remediation: Remediation(
                    action: .manual, summary: "Create a PodDisruptionBudget that lets at most one replica be evicted at a time.",
                    parameters: ["selector": selector, "maxUnavailable": "1"],
                    command: KubectlCommand.createDisruptionBudget(for: workload.ref, selector: selector, maxUnavailable: 1),
                    safeToAutoApply: false))
        }
    }
}
