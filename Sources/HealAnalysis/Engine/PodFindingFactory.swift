import HealModel

/// Builds findings about one pod's container with the fields every pod analyzer fills the same
/// way: the owning workload, severity from whether the workload still serves, the pod sample.
struct PodFindingFactory {
    let context: AnalysisContext
    let analyzer: String
    private let texts = FindingTextInterner()

    init(context: AnalysisContext, analyzer: String) {
        self.context = context
        self.analyzer = analyzer
    }

    func finding(
        _ code: String, pod: Pod, container: String?, severity: Severity? = nil, symptom: String, rootCause: String,
        evidence: [Evidence], since: Timestamp?, remediation: Remediation? = nil, confidence: Double
    ) -> Finding {
        let workload = context.index.workload(of: pod)
        var finding = Finding(
            code: code,
            severity: severity ?? WorkloadAvailability.severity(for: workload, pod: pod, context: context),
            analyzer: analyzer,
            resource: pod.ref,
            owner: workload,
            container: container,
            pods: Finding.Pods(count: 1, sample: [pod.metadata.name]),
            symptom: symptom,
            rootCause: rootCause,
            evidence: evidence,
            since: since,
            remediation: remediation,
            confidence: confidence)
        texts.intern(&finding)
        return finding
    }

    /// Where a fix for this pod's containers goes: its workload's template, or the pod itself.
    func patchTarget(for pod: Pod) -> ResourceRef {
        context.index.workload(of: pod) ?? pod.ref
    }

    /// Events about this pod that concern the container (kubelet events carry
    /// `fieldPath: spec.containers{name}`); events without a field path count for every container.
    func events(for pod: Pod, container: String?) -> [Event] {
        context.index.events(for: pod).filter { event in
            guard let container, let path = event.regarding.fieldPath else { return true }
            return path.hasSuffix("{\(container)}")
        }
    }
}
