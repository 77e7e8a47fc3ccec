import HealAnalysis
import HealModel

extension RecommendationReport {
    /// Several clusters' recommendations as one report: every workload and error tagged with
    /// its context, clusters in the order asked for (`order`, which `members` follow), the
    /// summary counted over all of them, and `metadata.clusters` with each cluster's server and
    /// usage source or the failure that kept it out (`failures`, also first in `errors`).
    package static func fleet(
        _ members: [(context: String, report: RecommendationReport)], failures: [UnreadableResource], order: [String], settings: RecommenderSettings
    ) -> RecommendationReport {
        let workloads = members.flatMap { $0.report.workloads.inCluster($0.context) }
        let usages = members.map { ($0.context, $0.report.metadata.usage) }
        let metadata = Metadata(
            source: DiagnosisReport.Source(type: "fleet"), namespaces: members.first?.report.metadata.namespaces, usage: .fleet(usages),
            settings: settings,
            clusters: FleetCluster.entries(
                order: order, answered: members.map { ($0.context, $0.report.metadata.source, $0.report.metadata.usage) }, failures: failures))
        return RecommendationReport(
            metadata: metadata, workloads: workloads, errors: FleetCluster.errors(failures, members.map { ($0.context, $0.report.errors) }))
    }
}
