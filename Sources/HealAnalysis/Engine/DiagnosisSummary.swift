import HealModel

/// The closing line of a report and its health score.
package struct DiagnosisSummary: Codable, Sendable, Equatable {
    package var findings: Int
    package var critical: Int
    package var warning: Int
    package var info: Int
    /// Workloads, Services, nodes and the other objects the analyzers assessed.
    package var resources: Int
    /// Of those, the ones with no finding at warning or above.
    package var healthyResources: Int
    /// 0–100: the share of assessed resources without a warning or critical finding.
    package var healthScore: Int
    /// Findings left out by the ignore annotation, `--ignore` or the config file.
    package var suppressed: Int
    package var text: String

    /// The summary, and each namespace's health score on the same terms (cluster-scoped
    /// resources, nodes say, count in the summary only).
    static func make(
        findings: [Finding], suppressed: Int, snapshot: ClusterSnapshot, index: SnapshotIndex, targets: [ResourceTarget]
    ) -> (summary: DiagnosisSummary, byNamespace: [String: NamespaceHealth]) {
        var units = assessedResources(snapshot, index: index)
        if !targets.isEmpty {
            // Only what was asked about counts: the targets, and the workloads of targeted pods.
            let podWorkloads = snapshot.pods.filter { pod in targets.contains { $0.matches(pod.ref) } }.map { index.workload(of: $0) ?? $0.ref }
            units = units.filter { unit in targets.contains { $0.matches(unit) } || podWorkloads.contains(unit) }
        }
        let unhealthy = Set(findings.filter { $0.severity >= .warning }.map(\.workload))
        let total = units.union(unhealthy).count
        let healthy = total - unhealthy.count
        let score = total == 0 ? 100 : Int((100 * Double(healthy) / Double(total)).rounded())
        let critical = findings.count { $0.severity == .critical }
        let warning = findings.count { $0.severity == .warning }
        let info = findings.count { $0.severity == .info }
        let summary = DiagnosisSummary(
            findings: findings.count, critical: critical, warning: warning, info: info, resources: total,
            healthyResources: healthy, healthScore: score, suppressed: suppressed,
            text: text(findings: findings.count, critical: critical, warning: warning, info: info, unhealthy: unhealthy.count, total: total, score: score, suppressed: suppressed))
        let byNamespace = Dictionary(grouping: units.union(unhealthy)) { $0.namespace ?? "" }.mapValues { units in
            NamespaceHealth(resources: units.count, healthy: units.count { !unhealthy.contains($0) })
        }
        return (summary, byNamespace)
    }

    static func text(findings: Int, critical: Int, warning: Int, info: Int, unhealthy: Int, total: Int, score: Int, suppressed: Int) -> String {
        let resources = total == 1 ? "1 resource" : "\(total) resources"
        let quieted = suppressed == 0 ? "" : "; \(suppressed) suppressed"
        guard findings > 0 else { return "No problems found in \(resources)\(quieted); health score \(score)/100." }
        let parts = [(critical, "critical"), (warning, "warning"), (info, "info")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        let noun = findings == 1 ? "finding" : "findings"
        return "\(findings) \(noun) (\(parts.joined(separator: ", "))); \(unhealthy) of \(resources) unhealthy\(quieted); health score \(score)/100."
    }

    /// Top-level workloads (bare pods included), Services with a selector, nodes, claims,
    /// autoscalers and ingresses.
    private static func assessedResources(_ snapshot: ClusterSnapshot, index: SnapshotIndex) -> Set<ResourceRef> {
        var units = Set<ResourceRef>()
        for pod in snapshot.pods {
            units.insert(index.workload(of: pod) ?? pod.ref)
        }
        units.formUnion(snapshot.deployments.map { $0.metadata.ref(kind: "Deployment") })
        units.formUnion(snapshot.statefulSets.map { $0.metadata.ref(kind: "StatefulSet") })
        units.formUnion(snapshot.daemonSets.map { $0.metadata.ref(kind: "DaemonSet") })
        units.formUnion(snapshot.jobs.filter { $0.metadata.controller == nil }.map { $0.metadata.ref(kind: "Job") })
        units.formUnion(snapshot.cronJobs.map { $0.metadata.ref(kind: "CronJob") })
        units.formUnion(snapshot.services.filter { !$0.spec.selector.isEmpty }.map { $0.metadata.ref(kind: "Service") })
        units.formUnion(snapshot.nodes.map { $0.metadata.ref(kind: "Node") })
        units.formUnion(snapshot.persistentVolumeClaims.map { $0.metadata.ref(kind: "PersistentVolumeClaim") })
        units.formUnion(snapshot.horizontalPodAutoscalers.map { $0.metadata.ref(kind: "HorizontalPodAutoscaler") })
        units.formUnion(snapshot.ingresses.map { $0.metadata.ref(kind: "Ingress") })
        return units
    }
}
