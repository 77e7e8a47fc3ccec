/// Reports each broken workload once.
/// - A generic workload symptom ("Deployment has 0 of 1 available replicas") folds into the
///   specific finding that explains it (OOMKilled, image typo …) for the same workload, its
///   facts kept as evidence. A workload still serving but short of replicas says so in the
///   root cause: one pod's readiness failure is also a Deployment running below its count.
/// - A generic container exit folds into the specific cause the same analyzer found for the
///   same workload and container: logs are read from a sample of pods, and the pods without a
///   log fail the same way as their siblings. Their pods are counted there.
/// - Generic container exits of a Job fold into the Job's own failure.
enum FindingFolder {
    static let workloadGeneric: Set<String> = [
        "deployment-unavailable", "progress-deadline-exceeded", "statefulset-not-ready", "daemonset-not-ready", "replicaset-not-ready",
    ]
    /// The generic findings whose symptom counts ready replicas against those wanted.
    static let replicaShortfalls: Set<String> = ["deployment-unavailable", "statefulset-not-ready", "daemonset-not-ready", "replicaset-not-ready"]
    static let podGeneric: Set<String> = ["crash-loop", "non-zero-exit"]
    /// Workload-level findings that name the cause themselves.
    static let workloadSpecific: Set<String> = ["replicaset-create-failed", "job-failed"]

    static func fold(_ findings: [Finding]) -> [Finding] {
        var result = findings
        var folded = Set<Int>()
        // Candidates are the same workload's findings: a mass failure has thousands of workloads.
        let positionsByWorkload = Dictionary(grouping: findings.indices) { findings[$0].workload }
        for (index, finding) in findings.enumerated() {
            let sameWorkload = positionsByWorkload[finding.workload] ?? []
            guard let (target, mergesPods) = foldTarget(for: finding, at: index, among: sameWorkload, in: findings) else { continue }
            let status = finding.evidence.filter { $0.source == .status }.prefix(2)
            FindingGrouper.appendEvidence(Array(status), to: &result[target])
            // A warning shortfall is a partial one (an outage is critical and the cause says it
            // all); a cause the workload reports itself (job-failed …) already speaks for it.
            if replicaShortfalls.contains(finding.code), finding.severity == .warning, !workloadSpecific.contains(result[target].code) {
                result[target].rootCause += " \(finding.workload.kind) \(finding.workload.name) has \(finding.symptom)."
            }
            if mergesPods, let pods = finding.pods {
                let count = (result[target].pods?.count ?? 0) + pods.count
                result[target].pods = Finding.Pods(count: count, sample: result[target].pods?.sample ?? pods.sample)
            }
            folded.insert(index)
        }
        return result.enumerated().filter { !folded.contains($0.offset) }.map(\.element)
    }

    /// `sameWorkload`: the positions of the findings about the finding's workload, in order.
    private static func foldTarget(for finding: Finding, at index: Int, among sameWorkload: [Int], in findings: [Finding]) -> (Int, mergesPods: Bool)? {
        // A problem never folds into a milder finding (a 10-minute outage must not vanish into
        // "containers are being created"), nor into advice.
        func first(where absorbs: (Finding) -> Bool) -> Int? {
            sameWorkload.first { candidate in
                candidate != index && findings[candidate].severity >= finding.severity && absorbs(findings[candidate])
            }
        }
        if workloadGeneric.contains(finding.code) {
            return first { ($0.pods != nil && !workloadGeneric.contains($0.code)) || workloadSpecific.contains($0.code) }.map { ($0, false) }
        }
        guard podGeneric.contains(finding.code) else { return nil }
        if let sibling = first(where: { $0.analyzer == finding.analyzer && $0.container == finding.container && !podGeneric.contains($0.code) }) {
            return (sibling, true)
        }
        return first { $0.code == "job-failed" }.map { ($0, false) }
    }
}
