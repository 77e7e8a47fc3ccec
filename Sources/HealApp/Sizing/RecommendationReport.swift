import HealAnalysis
import HealModel

/// The document `recommend-limits -o json|yaml` prints (kind `ResourceRecommendationReport`).
/// An API within `heal.kubectl.io/v1alpha1`: fields are added, never renamed or removed.
package struct RecommendationReport: Encodable, Sendable {
    package struct Metadata: Encodable, Sendable {
        package var source: DiagnosisReport.Source
        /// nil: all namespaces.
        package var namespaces: [String]?
        package var usage: UsageDescription
        package var settings: RecommenderSettings
        /// A run over several clusters: each context with its server and usage source, or the
        /// error that kept it out (also in `errors`).
        package var clusters: [FleetCluster]?
    }

    /// Where usage came from and, when it fell short, why.
    package struct UsageDescription: Encodable, Sendable {
        package var source: UsageSourceKind
        /// "prometheus http://127.0.0.1:9090", "metrics-server (1 sample)".
        package var endpoint: String?
        package var historySeconds: Double?
        package var stepSeconds: Double?
        /// Why there is less than asked for: "no Prometheus found (…); metrics-server is not installed".
        package var note: String?
    }

    package struct Summary: Encodable, Sendable {
        package var workloads: Int
        package var containers: Int
        /// Containers per severity (unknown = "?").
        package var bySeverity: [String: Int]
        /// Workloads whose recommendation differs from what they run.
        package var withChanges: Int
    }

    package var metadata: Metadata
    package var summary: Summary
    package var workloads: [WorkloadRecommendation]
    /// What `--apply` did, change by change; absent without --apply.
    package var applied: [ResizeResult]?
    /// What could not be read (RBAC, missing API groups); the report is partial there.
    package var errors: [UnreadableResource]

    package init(metadata: Metadata, workloads: [WorkloadRecommendation], errors: [UnreadableResource]) {
        self.metadata = metadata
        self.workloads = workloads
        self.errors = errors
        let containers = workloads.flatMap(\.containers)
        summary = Summary(
            workloads: workloads.count, containers: containers.count,
            bySeverity: Dictionary(grouping: containers, by: \.severity.rawValue).mapValues(\.count),
            withChanges: workloads.filter(\.hasChanges).count)
    }
}
