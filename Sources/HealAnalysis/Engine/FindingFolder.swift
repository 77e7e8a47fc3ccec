/// Reports each broken workload once. A generic workload symptom ("Deployment has 0 of 1
/// available replicas") is folded into the specific finding that explains it (OOMKilled,
/// image typo …) for the same workload, its facts kept as evidence. Generic container exits of
/// a Job fold into the Job's own failure.
enum FindingFolder {
    static let workloadGeneric: Set<String> = [
        "deployment-unavailable", "progress-deadline-exceeded", "statefulset-not-ready", "daemonset-not-ready",
    ]
    static let podGeneric: Set<String> = ["crash-loop", "non-zero-exit"]

    static func fold(_ findings: [Finding]) -> [Finding] {
        var result = findings
        var folded = IndexSet()
        for (index, finding) in findings.enumerated() {
            guard let target = foldTarget(for: finding, at: index, in: findings) else { continue }
            let status = finding.evidence.filter { $0.source == .status }.prefix(2)
            FindingGrouper.appendEvidence(Array(status), to: &result[target])
            folded.insert(index)
        }
        return result.enumerated().filter { !folded.contains($0.offset) }.map(\.element)
    }

    private static func foldTarget(for finding: Finding, at index: Int, in findings: [Finding]) -> Int? {
        let absorbs: (Finding) -> Bool
        if workloadGeneric.contains(finding.code) {
            absorbs = { !workloadGeneric.contains($0.code) }
        } else if podGeneric.contains(finding.code) {
            absorbs = { $0.code == "job-failed" }
        } else {
            return nil
        }
        return findings.indices.first { other in
            other != index && findings[other].workload == finding.workload && absorbs(findings[other])
        }
    }
}

/// A small ordered set of positions, enough for folding.
private struct IndexSet {
    private var members: Set<Int> = []
    mutating func insert(_ index: Int) { members.insert(index) }
    func contains(_ index: Int) -> Bool { members.contains(index) }
}
