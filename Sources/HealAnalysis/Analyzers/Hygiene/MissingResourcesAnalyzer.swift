import HealModel

/// Containers without CPU/memory requests or without a memory limit. A CPU limit is not asked
/// for: it throttles a container even when the node is idle, and many teams leave it out on purpose.
struct MissingResourcesAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "hygiene-resources", group: .hygiene,
        summary: "Workloads with containers that have no CPU/memory requests (BestEffort) or no memory limit.",
        codes: ["missing-resources"],
        reads: [],
        triggeringScenarios: ["hygiene-issues"],
        nonTriggeringScenarios: ["hygiene-clean", "shop", "failover-clean"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        HygieneFinding.perContainer("missing-resources", analyzer: descriptor.id, context: context) { container in
            let requests = container.resources?.requests ?? [:]
            let limits = container.resources?.limits ?? [:]
            var missing: [String] = []
            if requests.isEmpty {
                missing.append("no requests")
            } else {
                missing += ["cpu", "memory"].filter { requests[$0] == nil }.map { "no \($0) request" }
            }
            if limits["memory"] == nil { missing.append("no memory limit") }
            return missing.isEmpty ? nil : missing.joined(separator: ", ")
        } explain: { workload, problems in
            let text = problems.map(\.problem).joined(separator: ", ")
            var consequences: [String] = []
            if text.contains("no requests") {
                consequences.append("a pod without requests is BestEffort: the scheduler reserves nothing for it and it is evicted first under pressure")
            }
            if text.contains("no cpu request") || text.contains("no memory request") {
                consequences.append("the scheduler does not reserve what is not requested, so the node can be overcommitted")
            }
            if text.contains("limit") { consequences.append("without a memory limit one container can take the node's memory") }
            let first = problems[0].container
            return (
                symptom: problems.map { "\($0.container): \($0.problem)" }.joined(separator: "; "),
                rootCause: "\(workload.ref.kind) \(workload.ref.name) runs \(problems.map { "container \($0.container) with \($0.problem)" }.joined(separator: "; ")): \(consequences.joined(separator: "; ")).",
                remediation: Remediation(
                    action: .manual,
                    summary: "Set cpu and memory requests and a memory limit on \(HygieneFinding.containerNames(problems))"
                        + (workload.templateEditable ? "; kubectl heal recommend-limits \(workload.ref.typeAndName) suggests values from usage." : " in its manifest."),
                    command: workload.templateEditable
                        ? KubectlCommand.setResources(workload.ref, container: first, requests: ["cpu", "memory"], limits: ["memory"]) : nil,
                    safeToAutoApply: false))
        }
    }
}
