/// Collapses pod-level findings that share a code, a workload and a container into one finding
/// with a pod count and a sample, so ten crash-looping replicas read as one problem.
enum FindingGrouper {
    static let sampleSize = 3
    static let evidenceLimit = 10

    private struct Key: Hashable {
        var code: String
        var workload: ResourceRef
        var container: String?
    }

    static func group(_ findings: [Finding]) -> [Finding] {
        let ordered = findings.sorted { ($0.code, $0.workload, $0.resource.name) < ($1.code, $1.workload, $1.resource.name) }
        var keys: [Key] = []
        var merged: [Key: Finding] = [:]
        for finding in ordered {
            let key = Key(code: finding.code, workload: finding.workload, container: finding.container)
            guard var existing = merged[key] else {
                keys.append(key)
                merged[key] = finding
                continue
            }
            merge(finding, into: &existing)
            merged[key] = existing
        }
        return keys.compactMap { merged[$0] }
    }

    private static func merge(_ finding: Finding, into existing: inout Finding) {
        let count = (existing.pods?.count ?? 1) + (finding.pods?.count ?? 1)
        let names = Set((existing.pods?.sample ?? []) + (finding.pods?.sample ?? [])).sorted()
        existing.pods = Finding.Pods(count: count, sample: Array(names.prefix(sampleSize)))
        existing.severity = max(existing.severity, finding.severity)
        existing.confidence = max(existing.confidence, finding.confidence)
        if let since = finding.since, existing.since.map({ since < $0 }) ?? true {
            existing.since = since
        }
        appendEvidence(finding.evidence, to: &existing)
        if existing.remediation == nil { existing.remediation = finding.remediation }
    }

    /// Adds evidence not already present (same text), up to the limit.
    static func appendEvidence(_ evidence: [Evidence], to finding: inout Finding) {
        for item in evidence where finding.evidence.count < evidenceLimit {
            if !finding.evidence.contains(where: { $0.text == item.text && $0.source == item.source }) {
                finding.evidence.append(item)
            }
        }
    }
}
