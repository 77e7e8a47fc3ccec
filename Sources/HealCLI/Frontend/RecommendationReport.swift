import HealAnalysis
import HealModel

/// The document `recommend-limits -o json|yaml` prints (kind `ResourceRecommendationReport`).
/// An API within `heal.kubectl.io/v1alpha1`: fields are added, never renamed or removed.
struct RecommendationReport: Encodable, Sendable {
    struct Metadata: Encodable, Sendable {
        var source: DiagnosisReport.Source
        /// nil: all namespaces.
        var namespaces: [String]?
        var usage: UsageDescription
        var settings: RecommenderSettings
    }

    /// Where usage came from and, when it fell short, why.
    struct UsageDescription: Encodable, Sendable {
        var source: UsageSourceKind
        /// "prometheus http://127.0.0.1:9090", "metrics-server (1 sample)".
        var endpoint: String?
        var historySeconds: Double?
        var stepSeconds: Double?
        /// Why there is less than asked for: "no Prometheus found (…); metrics-server is not installed".
        var note: String?
    }

    struct Summary: Encodable, Sendable {
        var workloads: Int
        var containers: Int
        /// Containers per severity (unknown = "?").
        var bySeverity: [String: Int]
        /// Workloads whose recommendation differs from what they run.
        var withChanges: Int
    }

    var metadata: Metadata
    var summary: Summary
    var workloads: [WorkloadRecommendation]
    /// What `--apply` did, change by change; absent without --apply.
    var applied: [ResizeResult]?
    /// What could not be read (RBAC, missing API groups); the report is partial there.
    var errors: [UnreadableResource]

    init(metadata: Metadata, workloads: [WorkloadRecommendation], errors: [UnreadableResource]) {
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
