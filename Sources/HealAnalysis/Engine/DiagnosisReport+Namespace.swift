import HealModel

extension DiagnosisReport {
    /// The report cut by namespace ("" for cluster-scoped objects and cluster-wide errors):
    /// each namespace's findings, suppressed findings and errors, with a summary over its
    /// resources (`health`). Every namespace of `health` has a part, a healthy one too.
    package func parts(health: [String: NamespaceHealth]) -> [String: DiagnosisReport] {
        let findings = Dictionary(grouping: findings) { $0.workload.namespace ?? "" }
        let suppressed = Dictionary(grouping: suppressed) { $0.finding.workload.namespace ?? "" }
        let errors = Dictionary(grouping: errors) { $0.namespace ?? "" }
        let namespaces = Set(health.keys).union(findings.keys).union(suppressed.keys).union(errors.keys)
        return Dictionary(uniqueKeysWithValues: namespaces.map { namespace in
            (namespace, part(namespace, health: health[namespace], findings: findings[namespace] ?? [], suppressed: suppressed[namespace] ?? [], errors: errors[namespace] ?? []))
        })
    }

    private func part(
        _ namespace: String, health: NamespaceHealth?, findings: [Finding], suppressed: [SuppressedFinding], errors: [UnreadableResource]
    ) -> DiagnosisReport {
        let unhealthy = Set(findings.filter { $0.severity >= .warning }.map(\.workload)).count
        let resources = max(health?.resources ?? 0, unhealthy)
        let healthy = min(health?.healthy ?? 0, resources - unhealthy)
        let score = NamespaceHealth(resources: resources, healthy: healthy).score
        let (critical, warning, info) = (findings.count { $0.severity == .critical }, findings.count { $0.severity == .warning }, findings.count { $0.severity == .info })
        var metadata = metadata
        metadata.namespaces = namespace.isEmpty ? [] : [namespace]
        return DiagnosisReport(
            metadata: metadata,
            summary: DiagnosisSummary(
                findings: findings.count, critical: critical, warning: warning, info: info, resources: resources, healthyResources: healthy,
                healthScore: score, suppressed: suppressed.count,
                text: DiagnosisSummary.text(
                    findings: findings.count, critical: critical, warning: warning, info: info, unhealthy: resources - healthy, total: resources,
                    score: score, suppressed: suppressed.count)),
            findings: findings, suppressed: suppressed, errors: errors)
    }
}
