/// Reports each broken workload once.
/// - A generic workload symptom ("Deployment has 0 of 1 available replicas") folds into the
///   specific finding that explains it (OOMKilled, image typo …) for the same workload, its
///   facts kept as evidence.
/// - A generic container exit folds into the specific cause the same analyzer found for the
///   same workload and container: logs are read from a sample of pods, and the pods without a
///   log fail the same way as their siblings. Their pods are counted there.
/// - Generic container exits of a Job fold into the Job's own failure.
enum FindingFolder {
    static let workloadGeneric: Set<String> = [
        "deployment-unavailable", "progress-deadline-exceeded", "statefulset-not-ready", "daemonset-not-ready",
    ]
    static let podGeneric: Set<String> = ["crash-loop", "non-zero-exit"]

    static func fold(_ findings: [Finding]) -> [Finding] {
        var result = findings
        var folded = Set<Int>()
        for (index, finding) in findings.enumerated() {
            guard let (target, mergesPods) = foldTarget(for: finding, at: index, in: findings) else { continue }
            let status = finding.evidence.filter { $0.source == .status }.prefix(2)
            FindingGrouper.appendEvidence(Array(status), to: &result[target])
            if mergesPods, let pods = finding.pods {
                let count = (result[target].pods?.count ?? 0) + pods.count
                result[target].pods = Finding.Pods(count: count, sample: result[target].pods?.sample ?? pods.sample)
            }
            folded.insert(index)
        }
        return result.enumerated().filter { !folded.contains($0.offset) }.map(\.element)
    }

    private static func foldTarget(for finding: Finding, at index: Int, in findings: [Finding]) -> (Int, mergesPods: Bool)? {
        func first(where absorbs: (Finding) -> Bool) -> Int? {
            findings.indices.first { $0 != index && findings[$0].workload == finding.workload && absorbs(findings[$0]) }
        }
        if workloadGeneric.contains(finding.code) {
            // Advice (hygiene: info, no pods) explains nothing; a problem must never vanish into it.
            return first { !workloadGeneric.contains($0.code) && ($0.pods != nil || $0.severity >= .warning) }.map { ($0, false) }
        }
        guard podGeneric.contains(finding.code) else { return nil }
        if let sibling = first(where: { $0.analyzer == finding.analyzer && $0.container == finding.container && !podGeneric.contains($0.code) }) {
            return (sibling, true)
        }
        return first { $0.code == "job-failed" }.map { ($0, false) }
    }
}
