import HealModel

/// Containers without a readiness or a liveness probe.
struct MissingProbesAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "hygiene-probes", group: .hygiene,
        summary: "Workloads with containers that have no readiness or no liveness probe.",
        codes: ["missing-probes"],
        reads: [],
        triggeringScenarios: ["hygiene-issues"],
        nonTriggeringScenarios: ["hygiene-clean"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        // A Job's pods run to completion: readiness and liveness do not apply to them.
        HygieneFinding.perContainer("missing-probes", analyzer: descriptor.id, context: context, includingRunToCompletion: false) { container in
            let missing = [container.readinessProbe == nil ? "readiness" : nil, container.livenessProbe == nil ? "liveness" : nil].compactMap { $0 }
            return missing.isEmpty ? nil : "no \(missing.joined(separator: " or ")) probe"
        } explain: { workload, problems in
            let text = problems.map(\.problem).joined(separator: " ")
            var consequences: [String] = []
            var probes: [String] = []
            if text.contains("readiness") {
                consequences.append("Services send traffic before the application can serve it")
                probes.append("a readinessProbe that checks the application can serve")
            }
            if text.contains("liveness") {
                consequences.append("a hung process is never restarted")
                probes.append("a livenessProbe where a restart cures a hang")
            }
            return (
                symptom: "\(HygieneFinding.containerNames(problems)) without probes",
                rootCause: "\(workload.ref.kind) \(workload.ref.name) runs \(problems.map { "container \($0.container) with \($0.problem)" }.joined(separator: "; ")): \(Wording.list(consequences)).",
                remediation: Remediation(
                    action: .manual, summary: "Add \(Wording.list(probes)) to \(HygieneFinding.containerNames(problems)).", safeToAutoApply: false))
        }
    }
}
