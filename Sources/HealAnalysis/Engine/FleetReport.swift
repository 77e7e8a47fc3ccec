import HealModel

extension DiagnosisReport {
    /// The reports of several clusters as one: every finding, suppressed finding and error
    /// tagged with its context; findings worst first across clusters (then by cluster, each
    /// cluster's own order kept); the summary summed, its score taken over every cluster's
    /// resources; `metadata.clusters` with each cluster's summary, or the failure that kept it
    /// out (`failures`, also listed in `errors`), in the order the contexts were given
    /// (`order`, which `members` follow).
    package static func fleet(
        _ members: [(context: String, report: DiagnosisReport)], failures: [UnreadableResource], order: [String], generatedAt: Timestamp
    ) -> DiagnosisReport {
        var findings: [(cluster: Int, position: Int, finding: Finding)] = []
        var suppressed: [SuppressedFinding] = []
        var errors: [UnreadableResource] = []
        for (rank, member) in members.enumerated() {
            for (position, finding) in member.report.findings.inCluster(member.context).enumerated() {
                findings.append((rank, position, finding))
            }
            suppressed += member.report.suppressed.map { item in
                var item = item
                item.finding = item.finding.inCluster(member.context)
                return item
            }
            errors += member.report.errors.inCluster(member.context)
        }
        findings.sort { a, b in
            a.finding.severity != b.finding.severity ? a.finding.severity > b.finding.severity : (a.cluster, a.position) < (b.cluster, b.position)
        }
        let clusters = order.map { context in
            let report = members.first { $0.context == context }?.report
            return ClusterResult(
                context: context, server: report?.metadata.source.server, summary: report?.summary, error: failures.first { $0.cluster == context })
        }
        let first = members.first?.report
        return DiagnosisReport(
            metadata: Metadata(
                generatedAt: generatedAt, referenceTime: generatedAt, source: Source(type: "fleet"),
                namespaces: first?.metadata.namespaces,
                analyzers: Array(Set(members.flatMap(\.report.metadata.analyzers))).sorted(), clusters: clusters),
            summary: DiagnosisSummary.summing(members.map(\.report.summary), clusters: order.count, failed: failures.compactMap(\.cluster)),
            findings: findings.map(\.finding), suppressed: suppressed, errors: failures + errors)
    }
}

extension DiagnosisSummary {
    /// Several clusters' summaries as one; the text says over how many clusters, and which
    /// could not be read.
    static func summing(_ summaries: [DiagnosisSummary], clusters: Int, failed: [String]) -> DiagnosisSummary {
        func sum(_ value: (DiagnosisSummary) -> Int) -> Int { summaries.reduce(0) { $0 + value($1) } }
        let (total, healthy) = (sum(\.resources), sum(\.healthyResources))
        let score = total == 0 ? 100 : Int((100 * Double(healthy) / Double(total)).rounded())
        let (findings, critical, warning, info, suppressed) = (sum(\.findings), sum(\.critical), sum(\.warning), sum(\.info), sum(\.suppressed))
        let text = text(
            findings: findings, critical: critical, warning: warning, info: info, unhealthy: total - healthy, total: total, score: score, suppressed: suppressed)
        let read = clusters - failed.count
        let across = " Across \(read) of \(clusters) clusters" + (failed.isEmpty ? "." : "; not read: \(failed.joined(separator: ", ")).")
        return DiagnosisSummary(
            findings: findings, critical: critical, warning: warning, info: info, resources: total, healthyResources: healthy, healthScore: score,
            suppressed: suppressed, text: text + across)
    }
}
