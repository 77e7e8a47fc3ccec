import HealModel

/// The versioned document `-o json|yaml` prints. Treat it as an API: fields are added, never
/// renamed or removed, within `heal.kubectl.io/v1alpha1`.
package struct DiagnosisReport: Codable, Sendable {
    package struct Metadata: Codable, Sendable {
        package var generatedAt: Timestamp
        /// The "now" ages are measured from (the snapshot's newest time when offline).
        package var referenceTime: Timestamp
        package var source: Source
        /// nil: all namespaces.
        package var namespaces: [String]?
        package var analyzers: [String]
        /// A run over several clusters: each context with its summary, or why it has none.
        package var clusters: [ClusterResult]?
    }

    /// One cluster of a run over several: its context and server, and its summary, or the
    /// error that kept it out (also listed in `errors`).
    package struct ClusterResult: Codable, Sendable {
        package var context: String
        package var server: String?
        package var summary: DiagnosisSummary?
        package var error: UnreadableResource?

        package init(context: String, server: String?, summary: DiagnosisSummary?, error: UnreadableResource?) {
            self.context = context
            self.server = server
            self.summary = summary
            self.error = error
        }
    }

    package struct Source: Codable, Sendable {
        /// "cluster" or "snapshot".
        package var type: String
        package var context: String?
        package var server: String?
        package var path: String?

        package init(type: String, context: String? = nil, server: String? = nil, path: String? = nil) {
            self.type = type
            self.context = context
            self.server = server
            self.path = path
        }
    }

    package var apiVersion = "heal.kubectl.io/v1alpha1"
    package var kind = "DiagnosisReport"
    package var metadata: Metadata
    package var summary: DiagnosisSummary
    package var findings: [Finding]
    /// Findings left out by the ignore annotation, `--ignore` or the config file, with who asked.
    package var suppressed: [SuppressedFinding]
    /// What could not be read (RBAC, missing API groups); the report is partial there.
    package var errors: [UnreadableResource]
    /// With `--explain`: the model, the endpoint and what the explanations cost.
    package var llm: LLMUsageSummary?

    init(metadata: Metadata, summary: DiagnosisSummary, findings: [Finding], suppressed: [SuppressedFinding], errors: [UnreadableResource]) {
        self.metadata = metadata
        self.summary = summary
        self.findings = findings
        self.suppressed = suppressed
        self.errors = errors
    }

    package init(diagnosis: Diagnosis, snapshot: ClusterSnapshot, source: Source, namespaces: [String]?, generatedAt: Timestamp, referenceTime: Timestamp) {
        metadata = Metadata(
            generatedAt: generatedAt, referenceTime: referenceTime, source: source, namespaces: namespaces,
            analyzers: diagnosis.analyzers)
        summary = diagnosis.summary
        findings = diagnosis.findings
        suppressed = diagnosis.suppressed
        errors = snapshot.unreadable
    }
}
