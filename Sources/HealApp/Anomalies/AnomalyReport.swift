import HealAnalysis
import HealModel

/// The document `anomalies -o json|yaml` prints (kind `AnomalyReport`). An API within
/// `heal.kubectl.io/v1alpha1`: fields are added, never renamed or removed.
package struct AnomalyReport: Encodable, Sendable {
    package struct Metadata: Encodable, Sendable {
        package var source: DiagnosisReport.Source
        /// nil: all namespaces.
        package var namespaces: [String]?
        /// "prometheus http://127.0.0.1:9090".
        package var prometheus: String
        /// The history read: `windowSeconds` up to `end`, one point every `stepSeconds`.
        package var end: Timestamp
        package var windowSeconds: Double
        package var stepSeconds: Double
    }

    package struct Summary: Encodable, Sendable {
        /// Containers whose history was read.
        package var containers: Int
        package var anomalies: Int
        package var bySeverity: [String: Int]
        package var notEnoughHistory: Int
        /// Containers read with nothing to say: steady.
        package var quiet: Int
    }

    package var metadata: Metadata
    package var summary: Summary
    /// Worst first, then by workload.
    package var anomalies: [Anomaly]
    package var notEnoughHistory: [ShortHistory]
    /// What could not be read (RBAC, missing API groups).
    package var errors: [UnreadableResource]

    package init(metadata: Metadata, anomalies: [Anomaly], notEnoughHistory: [ShortHistory], containers: Int, quiet: Int, errors: [UnreadableResource]) {
        self.metadata = metadata
        self.anomalies = anomalies.sorted { ($1.severity, $0.workload, $0.container) < ($0.severity, $1.workload, $1.container) }
        self.notEnoughHistory = notEnoughHistory
        self.errors = errors
        summary = Summary(
            containers: containers, anomalies: anomalies.count,
            bySeverity: Dictionary(grouping: anomalies, by: \.severity.rawValue).mapValues(\.count), notEnoughHistory: notEnoughHistory.count, quiet: quiet)
    }
}
