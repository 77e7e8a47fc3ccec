import HealModel

/// What every hygiene check reports the same way: advice at info severity, one finding per
/// owner of pods and code, on the owner itself, for owners that run pods at all.
enum HygieneFinding {
    /// A container and what it lacks: ("web", "no readiness probe").
    typealias ContainerProblem = (container: String, problem: String)

    /// Deployments, StatefulSets and DaemonSets that run pods (for the checks about replicas);
    /// one scaled to 0 is left alone.
    static func workloads(_ context: AnalysisContext) -> [TemplatedWorkload] {
        TemplatedWorkload.all(in: context.snapshot).filter { $0.desiredReplicas > 0 }
    }

    static func make(
        _ code: String, analyzer: String, owner: ResourceRef, symptom: String, rootCause: String, evidence: [Evidence],
        remediation: Remediation
    ) -> Finding {
        Finding(
            code: code, severity: .info, analyzer: analyzer, resource: owner, symptom: symptom, rootCause: rootCause,
            evidence: evidence, remediation: remediation, confidence: 1)
    }

    /// One finding per owner of pods with at least one container `problem` flags (owners whose
    /// pods run to completion only when `includingRunToCompletion`); `explain` turns the flagged
    /// containers into the symptom, root cause and remediation.
    static func perContainer(
        _ code: String, analyzer: String, context: AnalysisContext, includingRunToCompletion: Bool = true, problem: (Container) -> String?,
        explain: (PodOwner, [ContainerProblem]) -> (symptom: String, rootCause: String, remediation: Remediation)
    ) -> [Finding] {
        PodOwner.all(in: context.snapshot).compactMap { owner -> Finding? in
            guard includingRunToCompletion || !owner.runsToCompletion else { return nil }
            let problems: [ContainerProblem] = owner.containers.compactMap { container in problem(container).map { (container.name, $0) } }
            guard !problems.isEmpty else { return nil }
            let text = explain(owner, problems)
            return make(
                code, analyzer: analyzer, owner: owner.ref, symptom: text.symptom, rootCause: text.rootCause,
                evidence: problems.map { Evidence(.spec, "container \($0.container): \($0.problem)", object: owner.ref) },
                remediation: text.remediation)
        }
    }

    /// "container web" or "containers web and sidecar".
    static func containerNames(_ problems: [ContainerProblem]) -> String {
        (problems.count == 1 ? "container " : "containers ") + Wording.list(problems.map(\.container))
    }
}
