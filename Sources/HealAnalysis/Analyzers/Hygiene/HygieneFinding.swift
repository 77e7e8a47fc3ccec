import HealModel

/// What every hygiene check reports the same way: advice at info severity, one finding per
/// workload and code, on the workload itself, for workloads that run pods at all.
enum HygieneFinding {
    /// A container and what it lacks: ("web", "no readiness probe").
    typealias ContainerProblem = (container: String, problem: String)

    /// Deployments, StatefulSets and DaemonSets that run pods; one scaled to 0 is left alone.
    static func workloads(_ context: AnalysisContext) -> [TemplatedWorkload] {
        TemplatedWorkload.all(in: context.snapshot).filter { $0.desiredReplicas > 0 }
    }

    static func make(
        _ code: String, analyzer: String, workload: TemplatedWorkload, symptom: String, rootCause: String, evidence: [Evidence],
        remediation: Remediation
    ) -> Finding {
        Finding(
            code: code, severity: .info, analyzer: analyzer, resource: workload.ref, symptom: symptom, rootCause: rootCause,
            evidence: evidence, remediation: remediation, confidence: 1)
    }

    /// One finding per workload with at least one container `problem` flags; `explain` turns
    /// the flagged containers into the symptom, root cause and remediation.
    static func perContainer(
        _ code: String, analyzer: String, context: AnalysisContext, problem: (Container) -> String?,
        explain: (TemplatedWorkload, [ContainerProblem]) -> (symptom: String, rootCause: String, remediation: Remediation)
    ) -> [Finding] {
        workloads(context).compactMap { workload -> Finding? in
            let problems: [ContainerProblem] = workload.containers.compactMap { container in problem(container).map { (container.name, $0) } }
            guard !problems.isEmpty else { return nil }
            let text = explain(workload, problems)
            return make(
                code, analyzer: analyzer, workload: workload, symptom: text.symptom, rootCause: text.rootCause,
                evidence: problems.map { Evidence(.spec, "container \($0.container): \($0.problem)", object: workload.ref) },
                remediation: text.remediation)
        }
    }

    /// "container web" or "containers web and sidecar".
    static func containerNames(_ problems: [ContainerProblem]) -> String {
        (problems.count == 1 ? "container " : "containers ") + Wording.list(problems.map(\.container))
    }
}
